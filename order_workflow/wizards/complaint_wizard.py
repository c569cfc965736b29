# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One dialog for each decision on a complaint: register it from the order, the first
response, the assessment, the resolution. It only asks; the complaint's methods check
the caller and the state (helpdesk_ticket_complaint.py, helpdesk_ticket_resolution.py).
"""

from odoo import api, fields, models

from ..models.helpdesk_ticket_complaint import CATEGORIES
from ..models.helpdesk_ticket_resolution import DEPARTMENTS, RESOLUTIONS


class ComplaintWizard(models.TransientModel):
    _name = "order_workflow.complaint.wizard"
    _description = "Order Workflow: a decision on a complaint"

    step = fields.Selection(
        [
            ("register", "Register a complaint"),
            ("response", "First response"),
            ("assess", "Assessment"),
            ("resolve", "Resolution"),
        ],
        required=True,
        readonly=True,
    )
    order_id = fields.Many2one("sale.order", readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    category = fields.Selection(CATEGORIES)
    picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        domain="[('sale_id', '=', order_id), ('picking_type_code', '=', 'outgoing')]",
    )
    product_id = fields.Many2one("product.product", string="Product")
    quantity = fields.Float(digits="Product Unit of Measure")
    valid = fields.Selection([("valid", "Valid"), ("invalid", "Invalid")])
    department = fields.Selection(DEPARTMENTS, string="Responsible department")
    resolution = fields.Selection(RESOLUTIONS)
    note = fields.Text()

    @api.model
    def _open(self, step, title, **values):
        wizard = self.create({"step": step, **values})
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_confirm(self):
        self.ensure_one()
        if self.step == "register":
            register = {}
            if self.picking_id:
                register["picking_id"] = self.picking_id.id
            if self.product_id:
                register["complaint_product_id"] = self.product_id.id
            if self.quantity:
                register["complaint_qty"] = self.quantity
            ticket_id = self.order_id.action_open_complaint(
                self.category, self.note, **register
            )
            return {
                "type": "ir.actions.act_window",
                "res_model": "helpdesk.ticket",
                "res_id": ticket_id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        ticket = self.ticket_id
        if self.step == "response":
            ticket.action_first_response(self.note)
        elif self.step == "assess":
            ticket.action_assess_complaint(
                self.valid == "valid", self.note, self.department
            )
        else:
            ticket.action_resolve(self.resolution, self.note)
        return {"type": "ir.actions.act_window_close"}
