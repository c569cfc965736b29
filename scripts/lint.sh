#!/usr/bin/env bash
# make lint: ruff (lint + format check), pylint-odoo with OCA's mandatory checks, the
# generated README.rst / index.html up to date, and the requirement files resolving on
# Python 3.10, 3.11 and 3.12 (scripts/check_requirements.sh). Needs the venv only.
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh" lint
cd "$ROOT"
status=0
"$VENV/bin/ruff" check order_workflow tests bench scripts conftest.py || status=1
"$VENV/bin/ruff" format --check order_workflow tests bench scripts conftest.py || status=1
PYTHONPATH="$ODOO_PATH" "$VENV/bin/pylint" --rcfile=.pylintrc order_workflow || status=1
"$VPY" scripts/gen_readme.py --check order_workflow || status=1
bash scripts/check_requirements.sh || status=1
[ "$status" = 0 ] && say "lint clean"
exit "$status"
