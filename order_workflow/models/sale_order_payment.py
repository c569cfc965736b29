# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the customer paid for an order, computed once for the deposit and the shipping
gates; the down-payment invoicer they share; the hooks a payment calls."""

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools.misc import formatLang

from .guard import NO_RESTART, internal


def _settled(moves):
    """What was paid on customer invoices, less what credit notes took back: a credit
    note matched with an invoice settles it without any money."""
    return sum(
        (m.amount_total - m.amount_residual)
        * (-1 if m.move_type == "out_refund" else 1)
        for m in moves
    )


class SaleOrder(models.Model):
    _inherit = "sale.order"

    deposit_paid_amount = fields.Monetary(
        string="Deposit paid",
        compute="_compute_ow_payments",
        compute_sudo=True,
        help="Payments reconciled with the order's down-payment invoices (partial "
        "payments too) and online payments not invoiced yet.",
    )
    ow_amount_paid = fields.Monetary(
        string="Paid",
        compute="_compute_ow_payments",
        compute_sudo=True,
        help="Payments received for the order's invoices (deposit included) and "
        "online payments not invoiced yet.",
    )
    ow_balance_due = fields.Monetary(
        string="Outstanding",
        compute="_compute_ow_payments",
        compute_sudo=True,
        help="What the customer still has to pay for the order.",
    )

    @api.depends(
        "amount_total",
        "order_line.invoice_lines.move_id.amount_residual",
        "transaction_ids.state",
    )
    def _compute_ow_payments(self):
        for order in self:
            online = sum(order._ow_deposit_transactions().mapped("amount"))
            posted = order.invoice_ids.filtered(lambda m: m.state == "posted")
            order.deposit_paid_amount = (
                _settled(order._ow_down_payment_moves() & posted) + online
            )
            order.ow_amount_paid = _settled(posted) + online
            order.ow_balance_due = max(
                0.0, order.currency_id.round(order.amount_total - order.ow_amount_paid)
            )

    def _ow_down_payment_moves(self):
        """Customer invoices and credit notes of the order made only of down-payment
        lines: a credit note on a deposit invoice takes it back."""
        self.ensure_one()
        return self.invoice_ids.filtered(
            lambda m: m.move_type in ("out_invoice", "out_refund")
            and m.invoice_line_ids.filtered(lambda line: line.display_type == "product")
            and all(
                line.sale_line_ids.is_downpayment
                for line in m.invoice_line_ids
                if line.display_type == "product"
            )
        )

    def _ow_deposit_invoices(self):
        """Customer invoices of the order made only of down-payment lines."""
        return self._ow_down_payment_moves().filtered(
            lambda m: m.move_type == "out_invoice"
        )

    def _ow_deposit_transactions(self):
        """Online payments of the order that no invoice accounts for yet."""
        self.ensure_one()
        return self.transaction_ids.filtered(
            lambda t: t.state == "done" and not t.invoice_ids
        )

    def _ow_format_amount(self, amount):
        return formatLang(self.env, amount, currency_obj=self.currency_id)

    def _ow_invoice_down_payment_up_to(self, target):
        """Draft a down-payment invoice for ``target`` minus the down payments already
        invoiced (not cancelled); nothing when that is already covered."""
        self.ensure_one()
        invoiced = sum(
            m.amount_total * (-1 if m.move_type == "out_refund" else 1)
            for m in self.sudo()._ow_down_payment_moves()
            if m.state != "cancel"
        )
        amount = self.currency_id.round(target - invoiced)
        if self.currency_id.compare_amounts(amount, 0) <= 0:
            return self.env["account.move"]
        # as the system: whoever triggers it (finance, or the production or QC user
        # who made the goods ready) may not write orders, and Odoo posts the chatter
        # lines of the down payment as the current user
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_user(SUPERUSER_ID)
            .with_context(active_model="sale.order", active_ids=self.ids)
            .create(
                {
                    "advance_payment_method": "fixed",
                    "fixed_amount": amount,
                    "sale_order_ids": [fields.Command.set(self.ids)],
                }
            )
        )
        with internal(NO_RESTART):
            return wizard._create_invoices(self.with_user(SUPERUSER_ID))

    # -- hooks: a payment came in, or was taken back ----------------------------------
    def _ow_after_payment(self):
        """A payment came in for these orders (reconciliation or online payment): the
        gates waiting for money look again (deposit, shipping)."""
        return True

    def _ow_after_payment_reversed(self):
        """A payment of these orders was taken back (deposit, shipping)."""
        return True
