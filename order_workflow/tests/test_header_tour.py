# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16 in Chromium: three roles open a workflow order and see one primary button,
theirs, and no button the server refuses (static/tests/tours/
order_workflow_header_tour.js)."""

from odoo.tests import HttpCase, tagged

from .header_common import DEMO_ORDERS

ORDERS = "/odoo/action-order_workflow.action_order_workflow_orders"


@tagged("post_install", "-at_install")
class TestHeaderTour(HttpCase):
    def _order(self, stage):
        return self.env["sale.order"].search(
            [("client_order_ref", "=", DEMO_ORDERS[stage])], limit=1
        )

    def test_clerk_manager_finance(self):
        approval = self._order("approval")
        self.start_tour(
            f"{ORDERS}/{approval.id}", "order_workflow_header_clerk", login="clerk"
        )
        self.start_tour(
            f"{ORDERS}/{approval.id}", "order_workflow_header_manager", login="manager"
        )
        self.env.invalidate_all()
        self.assertEqual(approval.workflow_stage, "customer_confirmation")
        deposit = self._order("deposit")
        self.start_tour(
            f"{ORDERS}/{deposit.id}", "order_workflow_header_finance", login="finance"
        )
