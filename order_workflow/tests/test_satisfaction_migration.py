# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 18.0.1.5.0 upgrade: the follow-up call's Done opens the scoring form on a
database that had the activity type before (a noupdate record)."""

import importlib.util
from pathlib import Path

from odoo.tests import tagged

from .common import OrderWorkflowCase

SCRIPT = Path(__file__).parent.parent / "migrations" / "18.0.1.5.0" / "post-migrate.py"


@tagged("post_install", "-at_install")
class TestSatisfactionMigration(OrderWorkflowCase):
    def _migrate(self, version):
        spec = importlib.util.spec_from_file_location("ow_migrate_1_5", SCRIPT)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, version)
        self.env.invalidate_all()

    def test_upgrade_gives_the_followup_its_form(self):
        followup = self.env.ref("order_workflow.activity_followup")
        followup.category = "default"  # as 18.0.1.4.0 left it
        self._migrate(None)  # a fresh install: nothing to do
        self.assertEqual(followup.category, "default")
        self._migrate("18.0.1.4.0")
        self.assertEqual(followup.category, "ow_followup")
