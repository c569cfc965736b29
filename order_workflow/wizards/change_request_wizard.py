# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The UI of two change-request decisions that take more than a reason:
production's approval (the new date and a note) and the customer's acceptance (the
signed reply, and for a cancellation what is done with the deposit). The wizard only
asks; the request's methods check the caller and the state."""

from odoo import _, fields, models
from odoo.exceptions import UserError


class ChangeRequestWizard(models.TransientModel):
    _name = "order_workflow.change.request.wizard"
    _description = "Change request: decision"

    request_id = fields.Many2one(
        "order_workflow.change.request", required=True, ondelete="cascade"
    )
    mode = fields.Selection(
        [("approve", "Production approval"), ("accept", "Customer acceptance")],
        required=True,
        default="approve",
    )
    change_type = fields.Selection(related="request_id.change_type")
    new_promised_date = fields.Date()
    note = fields.Text()
    reply_file = fields.Binary(string="Signed reply")
    reply_filename = fields.Char()
    deposit_handling = fields.Selection(
        [("refund", "Refund"), ("keep", "Keep"), ("credit_note", "Credit note")]
    )

    def action_confirm(self):
        self.ensure_one()
        request = self.request_id
        if self.mode == "approve":
            request.action_production_approve(self.new_promised_date, self.note)
        else:
            if not self.reply_file:
                raise UserError(_("Attach the customer's signed reply."))
            request.action_customer_accept(
                {"name": self.reply_filename, "datas": self.reply_file},
                self.deposit_handling,
            )
        return {"type": "ir.actions.act_window_close"}
