# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The completeness check of the preliminary review (订单信息完整性): what it finds
missing or wrong, one sentence each, shown on the order and refused on passing."""

from markupsafe import Markup, escape

from odoo import _, api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    review_problems = fields.Html(
        string="Review checklist",
        compute="_compute_review_problems",
        sanitize=False,
        help="What the preliminary review still finds missing.",
    )
    review_complete = fields.Boolean(compute="_compute_review_problems")

    @api.depends(
        "use_order_workflow",
        "partner_id",
        "partner_shipping_id",
        "requested_date",
        "payment_term_id",
        "order_line.product_id",
        "order_line.product_uom_qty",
        "order_line.price_unit",
    )
    def _compute_review_problems(self):
        checks = {}  # one search of the review checks per company, not per order
        for order in self:
            problems = []
            if order.use_order_workflow:
                company = order.company_id
                if company not in checks:
                    checks[company] = self.env[
                        "order_workflow.review.check"
                    ]._checks_for(company)
                problems = order._get_review_problems(checks=checks[company])
            order.review_complete = not problems
            order.review_problems = (
                Markup("<ul class='mb-0'>%s</ul>")
                % Markup().join(Markup("<li>%s</li>") % escape(p) for p in problems)
                if problems
                else False
            )

    def _ow_product_lines(self):
        return self.order_line.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )

    def _get_review_problems(self, checks=None):
        """Everything the preliminary review finds missing, one sentence each."""
        self.ensure_one()
        problems = self._ow_customer_problems() + self._ow_line_problems()
        if checks is None:
            checks = self.env["order_workflow.review.check"]._checks_for(
                self.company_id
            )
        for check in checks:
            if not check._passes(self):
                problems.append(check.message or check.name)
        return problems

    def _ow_customer_problems(self):
        problems = []
        customer = self.partner_id.commercial_partner_id
        if not customer:
            problems.append(_("Customer: missing."))
        elif customer.qualification_state == "new":
            problems.append(
                _(
                    "Customer: %(customer)s is not qualified yet; a sales manager must "
                    "qualify the customer.",
                    customer=customer.display_name,
                )
            )
        elif customer.qualification_state == "blocked":
            problems.append(
                _("Customer: %(customer)s is blocked.", customer=customer.display_name)
            )
        shipping = self.partner_shipping_id
        if not shipping:
            problems.append(_("Delivery address: missing."))
        else:
            if not shipping.street:
                problems.append(_("Delivery address: street missing."))
            if not shipping.city:
                problems.append(_("Delivery address: city missing."))
        if not any(p.phone or p.mobile or p.email for p in self.partner_id | customer):
            problems.append(
                _("Contact: no phone or e-mail for the customer or its contact person.")
            )
        if not self.requested_date:
            problems.append(_("Requested date: missing."))
        if not self.payment_term_id:
            problems.append(_("Payment terms: missing."))
        return problems

    def _ow_line_problems(self):
        lines = self._ow_product_lines()
        if not lines:
            return [_("Order lines: at least one product line is needed.")]
        problems = []
        for number, line in enumerate(lines, start=1):
            label = _(
                "Line %(number)s (%(product)s)",
                number=number,
                product=line.product_id.display_name or line.name or "",
            )
            if not line.product_id:
                problems.append(_("%(line)s: product missing.", line=label))
            if line.product_uom_qty <= 0:
                problems.append(
                    _("%(line)s: quantity must be greater than 0.", line=label)
                )
            if line.price_unit <= 0:
                problems.append(
                    _("%(line)s: unit price must be greater than 0.", line=label)
                )
        return problems
