# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One quantity change in Chromium, from request to applied, switching users."""

from odoo.tests import HttpCase, tagged

from .test_change_request import ChangeRequestCase

REQUESTS = "/odoo/action-order_workflow.action_change_request"


@tagged("post_install", "-at_install")
class TestChangeRequestTour(ChangeRequestCase, HttpCase):
    def _tour(self, name, user):
        self.env.flush_all()
        self.start_tour(f"{REQUESTS}/{self.request.id}", name, login=user.login)
        self.env.invalidate_all()

    def test_quantity_change_from_request_to_applied(self):
        order = self._released_order()
        self.request = self._qty_request(order, 3)
        self._tour("order_workflow_change_request_clerk_submit", self.clerk)
        self.assertEqual(self.request.state, "production_review")
        self._tour("order_workflow_change_request_production", self.supervisor)
        self.assertEqual(self.request.state, "customer_confirmation")
        self.assertEqual(self.request.production_note, "Second shift")
        self._tour("order_workflow_change_request_clerk_accept", self.clerk)
        self.assertEqual(self.request.state, "applied", self.request.apply_error)
        self.assertTrue(self.request.reply_attachment_id)
        self.assertEqual(order.order_line.product_uom_qty, 3)
