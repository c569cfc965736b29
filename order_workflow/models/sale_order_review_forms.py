# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The facts of the two review forms printed from the order (reports/): the
Preliminary Review Form (订单初步审核表) and the Order Review Checklist
(合同/订单评审检查清单), printed for a customer's first order. The labels are in the
templates (translated with them); this file only reads the order's records."""

from datetime import timedelta

from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    first_order_of_customer = fields.Boolean(
        string="Customer's first order",
        compute="_compute_first_order_of_customer",
        help="No order of this customer was confirmed before this one: the order "
        "review checklist is printed for it. Unlike the intake alert, it stays true "
        "once the order is confirmed.",
    )

    @api.depends("partner_id", "state", "date_order")
    def _compute_first_order_of_customer(self):
        customers = self.partner_id.commercial_partner_id
        earliest = {}
        if customers:
            groups = (
                self.env["sale.order"]
                .sudo()
                ._read_group(
                    [
                        ("partner_id", "child_of", customers.ids),
                        ("state", "=", "sale"),
                    ],
                    ["partner_id"],
                    ["date_order:min"],
                )
            )
            for partner, first in groups:
                key = partner.commercial_partner_id.id
                if first and (key not in earliest or first < earliest[key]):
                    earliest[key] = first
        for order in self:
            first = earliest.get(order.partner_id.commercial_partner_id.id)
            order.first_order_of_customer = bool(
                order.partner_id
                and (not first or (order.state == "sale" and order.date_order <= first))
            )

    # -- Preliminary Review Form -------------------------------------------------------
    def _ow_preliminary_review_facts(self):
        """What the preliminary review checked: one result per item of the
        completeness check (sale_order_completeness.py), the extra checks, and the
        sentences the check gives for what is missing."""
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        shipping = self.partner_shipping_id
        lines = self._ow_product_lines()
        contacts = (self.partner_id | customer).filtered(
            lambda p: p.phone or p.mobile or p.email
        )
        checks = self.env["order_workflow.review.check"]._checks_for(self.company_id)
        return {
            "customer": customer.qualification_state == "qualified",
            "address": bool(shipping.street and shipping.city),
            "contact": bool(contacts),
            "contact_partner": contacts[:1],
            "requested_date": bool(self.requested_date),
            "payment_term": bool(self.payment_term_id),
            "lines": bool(lines)
            and all(
                line.product_id and line.product_uom_qty > 0 and line.price_unit > 0
                for line in lines
            ),
            "product_lines": lines,
            "extra_checks": [(check, check._passes(self)) for check in checks],
            "problems": self._get_review_problems(),
        }

    # -- Order Review Checklist --------------------------------------------------------
    def _ow_review_checklist(self):
        """The items of the order review checklist with the result the order records:
        ``ok``, ``open`` (not decided yet), ``problem``, ``not_needed``, or
        ``manual`` (the order holds the facts only: the reviewer ticks it on paper)."""
        self.ensure_one()
        lines = self._ow_product_lines()
        return {
            "price": self._ow_checklist_price(lines),
            "delivery_date": self._ow_checklist_delivery_date(),
            "technical": self._ow_checklist_technical(lines),
            "payment": {
                "result": "ok" if self.payment_term_id else "problem",
            },
            "credit": {
                "result": {"qualified": "ok", "blocked": "problem"}.get(
                    self.partner_id.commercial_partner_id.qualification_state, "open"
                ),
            },
            "quality": {
                "result": "manual",
                "inspected_products": lines.product_id.filtered(
                    "inspection_before_shipping"
                ),
            },
            "shipping": {
                "result": "manual",
                "address_complete": bool(
                    self.partner_shipping_id.street and self.partner_shipping_id.city
                ),
            },
            "approval": self._ow_checklist_approval(),
        }

    def _ow_checklist_price(self, lines):
        deviating = lines.filtered(lambda line: line._ow_price_deviates())
        if self.price_review_state == "approved":
            result = "ok"
        elif self.price_review_state == "rejected":
            result = "problem"
        elif self.price_review_state == "pending" or self.price_deviation_found:
            result = "open"
        else:
            result = "ok"
        return {"result": result, "deviating_lines": deviating}

    def _ow_checklist_delivery_date(self):
        """Reasonable when the customer's date leaves the lead days from the order
        date (the clock starts later still: confirmation, deposit)."""
        start = fields.Date.to_date(self.date_order) or fields.Date.context_today(self)
        earliest = start + timedelta(days=self.lead_days or 0)
        if not self.requested_date:
            result = "problem"
        elif self.requested_date >= earliest:
            result = "ok"
        else:
            result = "open"
        return {"result": result, "earliest": earliest}

    def _ow_checklist_technical(self, lines):
        nonstandard = lines.filtered("is_nonstandard")
        review = self.technical_review_ids.sorted("round", reverse=True)[:1]
        result = {
            "feasible": "ok",
            "not_feasible": "problem",
            "pending": "open",
        }.get(self.technical_review_state, "not_needed")
        if nonstandard and result == "not_needed":
            result = "open"
        return {"result": result, "lines": nonstandard, "review": review}

    def _ow_checklist_approval(self):
        # the approvals are read as the system: the form shows who approved, whatever
        # the printing user may read of tier.review
        reviews = self.sudo().review_ids.sorted("sequence")
        if reviews and all(r.status == "approved" for r in reviews):
            result = "ok"
        elif any(r.status == "rejected" for r in reviews):
            result = "problem"
        else:
            result = "open"
        return {"result": result, "reviews": reviews}
