#!/usr/bin/env bash
# make test: a fresh database with the add-on and its demo data, then pytest-odoo over
# order_workflow/tests and tests/. Fails on any failure, error or skipped test.
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh" test
tmpl=$(bash "$ROOT/scripts/template_db.sh")
LOG_DIR="${LOG_DIR:-$CACHE_DIR/logs}"
mkdir -p "$LOG_DIR"

say "fresh test database $TEST_DB from $tmpl"
db_from_template "$TEST_DB" "$tmpl"

# Install on a database that already has orders and customers (the template's demo
# data), then upgrade once: both must load without an error.
for step in "-i order_workflow" "-u order_workflow"; do
    say "odoo $step"
    log="$LOG_DIR/${step#-?* }-$(echo "$step" | cut -c2).log"
    # shellcheck disable=SC2086
    if ! odoo_bin -d "$TEST_DB" $step --stop-after-init --log-level=warn >"$log" 2>&1; then
        cat "$log"; die "odoo $step failed"
    fi
    if grep -E " (ERROR|CRITICAL) " "$log"; then
        die "odoo $step logged errors (full log: $log)"
    fi
    grep -E " WARNING " "$log" | grep -v "Running as user 'root'" >&2 || true
done

# Start Chromium once so its first, slow start (profile, font cache) is not paid by the
# first tour; the tours themselves still fail if it cannot start.
if browser=$(command -v chromium || command -v google-chrome || command -v chromium-browser); then
    say "warming up $(basename "$browser")"
    timeout 120 "$browser" --headless=new --no-sandbox --disable-gpu --dump-dom about:blank \
        >/dev/null 2>&1 || say "Chromium warm-up failed; the tours will say why"
fi

say "pytest"
cd "$ROOT"
PYTHONPATH="$ODOO_PATH" "$VPY" -m pytest \
    --odoo-config="$ODOO_CONF" --odoo-database="$TEST_DB" --odoo-http \
    order_workflow/tests tests "$@"
