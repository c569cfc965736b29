#!/usr/bin/env bash
# make test-compat: "off means off". Runs the test suites of Odoo's sale_mrp and
# sale_stock and of OCA's base_tier_validation, sale_tier_validation and
# sale_stock_picking_blocking on a database where order_workflow is installed and
# switched off on every sales team (and for new teams), and on the same database
# without order_workflow as the baseline. Fails when any test fails with the module
# that passes without it.
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh"
tmpl=$(bash "$ROOT/scripts/template_db.sh")
LOG_DIR="${LOG_DIR:-$CACHE_DIR/logs}"
mkdir -p "$LOG_DIR"
oca=$(oca_addons_dir)
SUITES=(
    "$ODOO_PATH/addons/sale_mrp/tests"
    "$ODOO_PATH/addons/sale_stock/tests"
    "$oca/base_tier_validation/tests"
    "$oca/sale_tier_validation/tests"
    "$oca/sale_stock_picking_blocking/tests"
)

fresh_db() {
    dropdb --if-exists --force "$1"
    rm -rf "$DATA_DIR/filestore/$1"
    createdb -T "$tmpl" "$1"
    [ -d "$DATA_DIR/filestore/$tmpl" ] && cp -al "$DATA_DIR/filestore/$tmpl" "$DATA_DIR/filestore/$1"
    return 0
}

run_suites() {  # DB OUTFILE
    (cd "$ODOO_PATH" && PYTHONPATH="$ODOO_PATH" "$VPY" -m pytest -p no:cacheprovider -q \
        -c /dev/null --rootdir="$ODOO_PATH" \
        --odoo-config="$ODOO_CONF" --odoo-database="$1" --odoo-http "${SUITES[@]}" \
        -o junit_family=xunit1 --junitxml="$2.xml" >"$2.log" 2>&1) || true
    tail -1 "$2.log" >&2
    "$VPY" - "$2.xml" >"$2.failed" <<'PY'
import sys, xml.etree.ElementTree as ET
for case in ET.parse(sys.argv[1]).iter("testcase"):
    if case.find("failure") is not None or case.find("error") is not None:
        print(f'{case.get("classname")}::{case.get("name")}')
PY
}

base_db="${TEST_DB}_compat_base"
ow_db="${TEST_DB}_compat"
say "baseline: the suites without order_workflow ($base_db)"
fresh_db "$base_db"
run_suites "$base_db" "$LOG_DIR/compat-base"

say "the suites with order_workflow installed and switched off ($ow_db)"
fresh_db "$ow_db"
odoo_bin -d "$ow_db" -i order_workflow --stop-after-init --log-level=warn
odoo_exec "$ow_db" "
env['ir.default'].set('crm.team', 'use_order_workflow', False)
env['crm.team'].with_context(active_test=False).search([]).use_order_workflow = False
# our demo data activates Odoo's make-to-order route for its demo products; Odoo ships
# it archived and its own suites expect that default
env.ref('stock.route_warehouse0_mto').active = False
"
run_suites "$ow_db" "$LOG_DIR/compat-ow"

new_failures=$(comm -13 <(sort "$LOG_DIR/compat-base.failed") <(sort "$LOG_DIR/compat-ow.failed"))
dropdb --if-exists --force "$base_db"
dropdb --if-exists --force "$ow_db"
if [ -n "$new_failures" ]; then
    printf '%s\n' "$new_failures" >&2
    die "tests that pass without order_workflow fail with it switched off (logs: $LOG_DIR/compat-ow.log)"
fi
say "compatible: no test fails because of order_workflow" \
    "(baseline failures: $(wc -l <"$LOG_DIR/compat-base.failed"); see $LOG_DIR/compat-base.log)"
