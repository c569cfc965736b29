#!/usr/bin/env bash
# Does the wheel install into an Odoo 18 that was installed with pip? In a fresh venv:
#   1. Odoo's Python packages (requirements.txt), then Odoo 18 itself with pip from the
#      source tree at ODOO_PATH, packaged the way Odoo packages its releases (the
#      addons/ folder moved into odoo/addons; the tree itself is copied, not changed);
#   2. scripts/install_addon.sh with that venv's Python and its `odoo` command: our
#      wheel with its OCA dependencies (held to requirements-oca.txt), then
#      `odoo -i order_workflow` into a new database, without demo data;
#   3. a check that the module is installed, then the database and the venv are removed.
# Nothing comes from ODOO_PATH at run time: no PYTHONPATH, no addons_path but the one
# install_addon.sh writes. Takes 15 to 40 minutes (Odoo makes a 1 GB package). KEEP=1
# keeps the venv and the database.
source "$(dirname "$0")/common.sh"
check_odoo
bash "$ROOT/scripts/setup.sh" run >/dev/null
DB="${PIP_CHECK_DB:-${DB_PREFIX}_pipcheck}"
work="$CACHE_DIR/pip-check-$CLONE_HASH"
cleanup() {
    [ -n "${KEEP:-}" ] && return
    (drop_db "$DB") || true
    rm -rf "$work"
}
trap cleanup EXIT
rm -rf "$work"
mkdir -p "$work"
start=$SECONDS

say "1/3 fresh venv in $work/venv with Odoo's requirements"
"$PYTHON" -m venv "$work/venv"
py="$work/venv/bin/python"
pip_q() { "$py" -m pip install -q "$@" 2> >(grep -v "is ignored: it is neither" >&2); }
pip_q --upgrade "pip<25" wheel setuptools
pip_q -r "$ROOT/requirements.txt"
say "1/3 pip install of Odoo from a copy of $ODOO_PATH"
mkdir -p "$work/src"
tar -C "$ODOO_PATH" --exclude=.git --exclude=__pycache__ -cf - . | tar -C "$work/src" -xf -
for addon in "$work/src/addons/"*/; do
    mv "$addon" "$work/src/odoo/addons/"
done
# --no-deps: Odoo's setup.py asks for psycopg2, built from source; requirements.txt has
# psycopg2-binary and the rest, at Odoo's versions
pip_q --no-deps "$work/src"
rm -rf "$work/src"
(cd "$work" && env -u PYTHONPATH "$work/venv/bin/odoo" --version) ||
    die "the pip-installed odoo command does not start"

say "2/3 scripts/install_addon.sh into that Odoo, database $DB"
(drop_db "$DB")
cat >"$work/odoo.conf" <<CONF
[options]
data_dir = $work/data
http_port = $("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
CONF
(cd "$work" && env -u PYTHONPATH ODOO_PYTHON="$py" ODOO_BIN="$work/venv/bin/odoo" \
    ODOO_RC="$work/odoo.conf" ODOO_DB="$DB" ODOO_ARGS="--without-demo=all" \
    bash "$ROOT/scripts/install_addon.sh")
set_owner "$DB" database

state=$(psql -d "$DB" -tAc "SELECT state FROM ir_module_module WHERE name='order_workflow'")
[ "$state" = installed ] || die "order_workflow is '$state' in $DB, not installed"
where=$(cd "$work" && env -u PYTHONPATH "$py" -c '
import importlib.util, odoo
print(odoo.__file__, importlib.util.find_spec("odoo.addons.order_workflow").origin)')
case "$where" in
    *"$ODOO_PATH"*) die "odoo or order_workflow came from $ODOO_PATH: $where" ;;
esac
say "3/3 order_workflow installed in a pip-installed Odoo ($where)"
say "pip install check passed in $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
