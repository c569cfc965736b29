# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One quality complaint in Chromium: registered from the order and answered by the
clerk, assessed valid with an 8D by the service supervisor, the 8D closed, then
resolved and closed."""

from odoo.tests import HttpCase, tagged

from .test_complaint import ComplaintCase

COMPLAINTS = "/odoo/action-order_workflow.action_complaints"
ORDERS = "/odoo/action-sale.action_orders"


@tagged("post_install", "-at_install")
class TestComplaintTour(ComplaintCase, HttpCase):
    def _tour(self, url, name, user):
        self.env.flush_all()
        self.start_tour(url, name, login=user.login)
        self.env.invalidate_all()

    def _close_8d(self, nc):
        """OCA's stages up to done, with the comments they require."""
        nc = nc.with_user(self.service)
        nc.write({"analysis": "Worn fixture", "action_comments": "New fixture"})
        for stage in ("analysis", "pending", "open"):
            nc.stage_id = self.env.ref(f"mgmtsystem_nonconformity.stage_{stage}")
        nc.evaluation_comments = "No recurrence on the next lots"
        nc.stage_id = self.env.ref("mgmtsystem_nonconformity.stage_done")

    def test_quality_complaint_from_the_order_to_closed(self):
        order = self._shipped_order()
        self._tour(f"{ORDERS}/{order.id}", "order_workflow_complaint_clerk", self.clerk)
        ticket = order.complaint_ids
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.complaint_category, "quality")
        self.assertIn("Scratches", ticket.description)
        self.assertTrue(ticket.first_response_on)
        self.assertEqual(ticket.complaint_state, "responded")
        url = f"{COMPLAINTS}/{ticket.id}"
        self._tour(url, "order_workflow_complaint_assess", self.service)
        self.assertEqual(ticket.complaint_validity, "valid")
        self.assertEqual(ticket.responsible_department, "production")
        self.assertTrue(ticket.nonconformity_id)
        self._close_8d(ticket.nonconformity_id)
        self.assertEqual(ticket.eight_d_state, "done")
        self.assertFalse(ticket.closed, "not resolved yet")
        self._tour(url, "order_workflow_complaint_resolve", self.service)
        self.assertEqual(ticket.resolution, "repair")
        self.assertEqual(ticket.complaint_state, "closed")
