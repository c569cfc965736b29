# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The finance sign-off (财务签批): a class B/C order held for its balance ships on
credit. The money or finance releases the goods; the emergency override stands in for
the paperwork only (sale_order_shipping)."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import workflow_action

FINANCE = "order_workflow.group_finance_reviewer"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    credit_release_by_id = fields.Many2one(
        "res.users", string="Released on credit by", readonly=True, copy=False
    )
    credit_release_on = fields.Datetime(
        string="Released on credit on", readonly=True, copy=False
    )
    credit_release_reason = fields.Text(
        string="Reason for the release on credit", readonly=True, copy=False
    )

    @workflow_action
    def action_release_on_credit(self, reason):
        """Finance lets the goods of a class B/C order ship before its balance is
        paid; the balance stays due and is collected after delivery."""
        self._ow_check_group([FINANCE], _("release an order on credit"))
        self._ow_check_workflow()
        reason = self._ow_text(reason)
        if not reason:
            raise UserError(_("Give the reason for the release on credit."))
        held = self.filtered(lambda o: o.shipping_release_state != "blocked")
        if held:
            raise UserError(
                _(
                    "%(orders)s not held for a balance: nothing to release on credit.",
                    orders=", ".join(held.mapped("name")),
                )
            )
        self.sudo().write(
            {
                "credit_release_by_id": self.env.uid,
                "credit_release_on": fields.Datetime.now(),
                "credit_release_reason": reason,
            }
        )
        self._ow_release_shipping()
        for order in self:
            order._ow_note(
                _(
                    "Released on credit by %(user)s, %(amount)s still due: %(reason)s",
                    user=self.env.user.name,
                    amount=order._ow_format_amount(order.ow_balance_due),
                    reason=reason,
                )
            )
        self.sudo().activity_unlink(["order_workflow.activity_balance"])
        return True

    def action_open_credit_release_wizard(self):
        self._ow_check_group([FINANCE], _("release an order on credit"))
        return self._ow_reason_wizard(
            "action_release_on_credit", _("Release on credit")
        )

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "credit_release_by_id",
            "credit_release_on",
            "credit_release_reason",
        ]
