#!/usr/bin/env bash
# make install-addon: install order_workflow and the OCA add-ons it needs into an
# existing Odoo 18.0 (run from its source tree, pip-installed, or the Debian package).
#   ODOO_PYTHON     the Python that runs that Odoo (required), e.g. /srv/odoo/venv/bin/python,
#                   or /usr/bin/python3 for the Debian package
#   ODOO_RC         its configuration file (optional): the add-ons' folder is added to
#                   addons_path there; without it, the line to add is printed
#   ODOO_DB         a database to install the module into (optional; Odoo creates it
#                   when missing). Odoo refreshes the apps list, then installs.
#   ODOO_BIN        the command that starts that Odoo (default: ODOO_PYTHON -m odoo),
#                   e.g. "sudo -u odoo /usr/bin/odoo" or "/srv/odoo/src/odoo-bin"
#   ODOO_ARGS       more arguments for that install, e.g. --without-demo=all
#   ADDONS_TARGET   install into this folder (pip --target) instead of ODOO_PYTHON's
#                   site-packages, e.g. for the Debian package's system Python, which
#                   pip may not change: ADDONS_TARGET=/opt/odoo-addons
# When the odoo distribution is pip-installed in ODOO_PYTHON, the wheel is installed with
# its dependencies, held to the OCA versions of requirements-oca.txt; otherwise (a source
# tree or the Debian package) the wheel and requirements-oca.txt with --no-deps. Python
# packages of Odoo itself are not touched. PYTHONPATH is passed on (a source tree's Odoo).
source "$(dirname "$0")/common.sh"
[ -n "${ODOO_PYTHON:-}" ] || die "set ODOO_PYTHON to the Python that runs your Odoo 18 (see README.md)"
command -v "$ODOO_PYTHON" >/dev/null || die "ODOO_PYTHON=$ODOO_PYTHON: no such program"
major=$("$ODOO_PYTHON" -c 'import odoo.release as r; print(r.version_info[0])' 2>/dev/null) ||
    die "$ODOO_PYTHON cannot import odoo: for a source tree, set PYTHONPATH to it too"
[ "$major" = 18 ] || die "$ODOO_PYTHON runs Odoo $major; order_workflow needs Odoo 18.0"
"$ODOO_PYTHON" -m pip --version >/dev/null 2>&1 ||
    die "$ODOO_PYTHON has no pip (Debian/Ubuntu: apt-get install python3-pip)"
pip_q() { "$ODOO_PYTHON" -m pip install -q "$@" 2> >(grep -v "is ignored: it is neither" >&2); }

# the wheel, built by that Python's pip with whool (fetched for the build)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ODOO_PYTHON" -m pip wheel -q --no-deps -w "$tmp" "$ROOT/order_workflow" \
    2> >(grep -v "is ignored: it is neither" >&2)
wheel=$(ls "$tmp"/odoo_addon_order_workflow-*.whl)
if [ -n "${ADDONS_TARGET:-}" ]; then
    say "installing $(basename "$wheel") and the OCA add-ons into $ADDONS_TARGET"
    pip_q --no-deps --upgrade --target "$ADDONS_TARGET" "$wheel" -r "$ROOT/requirements-oca.txt"
    addons_dir="$(cd "$ADDONS_TARGET" && pwd)/odoo/addons"
elif "$ODOO_PYTHON" -c 'import importlib.metadata as m; m.version("odoo")' 2>/dev/null; then
    say "installing $(basename "$wheel") with its OCA dependencies (pip-installed Odoo)"
    pip_q "$wheel" -c "$ROOT/requirements-oca.txt"
    addons_dir="$("$ODOO_PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/odoo/addons"
else
    say "installing $(basename "$wheel") and the OCA add-ons with --no-deps"
    pip_q --no-deps "$wheel" -r "$ROOT/requirements-oca.txt"
    addons_dir="$("$ODOO_PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/odoo/addons"
fi
[ -f "$addons_dir/order_workflow/__manifest__.py" ] || die "order_workflow is not in $addons_dir"

# addons_path: Odoo also finds odoo/addons folders on its Python path by itself; the
# explicit entry makes the configuration say where the add-ons are.
if [ -n "${ODOO_RC:-}" ]; then
    "$ODOO_PYTHON" - "$ODOO_RC" "$addons_dir" <<'PY'
import re, sys
conf, folder = sys.argv[1:]
text = open(conf).read() if __import__("os").path.exists(conf) else "[options]\n"
m = re.search(r"^addons_path\s*=\s*(.*)$", text, re.M)
if m:
    paths = [p.strip() for p in m[1].split(",") if p.strip()]
    if folder not in paths:
        text = text[: m.start(1)] + ",".join([*paths, folder]) + text[m.end(1):]
else:
    text = re.sub(r"^\[options\]\s*$", f"[options]\naddons_path = {folder}", text, count=1,
                  flags=re.M)
open(conf, "w").write(text)
PY
    say "$ODOO_RC: addons_path has $addons_dir"
else
    say "add this folder to addons_path in your Odoo configuration: $addons_dir"
fi

if [ -n "${ODOO_DB:-}" ]; then
    if [ -n "${ODOO_BIN:-}" ]; then read -ra bin <<<"$ODOO_BIN"; else bin=("$ODOO_PYTHON" -m odoo); fi
    read -ra extra <<<"${ODOO_ARGS:-}"
    conf_args=()
    [ -n "${ODOO_RC:-}" ] && conf_args=(-c "$ODOO_RC")
    say "installing order_workflow into $ODOO_DB (Odoo refreshes the apps list first)"
    "${bin[@]}" "${conf_args[@]}" -d "$ODOO_DB" -i order_workflow --stop-after-init \
        --log-level=warn "${extra[@]}"
    say "order_workflow is installed in $ODOO_DB"
else
    say "install it: Apps > Update Apps List, then Order Workflow > Activate
  (or: odoo -c YOUR_CONF -d YOUR_DB -i order_workflow --stop-after-init)"
fi
