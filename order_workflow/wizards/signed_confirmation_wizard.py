# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OrderWorkflowSignedConfirmationWizard(models.TransientModel):
    _name = "order_workflow.signed.confirmation.wizard"
    _description = "Order Workflow: register the signed confirmation"

    order_id = fields.Many2one("sale.order", required=True, readonly=True)
    signed_by = fields.Char(required=True)
    signed_on = fields.Date(required=True, default=fields.Date.context_today)
    scan_ids = fields.Many2many("ir.attachment", string="Signed copy (scan)")

    def action_register(self):
        self.ensure_one()
        order = self.order_id
        if self.scan_ids:
            self.scan_ids.write({"res_model": "sale.order", "res_id": order.id})
            order.confirmation_scan_ids = [
                fields.Command.link(a.id) for a in self.scan_ids
            ]
        order.action_register_signed_confirmation(self.signed_by, self.signed_on)
        return {"type": "ir.actions.act_window_close"}
