#!/usr/bin/env bash
# make lint: ruff (lint + format check) and pylint-odoo with OCA's mandatory checks.
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
status=0
"$VENV/bin/ruff" check order_workflow tests bench scripts conftest.py || status=1
"$VENV/bin/ruff" format --check order_workflow tests bench scripts conftest.py || status=1
PYTHONPATH="$ODOO_PATH" "$VENV/bin/pylint" --rcfile=.pylintrc order_workflow || status=1
[ "$status" = 0 ] && say "lint clean"
exit "$status"
