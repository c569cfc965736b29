# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    always_technical_review = fields.Boolean(
        string="Always needs technical review",
        help="Order lines of this product are non-standard: the order goes through the "
        "technical review.",
    )
