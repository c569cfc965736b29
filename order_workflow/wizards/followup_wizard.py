# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Satisfaction Follow-up Form on screen: the follow-up activity's Done opens it
(static/src/activity), Record calls ``sale.order.action_record_followup``."""

from odoo import fields, models

SCORES = [
    ("1", "1 - Very dissatisfied"),
    ("2", "2 - Dissatisfied"),
    ("3", "3 - Neutral"),
    ("4", "4 - Satisfied"),
    ("5", "5 - Very satisfied"),
]


class FollowupWizard(models.TransientModel):
    _name = "order_workflow.followup.wizard"
    _description = "Order Workflow: record the satisfaction follow-up call"

    order_id = fields.Many2one("sale.order", required=True, readonly=True)
    product_score = fields.Selection(
        SCORES, string="Product use", required=True, default="5"
    )
    delivery_score = fields.Selection(
        SCORES, string="Delivery", required=True, default="5"
    )
    service_score = fields.Selection(
        SCORES, string="Service", required=True, default="5"
    )
    note = fields.Text(
        string="Customer's feedback",
        help="What the customer said: use of the product, satisfaction, after-sales "
        "needs.",
    )

    def action_record(self):
        self.ensure_one()
        self.order_id.action_record_followup(
            int(self.product_score),
            int(self.delivery_score),
            int(self.service_score),
            self.note or "",
        )
        return {"type": "ir.actions.act_window_close"}
