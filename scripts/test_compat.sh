#!/usr/bin/env bash
# make test-compat: "off means off", measured the way Odoo and OCA CI run tests.
# Runs the test suites of Odoo's sale_mrp and sale_stock and of OCA's
# base_tier_validation, sale_tier_validation, sale_stock_picking_blocking, helpdesk_mgmt,
# helpdesk_mgmt_sla and rma (after-sales is built on them), and Odoo's purchase_stock,
# purchase_mrp (material follow-up) and survey (satisfaction surveys) with Odoo's
# own runner (odoo-bin -u ... --test-tags: at_install and post_install tests) on
#   (a) a twin database from the same template, without order_workflow (the baseline);
#   (b) a database with order_workflow installed with its demo data and switched off on
#       every sales team and for new teams.
# Fails when any test fails or errors with the module and not without it, or when the
# module's run does not run as many tests.
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh" test
tmpl=$(bash "$ROOT/scripts/template_db.sh")
LOG_DIR="${LOG_DIR:-$CACHE_DIR/logs}"
mkdir -p "$LOG_DIR"
MODULES=(sale_mrp sale_stock sale_tier_validation base_tier_validation sale_stock_picking_blocking
         helpdesk_mgmt helpdesk_mgmt_sla rma purchase_stock purchase_mrp survey)
UPDATE=$(IFS=,; echo "${MODULES[*]}")
TAGS=$(printf '/%s,' "${MODULES[@]}"); TAGS=${TAGS%,}
# both runs at once (one per core), each on its own HTTP port for the browser tests
COMPAT_JOBS="${COMPAT_JOBS:-2}"
start=$SECONDS

fresh_db() {  # DB: a copy of the template, with its filestore
    db_from_template "$1" "$tmpl"
}

run_suites() {  # DB PORT OUT: Odoo's test runner; OUT.log, OUT.failed, OUT.summary
    odoo_bin -d "$1" --http-port="$2" -u "$UPDATE" --test-tags "$TAGS" \
        --stop-after-init >"$3.log" 2>&1 || true
    "$VPY" - "$3.log" "$3.failed" "$3.summary" <<'PY'
import re, sys
log, failed, summary = sys.argv[1:]
# "<date> <time> <pid> ERROR <db> odoo.addons.<module>.tests.<file>: FAIL: Class.test"
test_re = re.compile(r"^\S+ \S+ \d+ (?:ERROR|CRITICAL) \S+ (\S+): (FAIL|ERROR): (.+?)\s*$")
summary_re = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
tests, total = set(), None
with open(log, errors="replace") as f:
    for line in f:
        if m := test_re.match(line):
            tests.add(f"{m[1]}: {m[3]}")
        elif m := summary_re.search(line):
            total = f"{m[1]} {m[2]} {m[3]}"
        elif "Failed to initialize database" in line:
            total = None
            break
with open(failed, "w") as f:
    f.writelines(t + "\n" for t in sorted(tests))
with open(summary, "w") as f:
    f.write(total or "")
PY
}

base_db="${TEST_DB}_compat_base"
ow_db="${TEST_DB}_compat"
# the browser tests' HTTP ports: free ones the system gives, so that test-compat runs
# beside `make test` or `make run` (on HTTP_PORT) and both runs beside each other
read -r port_base port_ow < <("$VPY" -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')

say "databases: $base_db (without order_workflow) and $ow_db (with it, switched off)"
fresh_db "$base_db"
fresh_db "$ow_db"
if ! odoo_bin -d "$ow_db" -i order_workflow --stop-after-init --log-level=warn \
        >"$LOG_DIR/compat-install.log" 2>&1; then
    cat "$LOG_DIR/compat-install.log"; die "installing order_workflow failed"
fi
odoo_exec "$ow_db" "
env['ir.default'].set('crm.team', 'use_order_workflow', False)
env['crm.team'].with_context(active_test=False).search([]).use_order_workflow = False
" >>"$LOG_DIR/compat-install.log" 2>&1

say "running ${MODULES[*]} with odoo-bin --test-tags (at_install and post_install)"
if [ "$COMPAT_JOBS" -ge 2 ]; then
    run_suites "$base_db" "$port_base" "$LOG_DIR/compat-base" &
    base_pid=$!
    run_suites "$ow_db" "$port_ow" "$LOG_DIR/compat-ow"
    wait "$base_pid"
else
    run_suites "$base_db" "$port_base" "$LOG_DIR/compat-base"
    run_suites "$ow_db" "$port_ow" "$LOG_DIR/compat-ow"
fi

summary() {  # OUT
    local s; s=$(cat "$1.summary")
    [ -n "$s" ] || die "no test summary in $1.log: Odoo did not finish loading the database"
    set -- $s
    echo "$1 failed, $2 error(s) of $3 tests"
}
base_sum=$(summary "$LOG_DIR/compat-base")
ow_sum=$(summary "$LOG_DIR/compat-ow")
say "without order_workflow: $base_sum (log: $LOG_DIR/compat-base.log)"
say "with order_workflow off: $ow_sum (log: $LOG_DIR/compat-ow.log)"
say "test-compat took $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"

new_failures=$(LC_ALL=C comm -13 "$LOG_DIR/compat-base.failed" "$LOG_DIR/compat-ow.failed")
# the other way round is a change of behaviour too: shown, for a look
new_passes=$(LC_ALL=C comm -23 "$LOG_DIR/compat-base.failed" "$LOG_DIR/compat-ow.failed")
if [ -n "$new_passes" ]; then
    say "failing without order_workflow but passing with it (behaviour changed?):"
    printf '  %s\n' "$new_passes" >&2
fi
base_total=$(cut -d' ' -f3 "$LOG_DIR/compat-base.summary")
ow_total=$(cut -d' ' -f3 "$LOG_DIR/compat-ow.summary")
drop_db "$base_db"
drop_db "$ow_db"
if [ -n "$new_failures" ]; then
    printf '  %s\n' "$new_failures" >&2
    die "tests that pass without order_workflow fail with it switched off (log: $LOG_DIR/compat-ow.log)"
fi
if [ "$ow_total" != "$base_total" ]; then
    die "$ow_total tests ran with order_workflow, $base_total without it (log: $LOG_DIR/compat-ow.log)"
fi
say "compatible: no test fails because of order_workflow"
