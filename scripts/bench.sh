#!/usr/bin/env bash
# make bench: the Excel import benchmark (bench/import_bench.py) on the demo database,
# rolled back afterwards. ROWS=5000 by default.
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh"
[ -f "$ODOO_CONF" ] || write_conf
PYTHONPATH="$ODOO_PATH" "$VPY" "$ROOT/bench/import_bench.py" "$ODOO_CONF" "${BENCH_DB:-$DEMO_DB}" "${ROWS:-5000}"
