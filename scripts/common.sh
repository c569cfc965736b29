# Shared settings for the project's scripts. Source it; do not run it.
# Everything here can be overridden from the environment.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_PATH="${ODOO_PATH:-/opt/odoo}"
PYTHON="${PYTHON:-python3}"
CACHE_DIR="${ORDER_WORKFLOW_CACHE:-$HOME/.cache/order_workflow}"
HTTP_HOST="${HTTP_HOST:-127.0.0.1}"
HTTP_PORT="${HTTP_PORT:-8069}"
# This clone: its folder's name and a hash of its path. Two clones on one machine get
# their own databases (and the conf below); templates are shared, see template_db.sh.
CLONE_HASH=$(echo "$ROOT" | sha256sum | cut -c1-8)
CLONE_NAME=$(basename "$ROOT" | tr -c 'A-Za-z0-9\n' '_' | tr 'A-Z' 'a-z' | cut -c1-16)
# what ownership comments on databases name: this machine and this clone's path
CLONE_TAG="$(uname -n):$ROOT"
DB_PREFIX="${DB_PREFIX:-order_workflow_${CLONE_NAME}_${CLONE_HASH:0:6}}"
DEMO_DB="${DEMO_DB:-${DB_PREFIX}_demo}"
TEST_DB="${TEST_DB:-${DB_PREFIX}_test}"
# PostgreSQL: libpq's own variables (PGHOST, PGPORT, PGUSER, PGPASSWORD) are used as
# they are by psql, createdb, dropdb and Odoo; unset means the local server's socket.
export PGHOST="${PGHOST:-}"

say() { printf '\033[1m[order_workflow]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[order_workflow] %s\033[0m\n' "$*" >&2; exit 1; }

# Root is needed only for: apt-get install, creating or starting a local PostgreSQL
# cluster, and creating the PostgreSQL role (as the postgres user). Each is announced.
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then say "needs root, running with sudo: $*"; sudo "$@"
    else die "needs root (or sudo) to run: $*"
    fi
}

# A command as the postgres OS user, on the local server's socket (peer authentication)
as_postgres() {
    local cmd="unset PGHOST PGUSER PGPASSWORD PGDATABASE; PGPORT=${PGPORT:-5432}; export PGPORT; $*"
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$cmd"
    elif command -v sudo >/dev/null 2>&1; then
        say "needs the postgres user, running with sudo: $*"
        sudo -u postgres sh -c "$cmd"
    else die "needs the postgres user (sudo) to run: $*"
    fi
}

pg_ok() { psql -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; }
db_exists() { psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'" | grep -q 1; }

# Ownership of databases: a comment "order_workflow KIND of HOST:PATH" on each database
# this project creates. A clone drops only databases it made, those whose clone is gone
# from this machine, and ones without such a comment (made before comments, or named by
# the user in TEST_DB / DEMO_DB).
db_comment() {
    psql -d postgres -tAc "SELECT shobj_description(oid, 'pg_database') FROM pg_database
                           WHERE datname='$1'"
}
owned_by_us() {  # COMMENT: 0 when this clone made it, or its clone no longer exists here
    local owner="${1##* of }"
    [ "$owner" = "$CLONE_TAG" ] && return 0
    [ "${owner%%:*}" = "$(uname -n)" ] && [ ! -d "${owner#*:}" ] && return 0
    return 1
}
set_owner() {  # DB KIND
    psql -d postgres -qc "COMMENT ON DATABASE \"$1\" IS 'order_workflow $2 of $CLONE_TAG'"
}
# drop_db DB: dropdb --force and the filestore, refused for another clone's database
drop_db() {
    db_exists "$1" || { rm -rf "${DATA_DIR:?}/filestore/$1"; return 0; }
    local c; c=$(db_comment "$1")
    if [[ "$c" == "order_workflow "*" of "* ]] && ! owned_by_us "$c"; then
        die "database $1 belongs to another clone (${c##* of }): not dropped. Set TEST_DB / DEMO_DB
to a name of your own, or drop it by hand if you are sure."
    fi
    dropdb --if-exists --force "$1"
    rm -rf "${DATA_DIR:?}/filestore/$1"
}
# db_from_template DB TEMPLATE: a fresh copy of the template, with its filestore
db_from_template() {
    drop_db "$1"
    createdb -T "$2" "$1"
    set_owner "$1" database
    if [ -d "$DATA_DIR/filestore/$2" ]; then
        cp -al "$DATA_DIR/filestore/$2" "$DATA_DIR/filestore/$1"
    fi
    return 0
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
