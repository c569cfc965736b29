#!/usr/bin/env bash
# Set up what the add-on needs, idempotently. The argument says for what:
#   run   (default) PostgreSQL, wkhtmltopdf and CJK fonts (PDF reports), the venv, the conf
#   test  the same, plus Chromium (browser tours) and poppler-utils (PDF text in tests)
#   lint  the venv only
# Root (sudo when not root) is used only for what needs it, and said when used: apt-get
# install of missing Debian packages, creating or starting a local PostgreSQL cluster,
# and creating the PostgreSQL role as the postgres user.
source "$(dirname "$0")/common.sh"
mode="${1:-run}"
case "$mode" in run | test | lint) ;; *) die "setup.sh: run, test or lint, not '$mode'" ;; esac

check_odoo

# --- Debian packages ------------------------------------------------------------------
deb_install() {  # PACKAGE...: those that are missing
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -gt 0 ] || return 0
    command -v apt-get >/dev/null ||
        die "missing: ${missing[*]} (this is not Debian or Ubuntu: install them, or their equivalents, by hand)"
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

# --- PostgreSQL -----------------------------------------------------------------------
# A server that already accepts us (PGHOST, PGPORT, PGUSER, PGPASSWORD as libpq reads
# them) is used as it is. Otherwise, on this machine only: install and start a Debian
# cluster, and create our role with CREATEDB (not superuser) when it is missing.
setup_postgres() {
    command -v psql >/dev/null && pg_ok && return 0
    local role="${PGUSER:-$(id -un)}" where="${PGHOST:-local socket}:${PGPORT:-5432}"
    case "${PGHOST:-}" in
        "" | /* | localhost | 127.0.0.1 | ::1) ;;
        *)  # another machine's server: nothing to install or start here
            deb_install postgresql-client
            psql -d postgres -tAc 'SELECT 1' >/dev/null ||
                die "cannot connect to PostgreSQL at $where as $role (see above). Create the role
there with CREATEDB, or set PGUSER / PGPASSWORD."
            return 0 ;;
    esac
    command -v pg_isready >/dev/null || deb_install postgresql
    if ! pg_isready -q; then
        deb_install postgresql
        if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
            say "starting PostgreSQL"
            if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
                local ver; ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
                as_root pg_createcluster "$ver" main >/dev/null
            fi
            local ver name
            read -r ver name _ < <(pg_lsclusters -h | head -1)
            as_root pg_ctlcluster "$ver" "$name" start
        fi
        for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
    fi
    pg_ok && return 0
    # the server answers but does not let us in: our role is missing
    if ! as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$role'\"" | grep -q 1; then
        say "creating PostgreSQL role $role (LOGIN, CREATEDB; not a superuser)"
        as_postgres "createuser --createdb '$role'"
        if [ -n "${PGPASSWORD:-}" ]; then
            printf "ALTER ROLE \"%s\" PASSWORD '%s';\n" "$role" "${PGPASSWORD//\'/\'\'}" |
                as_postgres "psql -q"
        fi
    fi
    psql -d postgres -tAc 'SELECT 1' >/dev/null ||
        die "PostgreSQL at $where refuses role $role (see above): check pg_hba.conf and PGPASSWORD."
}

if [ "$mode" != lint ]; then
    packages=(wkhtmltopdf fonts-noto-cjk)
    [ "$mode" = test ] && packages+=(chromium poppler-utils)
    deb_install "${packages[@]}"
    setup_postgres
fi

# --- Python venv ----------------------------------------------------------------------
if [ ! -f "$VENV/.complete" ]; then
    say "building the Python environment in $VENV (first run only)"
    rm -rf "$VENV"
    mkdir -p "$CACHE_DIR"
    "$PYTHON" -m venv "$VENV" ||
        die "$PYTHON -m venv failed: on Debian/Ubuntu install python3-venv"
    pip_q() { "$VPY" -m pip install -q "$@" 2> >(grep -v "is ignored: it is neither" >&2); }
    pip_q --upgrade "pip<25" wheel
    pip_q -r "$ROOT/requirements.txt" -r "$ROOT/requirements-test.txt"
    pip_q --no-deps -r "$ROOT/requirements-oca.txt"
    touch "$VENV/.complete"
fi
ln -sfn "$VENV" "$ROOT/.venv"
write_conf
