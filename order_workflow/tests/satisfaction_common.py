# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customer satisfaction (issue 19): delivered orders, campaigns and survey answers."""

from odoo import fields

from .test_complaint import ComplaintCase

MANAGER = "order_workflow.group_sales_manager"
QC = "order_workflow.group_qc_inspector"


class SatisfactionCase(ComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Campaign = cls.env["order_workflow.satisfaction.survey"]
        cls.Result = cls.env["order_workflow.satisfaction.result"]
        cls.template = cls.env.ref("order_workflow.survey_customer_satisfaction")
        cls.low_type = cls.env.ref("order_workflow.activity_satisfaction_low")
        cls.followup_type = cls.env.ref("order_workflow.activity_followup")
        cls.sales_manager = cls.users["group_sales_manager"]

    def _delivered(self, customer=None):
        order = self._ready_order(customer=customer)
        order.with_user(self.clerk).action_issue_shipping_request()
        picking = self._ship(order)
        picking.with_user(self.shipper).action_register_receipt(
            "Zhou Min", fields.Date.today()
        )
        self.assertEqual(order.workflow_stage, "delivered")
        return order

    def _campaign(self, **vals):
        return self.Campaign.with_user(self.sales_manager).create(
            {"name": "Satisfaction test", **vals}
        )

    def _low_activities(self, results):
        return results.activity_ids.filtered(
            lambda a: a.activity_type_id == self.low_type
        )

    def _choice(self, xmlid, rank):
        """The suggested answer of rank 1 (very dissatisfied) to 5 (very satisfied)."""
        question = self.env.ref(f"order_workflow.survey_satisfaction_q_{xmlid}")
        return question, question.suggested_answer_ids.sorted("sequence")[rank - 1]

    def _answer(self, user_input, ranks):
        """Answer the template's questions through survey's own saving of lines
        (``ranks``: question xmlid suffix -> 1..5), then submit it."""
        for xmlid, rank in ranks.items():
            question, choice = self._choice(xmlid, rank)
            user_input._save_lines(question, choice.id)
        user_input._mark_done()
        return user_input
