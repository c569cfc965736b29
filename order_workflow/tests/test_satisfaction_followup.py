# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The follow-up call with scores (客户满意度回访表, issue 19): 1 to 5 for the product,
the delivery and the service; it completes the follow-up, a low score registers a
complaint for after-sales, and the form prints from the order."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .satisfaction_common import SatisfactionCase


@tagged("post_install", "-at_install")
class TestSatisfactionFollowup(SatisfactionCase):
    def _calls(self, order):
        return order.activity_ids.filtered(
            lambda a: a.activity_type_id == self.followup_type
        )

    def test_followup_with_scores_closes_the_followup(self):
        order = self._delivered()
        self.assertEqual(len(self._calls(order)), 1)
        self.assertIs(
            order.with_user(self.clerk).action_record_followup(
                4, 5, 4, "Runs well, wants a spare seal kit"
            ),
            True,
        )
        self.assertFalse(self._calls(order), "the follow-up activity is done")
        self.assertTrue(order.followup_done_on)
        self.assertEqual(order.workflow_stage, "collection")
        self.assertEqual(
            (
                order.satisfaction_product,
                order.satisfaction_delivery,
                order.satisfaction_service,
            ),
            (4, 5, 4),
        )
        self.assertAlmostEqual(order.satisfaction_score, 4.33)
        self.assertIn("spare seal kit", order.followup_feedback)
        self.assertIn("service 4/5", order.followup_feedback)
        self.assertFalse(order.complaint_ids, "no low score, no complaint")
        with self.assertRaisesRegex(UserError, "already done"):
            order.with_user(self.clerk).action_record_followup(5, 5, 5, "")

    def test_low_score_registers_a_complaint_for_after_sales(self):
        order = self._delivered()
        order.with_user(self.clerk).action_record_followup(
            4, 2, 3, "The truck came two days late"
        )
        complaint = order.complaint_ids
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.complaint_category, "delivery", "the lowest area")
        self.assertEqual(complaint.team_id, self.after_sales)
        self.assertEqual(complaint.user_id, self.service, "the service supervisor")
        self.assertIn("two days late", complaint.description)
        self.assertFalse(self._calls(order))

    def test_lowest_area_gives_the_category(self):
        for scores, category in (((1, 2, 2), "quality"), ((3, 3, 1), "service")):
            order = self._delivered()
            order.with_user(self.clerk).action_record_followup(*scores, "")
            self.assertEqual(order.complaint_ids.complaint_category, category)

    def test_wrong_scores_state_and_role_refused(self):
        order = self._ready_order()
        with self.assertRaisesRegex(UserError, "not delivered yet"):
            order.with_user(self.clerk).action_record_followup(5, 5, 5, "")
        order = self._delivered()
        for scores in ((0, 5, 5), (5, 6, 5), (5, 5, "3"), (3.5, 5, 5), (True, 5, 5)):
            with self.assertRaisesRegex(UserError, "from 1 to 5"):
                order.with_user(self.clerk).action_record_followup(*scores, "")
        for user in (self.shipper, self.qc, self.supervisor):
            with self.assertRaises(AccessError):
                order.with_user(user).action_record_followup(5, 5, 5, "")
        self.assertFalse(order.followup_done_on)
        with self.assertRaises(AccessError):
            order.with_user(self.clerk).write({"satisfaction_score": 5})
        with self.assertRaises(AccessError):
            order.with_user(self.clerk).write({"satisfaction_service": 5})

    def test_scoring_form_from_the_activity(self):
        order = self._delivered()
        action = order.with_user(self.clerk).action_open_followup_wizard()
        self.assertEqual(action["res_model"], "order_workflow.followup.wizard")
        with self.assertRaises(AccessError):
            order.with_user(self.shipper).action_open_followup_wizard()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.clerk)
            .with_context(**action["context"])
        )
        self.assertEqual(form.order_id, order)
        form.product_score = "3"
        form.delivery_score = "4"
        form.service_score = "5"
        form.note = "Needs training for the new operators"
        form.save().action_record()
        self.assertEqual(order.satisfaction_product, 3)
        self.assertEqual(order.satisfaction_score, 4.0)
        self.assertIn("training", order.followup_feedback)
        self.assertFalse(self._calls(order))
        # the activity type's Done opens the form in the chatter
        self.assertEqual(self.followup_type.category, "ow_followup")

    def test_follow_up_form_prints_from_the_order(self):
        order = self._delivered()
        order.with_user(self.clerk).action_record_followup(
            4, 5, 3, "Ask about the spare parts"
        )
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.clerk)
            ._render_qweb_html("order_workflow.report_satisfaction_followup", order.ids)
        )
        html = html.decode()
        self.assertIn("Satisfaction Follow-up Form", html)
        self.assertIn(order.name, html)
        self.assertIn("Ask about the spare parts", html)
        self.assertEqual(html.count("\u2611"), 3, "one box ticked per area")
