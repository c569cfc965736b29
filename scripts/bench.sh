#!/usr/bin/env bash
# make bench: order_workflow against vanilla Odoo, in one run, on two databases made
# from the same template: "${TEST_DB}_bench" (order_workflow installed with its demo
# data, as make test does) and "${TEST_DB}_bench_vanilla" (without it). Both are
# dropped at the end; every benchmark rolls its transaction back.
#   bench/flow_bench.py    the whole order flow per order, 1 line and 20 lines
#   bench/scale_bench.py   kanban and list over 100,000 orders, crons over 10,000
#   bench/import_bench.py  the Excel order import (on the order_workflow database)
# Knobs: BENCH_ORDERS (10), BENCH_VIEW_ORDERS (100000), BENCH_CRON_ORDERS (10000),
# ROWS (5000, the import). Odoo's log goes to $LOG_DIR/bench-*.log.
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh"
tmpl=$(bash "$ROOT/scripts/template_db.sh")
LOG_DIR="${LOG_DIR:-$CACHE_DIR/logs}"
mkdir -p "$LOG_DIR"
[ -f "$ODOO_CONF" ] || write_conf
DB="${BENCH_DB:-${TEST_DB}_bench}"
VANILLA_DB="${DB}_vanilla"
ORDERS="${BENCH_ORDERS:-10}"
OUT=$(mktemp -d)

drop_dbs() {
    for db in "$DB" "$VANILLA_DB"; do
        (drop_db "$db") || true
    done
}
cleanup() { drop_dbs; rm -rf "$OUT"; }
trap cleanup EXIT

drop_dbs
for db in "$DB" "$VANILLA_DB"; do
    say "database $db from $tmpl"
    db_from_template "$db" "$tmpl"
done
say "odoo -i order_workflow on $DB"
log="$LOG_DIR/bench-install.log"
if ! odoo_bin -d "$DB" -i order_workflow --stop-after-init --log-level=warn >"$log" 2>&1; then
    cat "$log"; die "odoo -i order_workflow failed"
fi

# bench: python bench/NAME.py CONFIG DB ARGS..., Odoo's log to a file
bench() {
    local name=$1 db=$2; shift 2
    local log="$LOG_DIR/bench-$name-$db.log"
    say "$name on $db (log: $log)"
    if ! PYTHONPATH="$ODOO_PATH" timeout 900 "$VPY" "$ROOT/bench/$name.py" "$ODOO_CONF" "$db" "$@" \
        2>"$log"; then
        tail -40 "$log"; die "$name on $db failed"
    fi
    local warnings
    warnings=$(grep -c " WARNING " "$log" || true)
    [ "$warnings" = 0 ] || say "$name on $db: $warnings warnings in its log"
}

start=$SECONDS
bench flow_bench "$VANILLA_DB" "$OUT/flow-vanilla.json" "$ORDERS"
bench flow_bench "$DB" "$OUT/flow-gated.json" "$ORDERS"
bench scale_bench "$VANILLA_DB" "$OUT/scale-vanilla.json" \
    "${BENCH_VIEW_ORDERS:-100000}" "${BENCH_CRON_ORDERS:-10000}"
bench scale_bench "$DB" "$OUT/scale-gated.json" \
    "${BENCH_VIEW_ORDERS:-100000}" "${BENCH_CRON_ORDERS:-10000}"
bench import_bench "$DB" "${ROWS:-5000}" >"$OUT/import.txt"

"$VPY" "$ROOT/bench/summary.py" "$OUT/flow-vanilla.json" "$OUT/flow-gated.json" \
    "$OUT/scale-vanilla.json" "$OUT/scale-gated.json"
printf '\nExcel import (bench/import_bench.py)\n'
cat "$OUT/import.txt"
say "benchmarks took $((SECONDS - start)) s"
