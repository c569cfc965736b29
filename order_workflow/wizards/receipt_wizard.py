# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ReceiptWizard(models.TransientModel):
    _name = "order_workflow.receipt.wizard"
    _description = "Order Workflow: register a signed delivery receipt"

    picking_id = fields.Many2one("stock.picking", required=True, readonly=True)
    signed_by = fields.Char(required=True)
    receipt_date = fields.Date(required=True, default=fields.Date.context_today)
    scan_ids = fields.Many2many(
        "ir.attachment",
        "order_workflow_receipt_wizard_scan_rel",
        "wizard_id",
        "attachment_id",
        string="Signed receipt",
    )
    issue_note = fields.Text(
        string="Issue noted by the customer",
        help="Anything the customer wrote on the receipt (damage, shortage…): opens "
        "a delivery complaint for after-sales.",
    )
    photo_ids = fields.Many2many(
        "ir.attachment",
        "order_workflow_receipt_wizard_photo_rel",
        "wizard_id",
        "attachment_id",
        string="Photos",
    )

    def _ow_check_uploads(self, attachments):
        """Files uploaded into this wizard by the user are theirs to attach; any other
        attachment needs the right to change it where it is now."""
        foreign = attachments.sudo().filtered(
            lambda a: not (
                a.create_uid.id == self.env.uid
                and a.res_model in (self._name, False)
                and not a.res_id
            )
        )
        if foreign:
            self.env["ir.attachment"].browse(foreign.ids).check("write")

    def action_register(self):
        self.ensure_one()
        self._ow_check_uploads(self.scan_ids | self.photo_ids)
        picking = self.picking_id
        picking.action_register_receipt(
            self.signed_by, self.receipt_date, self.issue_note or False
        )
        if self.scan_ids:
            self.scan_ids.sudo().write(
                {"res_model": picking._name, "res_id": picking.id}
            )
            picking.sudo().receipt_scan_ids = [
                fields.Command.link(a) for a in self.scan_ids.ids
            ]
        if self.photo_ids and picking.complaint_ids:
            complaint = picking.complaint_ids.sorted("id")[-1:]
            # OCA's ticket lists the attachments pointing at it
            self.photo_ids.sudo().write(
                {"res_model": complaint._name, "res_id": complaint.id}
            )
        return {"type": "ir.actions.act_window_close"}
