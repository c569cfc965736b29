#!/usr/bin/env bash
# Set up everything the add-on needs to run and be tested, idempotently:
# Debian packages, PostgreSQL with a login role, the Python venv, and a check of Odoo.
source "$(dirname "$0")/common.sh"

check_odoo

# --- Debian packages ------------------------------------------------------------------
DEB_PACKAGES=(postgresql chromium wkhtmltopdf fonts-noto-cjk poppler-utils)
missing=()
for p in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

# --- PostgreSQL -----------------------------------------------------------------------
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
    say "starting PostgreSQL"
    if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
        ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
        as_root pg_createcluster "$ver" main >/dev/null
    fi
    read -r ver name _ < <(pg_lsclusters -h | head -1)
    as_root pg_ctlcluster "$ver" "$name" start
fi
me=$(id -un)
if ! as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$me'\"" | grep -q 1; then
    say "creating PostgreSQL role $me"
    as_postgres "createuser --superuser '$me'"
fi

# --- Python venv ----------------------------------------------------------------------
if [ ! -f "$VENV/.complete" ]; then
    say "building the Python environment in $VENV (first run only)"
    rm -rf "$VENV"
    mkdir -p "$CACHE_DIR"
    "$PYTHON" -m venv "$VENV"
    pip_q() { "$VPY" -m pip install -q "$@" 2> >(grep -v "is ignored: it is neither" >&2); }
    pip_q --upgrade "pip<25" wheel
    pip_q -r "$ROOT/requirements.txt" -r "$ROOT/requirements-test.txt"
    pip_q --no-deps -r "$ROOT/requirements-oca.txt"
    touch "$VENV/.complete"
fi
ln -sfn "$VENV" "$ROOT/.venv"
write_conf
