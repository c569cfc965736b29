# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The lines of a change request: the order line and its new value."""

from odoo import _, fields, models
from odoo.exceptions import UserError

from .guard import Rule


class ChangeRequestLine(models.Model):
    _name = "order_workflow.change.request.line"
    _description = "Production change request line"
    _inherit = ["order_workflow.guarded"]
    _ow_guarded_fields = {"*": Rule(scope="_ow_guard_submitted")}

    request_id = fields.Many2one(
        "order_workflow.change.request", required=True, ondelete="cascade", index=True
    )
    order_line_id = fields.Many2one(
        "sale.order.line", string="Order line", required=True, ondelete="cascade"
    )
    product_id = fields.Many2one(related="order_line_id.product_id")
    old_qty = fields.Float(
        related="order_line_id.product_uom_qty", string="Quantity now"
    )
    new_qty = fields.Float(string="New quantity", digits="Product Unit of Measure")
    new_product_id = fields.Many2one("product.product", string="New product")
    new_packaging_note = fields.Char(string="New packaging")

    def _ow_guard_submitted(self, vals, creating):
        if creating:
            request = self.env["order_workflow.change.request"].browse(
                vals.get("request_id")
            )
            return request.state not in (False, "draft")
        return self.filtered(lambda line: line.request_id.state != "draft")

    def _ow_refuse_guarded(self, refused):
        raise UserError(_("A submitted change request can't be edited."))
