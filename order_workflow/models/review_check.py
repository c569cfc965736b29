# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools.safe_eval import safe_eval


class OrderWorkflowReviewCheck(models.Model):
    """A configurable check of the preliminary review, beside the built-in ones."""

    _name = "order_workflow.review.check"
    _description = "Order Workflow: extra review check"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Empty: every company.")
    domain = fields.Char(
        string="Orders must match",
        default="[]",
        required=True,
        help="A domain on sale orders; an order that does not match fails the check.",
    )
    message = fields.Char(
        translate=True,
        help="Shown in the review checklist when the check fails; the name otherwise.",
    )

    @api.model
    def _checks_for(self, company):
        return (
            self.sudo()
            .search([("company_id", "in", [False, company.id])])
            .with_env(self.env)
        )

    def _passes(self, order):
        self.ensure_one()
        return bool(order.filtered_domain(safe_eval(self.domain or "[]")))
