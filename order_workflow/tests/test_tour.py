# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    def test_menu_and_quotation_form(self):
        """A clerk opens Order Workflow, sees the stage kanban, creates a quotation."""
        partner = self.env["res.partner"].create(
            {"name": "Tour Customer 巡回客户", "is_company": True}
        )
        self.start_tour("/odoo", "order_workflow_menu_tour", login="clerk")
        order = self.env["sale.order"].search(
            [("partner_id", "=", partner.id)], order="id desc", limit=1
        )
        self.assertTrue(order, "the tour saved a quotation")
        self.assertTrue(order.use_order_workflow)
        self.assertEqual(order.workflow_stage, "intake")
