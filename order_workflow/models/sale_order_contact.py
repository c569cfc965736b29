# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 2-hour rule of intake (订单信息不完整需在2小时内联系客户): an incomplete order
still in intake 2 hours (a company setting) after it was received is flagged; the order
clerk must contact the customer. The clock is the order's creation.

Nothing is stored and no cron runs: the flag is computed from ``create_date`` only for
the orders in intake old enough (the completeness check runs for those alone, so a
kanban of other stages costs nothing), and searched the same way.
"""

from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

DEFAULT_CONTACT_HOURS = 2.0


class SaleOrder(models.Model):
    _inherit = "sale.order"

    contact_overdue = fields.Boolean(
        string="Contact overdue",
        compute="_compute_contact_overdue",
        search="_search_contact_overdue",
        help="An incomplete order still in intake more than the company's hours to "
        "contact the customer (2 by default) after it was received.",
    )

    @api.model
    def _ow_contact_limit(self, company, now=None):
        hours = company.order_workflow_contact_hours or DEFAULT_CONTACT_HOURS
        return (now or fields.Datetime.now()) - timedelta(hours=hours)

    def _ow_contact_candidates(self):
        """Orders in intake received long enough ago (stored fields only)."""
        now = fields.Datetime.now()
        # these columns alone (a kanban card has the stored ones already), not the
        # whole row that reading create_date would otherwise fetch
        self.fetch(
            ["use_order_workflow", "workflow_stage", "create_date", "company_id"]
        )
        return self.filtered(
            lambda o: o.use_order_workflow
            and o.workflow_stage == "intake"
            and o.create_date
            and o.create_date <= self._ow_contact_limit(o.company_id, now)
        )

    @api.depends("workflow_stage", "review_complete")
    def _compute_contact_overdue(self):
        # the completeness check runs for the candidates alone, not the whole batch
        candidates = self._ow_contact_candidates().with_prefetch()
        overdue = {order.id for order in candidates if not order.review_complete}
        for order in self:
            order.contact_overdue = order.id in overdue

    def _search_contact_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on overdue contact."))
        now = fields.Datetime.now()
        companies = self.env["res.company"].sudo().search([])
        by_company = expression.OR(
            [
                [
                    ("company_id", "=", company.id),
                    ("create_date", "<=", self._ow_contact_limit(company, now)),
                ]
                for company in companies
            ]
        )
        candidates = self.search(
            expression.AND(
                [
                    [
                        ("use_order_workflow", "=", True),
                        ("workflow_stage", "=", "intake"),
                    ],
                    by_company,
                ]
            )
        )
        ids = candidates.filtered(lambda o: not o.review_complete).ids
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]
