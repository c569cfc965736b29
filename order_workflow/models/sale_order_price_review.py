# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Price review (财务价格审核): finance checks the prices of every order (the company
setting ``order_workflow_check_all_prices``, on by default); with the setting off, only
orders with prices that deviate from the price list. Deviations are highlighted
either way."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import workflow_action

FINANCE = "order_workflow.group_finance_reviewer"
PRICE_REVIEW_STATES = [
    ("not_needed", "Not needed"),
    ("pending", "Pending"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    price_review_state = fields.Selection(
        PRICE_REVIEW_STATES,
        string="Price review",
        default="not_needed",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    price_deviation_found = fields.Boolean(
        string="Prices deviate",
        compute="_compute_price_deviation_found",
        store=True,
        help="At least one line's price deviates from the price list by more than the "
        "tolerance set in Settings.",
    )
    price_decided_by_id = fields.Many2one(
        "res.users", string="Prices reviewed by", readonly=True, copy=False
    )
    price_decided_on = fields.Datetime(
        string="Prices reviewed on", readonly=True, copy=False
    )
    price_reject_reason = fields.Text(readonly=True, copy=False)

    @api.depends(
        "order_line.price_deviation_percent",
        "company_id.order_workflow_price_tolerance",
    )
    def _compute_price_deviation_found(self):
        for order in self:
            order.price_deviation_found = order.use_order_workflow and any(
                line._ow_price_deviates() for line in order.order_line
            )

    def _ow_waits_for_price_review(self):
        return self._ow_quotation() and self.price_review_state == "pending"

    def _ow_stages_waiting_for(self, user):
        stages = super()._ow_stages_waiting_for(user)
        if user.has_group(FINANCE):
            stages.add("price_review")
        return stages

    def _ow_needs_price_review(self):
        self.ensure_one()
        return (
            self.company_id.order_workflow_check_all_prices
            or self.price_deviation_found
        )

    def _ow_after_review_passed(self):
        super()._ow_after_review_passed()
        for order in self:
            order.price_review_state = (
                "pending" if order._ow_needs_price_review() else "not_needed"
            )

    @workflow_action
    def _ow_refresh_price_review(self):
        """A price changed on a reviewed order: re-open the price review if needed."""
        for order in self.filtered(
            lambda o: o.use_order_workflow
            and o.review_state == "passed"
            and o.state in ("draft", "sent")
        ):
            wanted = "pending" if order._ow_needs_price_review() else "not_needed"
            if order.price_review_state != wanted:
                if order.price_review_state == "approved":
                    order.message_post(
                        body=_(
                            "A price changed after approval: price review re-opened."
                        ),
                        subtype_xmlid="mail.mt_note",
                    )
                order.price_review_state = wanted

    def _ow_price_prepare(self, action):
        self._ow_check_group([FINANCE], action)
        self._ow_check_workflow()
        self._ow_check_stage(("price_review",), action)

    @workflow_action
    def action_price_approve(self):
        """Approve the order's prices (finance reviewer)."""
        self._ow_price_prepare(_("approve prices"))
        self.write(
            {
                "price_review_state": "approved",
                "price_decided_by_id": self.env.uid,
                "price_decided_on": fields.Datetime.now(),
                "price_reject_reason": False,
            }
        )
        self._ow_note(
            _("Prices approved by %(user)s.", user=self.env.user.name),
        )
        return True

    @workflow_action
    def action_price_reject(self, reason):
        """Reject the prices (finance reviewer): the order goes back to intake."""
        self._ow_price_prepare(_("reject prices"))
        if not self._ow_text(reason):
            raise UserError(_("Give the reason for rejecting the prices."))
        self.write(
            {
                "price_review_state": "rejected",
                "price_decided_by_id": self.env.uid,
                "price_decided_on": fields.Datetime.now(),
                "price_reject_reason": reason,
                "review_state": "pending",
                "review_note": reason,
            }
        )
        for order in self:
            order.message_post(
                body=_(
                    "Prices rejected by %(user)s: %(reason)s. The order is back in "
                    "intake.",
                    user=self.env.user.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_open_price_reject_wizard(self):
        self._ow_price_prepare(_("reject prices"))
        return self._ow_reason_wizard("action_price_reject", _("Reject prices"))
