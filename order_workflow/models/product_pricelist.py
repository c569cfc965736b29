# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

SPECIFICITY = {"0_product_variant": 0, "1_product": 1, "2_product_category": 2}


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    def _get_applicable_rules_domain(self, products, date, **kwargs):
        """Rules for a customer or a customer class apply only when pricing for such a
        customer (``ow_pricing_partner_id`` in the context, set by order lines)."""
        domain = super()._get_applicable_rules_domain(products, date, **kwargs)
        partner_id = self.env.context.get("ow_pricing_partner_id")
        if not partner_id:
            return domain + [
                ("ow_partner_id", "=", False),
                ("ow_credit_class", "=", False),
            ]
        partner = self.env["res.partner"].browse(partner_id).sudo()
        return domain + [
            ("ow_partner_id", "in", [False, partner.id]),
            ("ow_credit_class", "in", [False, partner.credit_class or False]),
        ]

    def _get_applicable_rules(self, products, date, **kwargs):
        """Among rules equally specific about the product, a customer's rule comes
        before its class's, which comes before everyone's."""
        rules = super()._get_applicable_rules(products, date, **kwargs)
        if not self.env.context.get("ow_pricing_partner_id"):
            return rules
        return rules.sorted(
            lambda r: (
                SPECIFICITY.get(r.applied_on, 3),
                not r.ow_partner_id,
                not r.ow_credit_class,
            )
        )
