# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OrderWorkflowCustomerProductCode(models.Model):
    """The code a customer uses for one of our products on its own order forms.

    Odoo 18 Community has no customer product code (``product.supplierinfo`` is for
    vendors, and OCA ``product_customerinfo`` has no 18.0 release on PyPI), so the
    order import reads this small table.
    """

    _name = "order_workflow.customer.product.code"
    _description = "Order Workflow: customer product code"
    _order = "partner_id, code"
    _rec_name = "code"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("parent_id", "=", False)],
    )
    product_id = fields.Many2one(
        "product.product", string="Product", required=True, ondelete="cascade"
    )
    code = fields.Char(string="Customer's code", required=True, index=True)
    customer_product_name = fields.Char(string="Customer's name for it")
    company_id = fields.Many2one(related="product_id.company_id", store=True)

    _sql_constraints = [
        (
            "code_unique",
            "unique(partner_id, code)",
            "A customer uses each of its product codes for one product only.",
        )
    ]
