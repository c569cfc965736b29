#!/usr/bin/env bash
# make i18n: refresh i18n/order_workflow.pot from the code (through the test database)
# and merge it into zh_CN.po and zh_TW.po, keeping their translations.
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh"
if ! db_exists "$TEST_DB"; then
    die "no database $TEST_DB: run 'make test' once first"
fi
odoo_bin -d "$TEST_DB" -u order_workflow --stop-after-init --log-level=warn
PYTHONPATH="$ODOO_PATH" "$VPY" "$ROOT/scripts/i18n.py" "$ODOO_CONF" "$TEST_DB" "$ROOT/order_workflow"
