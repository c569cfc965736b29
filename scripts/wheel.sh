#!/usr/bin/env bash
# make wheel: dist/odoo_addon_order_workflow-<version>-py3-none-any.whl, built by whool
# (order_workflow/pyproject.toml) from the add-on's files. Its dependencies are the
# odoo-addon-* wheels of the OCA add-ons in the manifest's depends (Odoo's own add-ons
# are part of the odoo distribution). The version is the manifest's, with the number of
# commits since it last changed appended by whool. README.rst is checked first.
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh" lint
DIST="${DIST:-$ROOT/dist}"
"$VPY" "$ROOT/scripts/gen_readme.py" --check "$ROOT/order_workflow"
mkdir -p "$DIST"
rm -f "$DIST"/odoo_addon_order_workflow-*.whl
"$VPY" -m pip wheel -q --no-deps --no-build-isolation -w "$DIST" "$ROOT/order_workflow" \
    2> >(grep -v "is ignored: it is neither" >&2)
wheel=$(ls "$DIST"/odoo_addon_order_workflow-*.whl)
say "built $wheel"
echo "$wheel"
