# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .res_partner import CREDIT_CLASSES


class ProductPricelistItem(models.Model):
    """A price list rule may be for one customer or for a customer class (the price
    list import fills these); rules without them apply to everyone, as in Odoo."""

    _inherit = "product.pricelist.item"

    ow_partner_id = fields.Many2one(
        "res.partner",
        string="For customer",
        index="btree_not_null",
        domain=[("parent_id", "=", False)],
        help="This rule only applies to orders of this customer.",
    )
    ow_credit_class = fields.Selection(
        CREDIT_CLASSES,
        string="For customer class",
        help="This rule only applies to orders of customers of this credit class.",
    )
