#!/usr/bin/env bash
# make load: the load test (bench/load.py) on a fresh copy of the demo database.
#   scripts/load.sh [--minutes 10] [--hosts 1] [--workers 4] [--clients 8]
#   make load MINUTES=10 HOSTS=2      (or: make load -- --minutes 10 --hosts 2)
# Odoo serves 127.0.0.1 only, on LOAD_PORT (default 8269; a second host +10).
source "$(dirname "$0")/common.sh"

MINUTES="${MINUTES:-10}" HOSTS="${HOSTS:-1}" WORKERS="${WORKERS:-4}" CLIENTS="${CLIENTS:-8}"
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) MINUTES="$2"; shift 2 ;;
        --hosts) HOSTS="$2"; shift 2 ;;
        --workers) WORKERS="$2"; shift 2 ;;
        --clients) CLIENTS="$2"; shift 2 ;;
        --minutes=*|--hosts=*|--workers=*|--clients=*)
            key="${1%%=*}"; set -- "$key" "${1#*=}" "${@:2}" ;;
        *) die "unknown option $1 (--minutes N, --hosts N, --workers N, --clients N)" ;;
    esac
done
LOAD_DB="${LOAD_DB:-${DB_PREFIX}_load}"
LOAD_PORT="${LOAD_PORT:-8269}"

bash "$ROOT/scripts/setup.sh"
tmpl=$(bash "$ROOT/scripts/template_db.sh")
say "creating $LOAD_DB with the module and its demo data"
db_from_template "$LOAD_DB" "$tmpl"
odoo_bin -d "$LOAD_DB" -i order_workflow --stop-after-init --log-level=warn

say "load test: $CLIENTS clients, $HOSTS host(s) x $WORKERS workers, $MINUTES min"
export PYTHONPATH="$ODOO_PATH"
"$VPY" "$ROOT/bench/load.py" --db "$LOAD_DB" \
    --odoo "$VPY $ODOO_PATH/odoo-bin -c $ODOO_CONF" \
    --minutes "$MINUTES" --hosts "$HOSTS" --workers "$WORKERS" --clients "$CLIENTS" \
    --port "$LOAD_PORT" --out "$ROOT/bench/results/load-${HOSTS}host.json"
