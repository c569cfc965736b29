# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 18.0.1.6.0 upgrade: orders of a database upgraded from 18.0.1.5.0 (no stage
log yet) get their log from their history; a fresh install leaves it to the post-init
hook."""

import importlib.util
from pathlib import Path

from odoo.tests import tagged

from .common import OrderWorkflowCase

SCRIPT = Path(__file__).parent.parent / "migrations" / "18.0.1.6.0" / "post-migrate.py"


@tagged("post_install", "-at_install")
class TestKpiMigration(OrderWorkflowCase):
    def _migrate(self, version):
        spec = importlib.util.spec_from_file_location("ow_migrate_1_6", SCRIPT)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, version)
        self.env.invalidate_all()

    def _log(self, order):
        return self.env["order_workflow.stage.log"].search(
            [("order_id", "=", order.id)], order="entered_on, id"
        )

    def test_upgrade_gives_existing_orders_their_stage_log(self):
        order = self._create_order()
        self.env.flush_all()
        self.assertTrue(self._log(order), "a new order is logged")
        # as 18.0.1.5.0 left it: no log at all
        self.env.cr.execute("DELETE FROM order_workflow_stage_log")
        self.env.invalidate_all()
        self._migrate(None)  # a fresh install: the hook does it, not the migration
        self.assertFalse(self._log(order))
        self._migrate("18.0.1.5.0")
        log = self._log(order)
        self.assertEqual(log.mapped("stage"), [order.workflow_stage])
        self.assertEqual(log.entered_on, order.create_date)
        self.assertFalse(log.left_on)
        self._migrate("18.0.1.5.0")
        self.assertEqual(self._log(order), log, "once")
