# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

TARGETS = [
    ("product_code", "Product code"),
    ("barcode", "Barcode"),
    ("product_name", "Product"),
    ("specification", "Specification"),
    ("quantity", "Quantity"),
    ("unit", "Unit"),
    ("price_unit", "Unit price"),
    ("delivery_date", "Delivery date"),
    ("remarks", "Remarks"),
    ("special", "Special requirements"),
    ("customer", "Customer"),
    ("customer_class", "Customer class"),
    ("min_quantity", "Minimum quantity"),
    ("currency", "Currency"),
    ("date_start", "Valid from"),
    ("date_end", "Valid to"),
]


class OrderWorkflowImportColumn(models.TransientModel):
    """One column of an imported sheet and what it is read as; the clerk corrects the
    detected mapping in the preview."""

    _name = "order_workflow.import.column"
    _description = "Order Workflow: column of an Excel import"
    _order = "column_index"

    order_import_id = fields.Many2one("order_workflow.order.import", ondelete="cascade")
    pricelist_import_id = fields.Many2one(
        "order_workflow.pricelist.import", ondelete="cascade"
    )
    column_index = fields.Integer(required=True, readonly=True)
    column_letter = fields.Char(string="Column", readonly=True)
    header = fields.Char(readonly=True)
    sample = fields.Char(string="First value", readonly=True)
    target = fields.Selection(
        TARGETS, string="Read as", help="Leave empty to ignore the column."
    )
