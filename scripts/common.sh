# Shared settings for the project's scripts. Source it; do not run it.
# Everything here can be overridden from the environment.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_PATH="${ODOO_PATH:-/opt/odoo}"
PYTHON="${PYTHON:-python3}"
CACHE_DIR="${ORDER_WORKFLOW_CACHE:-$HOME/.cache/order_workflow}"
HTTP_HOST="${HTTP_HOST:-127.0.0.1}"
HTTP_PORT="${HTTP_PORT:-8069}"
DEMO_DB="${DEMO_DB:-order_workflow_demo}"
TEST_DB="${TEST_DB:-order_workflow_test}"
export PGHOST="${PGHOST:-}"

say() { printf '\033[1m[order_workflow]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[order_workflow] %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else die "need root (or sudo) to run: $*"
    fi
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"
    else sudo -u postgres sh -c "$*"
    fi
}

# The venv lives outside the clone, keyed by the requirement files and the Python version,
# so a fresh clone (CI) reuses it and a changed requirement gets a new one.
venv_key() {
    cat "$ROOT"/requirements.txt "$ROOT"/requirements-test.txt "$ROOT"/requirements-oca.txt \
        | { cat; "$PYTHON" -c 'import sys; print(sys.version)'; } | sha256sum | cut -c1-16
}
VENV="$CACHE_DIR/venv-$(venv_key)"
VPY="$VENV/bin/python"

oca_addons_dir() {
    "$VPY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"] + "/odoo/addons")'
}

addons_path() {
    echo "$ODOO_PATH/odoo/addons,$ODOO_PATH/addons,$(oca_addons_dir),$ROOT"
}

DATA_DIR="$CACHE_DIR/data"
ODOO_CONF="$CACHE_DIR/odoo-$(echo "$ROOT" | sha256sum | cut -c1-8).conf"

# An Odoo configuration file for this clone: addons path and data dir (filestore).
write_conf() {
    mkdir -p "$DATA_DIR"
    cat >"$ODOO_CONF" <<CONF
[options]
addons_path = $(addons_path)
data_dir = $DATA_DIR
http_interface = $HTTP_HOST
http_port = $HTTP_PORT
CONF
}

# Run Odoo from its source tree with the project's venv.
odoo_bin() {
    [ -f "$ODOO_CONF" ] || write_conf
    PYTHONPATH="$ODOO_PATH" "$VPY" "$ODOO_PATH/odoo-bin" -c "$ODOO_CONF" "$@"
}

check_odoo() {
    local rel="$ODOO_PATH/odoo/release.py"
    [ -f "$rel" ] || die "Odoo 18.0 not found: $rel is missing.
Put an Odoo 18.0 source tree (the folder holding odoo-bin, odoo/ and addons/) at $ODOO_PATH,
or set ODOO_PATH to where it is, e.g. 'ODOO_PATH=/path/to/odoo make test'."
    local major
    major=$("$PYTHON" - "$rel" <<'PY'
import sys
ns = {}
exec(open(sys.argv[1]).read(), ns)
print(ns["version_info"][0])
PY
)
    [ "$major" = 18 ] || die "Odoo at $ODOO_PATH is version $major, this add-on needs Odoo 18.0."
}

# Run Python code with `env` against a database: odoo_exec DB CODE
odoo_exec() {
    [ -f "$ODOO_CONF" ] || write_conf
    PYTHONPATH="$ODOO_PATH" "$VPY" "$ROOT/scripts/odoo_exec.py" "$ODOO_CONF" "$@"
}
