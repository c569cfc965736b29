# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the customer paid for an order, computed once for the deposit and the shipping
gates; what the goods are worth once produced (the balance follows the produced
quantity, 按生产成品数量); the down-payment invoicer they share; the hooks a payment
calls."""

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
    ow_goods_amount = fields.Monetary(
        string="Goods to pay",
        compute="_compute_ow_payments",
        compute_sudo=True,
        help="The order total; once production is done, the goods at the quantities "
        "produced (taxes included): what the balance is asked for.",
    )
    ow_balance_due = fields.Monetary(
        string="Outstanding",
        compute="_compute_ow_payments",
        compute_sudo=True,
        help="What the customer still has to pay for the goods.",
    )

    @api.depends(
        "amount_total",
        "order_line.price_total",
        "order_line.product_uom_qty",
        "order_line.invoice_lines.move_id.amount_residual",
        "transaction_ids.state",
        "production_done",
        "ow_production_ids.state",
    )
    def _compute_ow_payments(self):
        for order in self:
            online = sum(order._ow_deposit_transactions().mapped("amount"))
            posted = order.invoice_ids.filtered(lambda m: m.state == "posted")
            order.deposit_paid_amount = (
                _settled(order._ow_down_payment_moves() & posted) + online
            )
            order.ow_amount_paid = _settled(posted) + online
            order.ow_goods_amount = order._ow_produced_amount()
            order.ow_balance_due = max(
                0.0,
                order.currency_id.round(order.ow_goods_amount - order.ow_amount_paid),
            )

    def _ow_balance_lines(self):
        """The goods the balance is asked for, one dict per product line: ``line``,
        ``qty`` (in the line's unit) and ``amount`` (taxes included). Once production
        is done, a line made by MOs counts what they produced; goods not made for the
        order (from stock) count as ordered."""
        self.ensure_one()
        produced = {}
        if self.production_done:
            for production in self.sudo().ow_production_ids:
                line = production.sale_line_id
                if production.state == "done" and line:
                    produced[line] = produced.get(line, 0.0) + (
                        production.product_uom_id._compute_quantity(
                            production.qty_produced, line.product_uom
                        )
                    )
        rows = []
        for line in self.order_line:
            if line.display_type or line.is_downpayment or not line.product_uom_qty:
                continue
            qty = produced.get(line, line.product_uom_qty)
            rows.append(
                {
                    "line": line,
                    "qty": qty,
                    "amount": line.price_total * qty / line.product_uom_qty,
                }
            )
        return rows

    def _ow_produced_amount(self):
        """The order total, less (or plus) what the lines produced short of (or over)
        their ordered quantity, once production is done."""
        self.ensure_one()
        if not self.production_done:
            return self.amount_total
        difference = sum(
            row["line"].price_total - row["amount"] for row in self._ow_balance_lines()
        )
        return self.currency_id.round(self.amount_total - difference)

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
        # lines of the down payment as the current user. Odoo e-mails the salesperson
        # "You have been assigned to" the invoice: queued for the mail cron, not sent
        # in this click (make load: the click's send after commit also raced with the
        # mail cron's batch, which then failed on the e-mail already sent and deleted)
        system = self.with_user(SUPERUSER_ID).with_context(mail_notify_force_send=False)
        wizard = (
            system.env["sale.advance.payment.inv"]
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
            return wizard._create_invoices(system)

    # -- hooks: a payment came in, or was taken back ----------------------------------
    def _ow_after_payment(self):
        """A payment came in for these orders (reconciliation or online payment): the
        gates waiting for money look again (deposit, shipping)."""
        return True

    def _ow_after_payment_reversed(self):
        """A payment of these orders was taken back (deposit, shipping)."""
        return True
