# order_workflow — the two commands are `make run` and `make test`.
# Odoo 18.0 is read from ODOO_PATH (default /opt/odoo); see README.md.
.PHONY: setup run test lint test-compat test-upgrade load i18n bench wheel readme install-addon check-pip-install help

help:
	@echo "make run               set up, create/update the demo database and serve Odoo"
	@echo "make test              fresh database, install with demo data, run every test"
	@echo "make lint              ruff + pylint-odoo, README.rst, requirements on Python 3.10-3.12"
	@echo "make test-compat       Odoo/OCA test suites with the workflow switched off"
	@echo "make test-upgrade      install the previous release with demo data, upgrade, compare every order"
	@echo "make load              8 XML-RPC clients drive whole orders for 10 min (MINUTES=, HOSTS=2)"
	@echo "make i18n              refresh i18n/order_workflow.pot and merge the .po files"
	@echo "make bench             benchmarks against vanilla Odoo"
	@echo "make wheel             dist/odoo_addon_order_workflow-*.whl (whool)"
	@echo "make readme            order_workflow/README.rst and index.html from readme/"
	@echo "make install-addon     into an existing Odoo 18: ODOO_PYTHON=... (see README.md)"
	@echo "make check-pip-install the wheel into a pip-installed Odoo 18 in a fresh venv"

setup:
	@bash scripts/setup.sh

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

lint:
	@bash scripts/lint.sh

test-compat:
	@bash scripts/test_compat.sh

test-upgrade:
	@bash scripts/test_upgrade.sh

# make load -- --minutes 5 --hosts 2: what follows "--" goes to the script
ifeq ($(firstword $(MAKECMDGOALS)),load)
LOAD_ARGS := $(wordlist 2,$(words $(MAKECMDGOALS)),$(MAKECMDGOALS))
%:
	@:
endif

load:
	@bash scripts/load.sh $(LOAD_ARGS)

i18n:
	@bash scripts/i18n.sh

bench:
	@bash scripts/bench.sh

wheel:
	@bash scripts/wheel.sh >/dev/null

readme:
	@bash scripts/setup.sh lint && .venv/bin/python scripts/gen_readme.py order_workflow

install-addon:
	@bash scripts/install_addon.sh

check-pip-install:
	@bash scripts/check_pip_install.sh
