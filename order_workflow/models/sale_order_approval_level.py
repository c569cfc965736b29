# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How high an order's approval goes (审批级别): by its amount in the company's
currency and by special terms, against the company's thresholds. The tier definitions
(data/tier_definition_data.xml) read ``ow_approval_level``."""

from odoo import _, api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    ow_amount_company = fields.Monetary(
        string="Total in company currency",
        currency_field="company_currency_id",
        compute="_compute_ow_amount_company",
        store=True,
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company currency"
    )
    ow_approval_level = fields.Integer(
        string="Approval levels",
        compute="_compute_ow_approval_level",
        help="1: sales manager; 2: and sales director (amount above the first "
        "threshold, or special terms); 3: and general manager (above the second).",
    )
    ow_special_terms = fields.Text(
        string="Special terms",
        compute="_compute_ow_approval_level",
        help="Why the sales director must approve whatever the amount.",
    )

    @api.depends("amount_total", "currency_id", "company_id", "date_order")
    def _compute_ow_amount_company(self):
        for order in self:
            order.ow_amount_company = order.currency_id._convert(
                order.amount_total,
                order.company_id.currency_id or self.env.company.currency_id,
                order.company_id or self.env.company,
                order.date_order or fields.Date.context_today(order),
            )

    @api.depends(
        "ow_amount_company",
        "payment_term_id",
        "partner_id",
        "order_line.discount",
        "company_id.order_workflow_director_threshold",
        "company_id.order_workflow_gm_threshold",
        "company_id.order_workflow_discount_limit",
    )
    def _compute_ow_approval_level(self):
        for order in self:
            company = order.company_id or self.env.company
            special = order._ow_special_terms()
            order.ow_special_terms = "\n".join(special) or False
            amount = order.ow_amount_company
            if amount > company.order_workflow_gm_threshold:
                level = 3
            elif amount > company.order_workflow_director_threshold or special:
                level = 2
            else:
                level = 1
            order.ow_approval_level = level

    def _ow_special_terms(self):
        """Reasons that call for the sales director whatever the amount."""
        self.ensure_one()
        reasons = []
        customer = self.partner_id.commercial_partner_id
        standard_term = customer.property_payment_term_id
        if (
            self.payment_term_id
            and standard_term
            and self.payment_term_id != standard_term
        ):
            reasons.append(
                _(
                    "Payment terms %(term)s instead of the customer's %(standard)s.",
                    term=self.payment_term_id.display_name,
                    standard=standard_term.display_name,
                )
            )
        limit = (self.company_id or self.env.company).order_workflow_discount_limit
        discounts = self._ow_product_lines().mapped("discount")
        if discounts and max(discounts) > limit:
            reasons.append(
                _(
                    "A discount of %(discount)s %% is above the limit of %(limit)s %%.",
                    discount=max(discounts),
                    limit=limit,
                )
            )
        return reasons
