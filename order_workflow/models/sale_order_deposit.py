# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The deposit gate (定金): production waits for the deposit.

The hold itself is OCA ``sale_stock_picking_blocking``'s delivery block, which
filters ``_action_launch_stock_rule``: while the block is set, confirming the order
creates no MO and no picking. This file owns the block's value for orders waiting
for their deposit, so that nothing but the deposit (paid or waived by finance) lifts
it, and releases it by launching the procurement when the deposit is paid.
"""

import logging
from contextlib import contextmanager

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang

from .guard import DEPOSIT_HOLD, NO_RESTART, internal, is_internal, workflow_action

_logger = logging.getLogger(__name__)

FINANCE = "order_workflow.group_finance_reviewer"
DEPOSIT_STATES = [
    ("not_required", "No deposit"),
    ("waiting", "Waiting"),
    ("paid", "Paid"),
    ("waived", "Waived"),
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    deposit_percent = fields.Float(
        string="Deposit (%)",
        digits=(5, 2),
        compute="_compute_deposit_percent",
        store=True,
        help="From the customer (the only source); fixed once the order confirmation "
        "is sent.",
    )
    deposit_required = fields.Boolean(compute="_compute_deposit_required", store=True)
    deposit_amount = fields.Monetary(
        compute="_compute_deposit_amount",
        store=True,
        help="Deposit percent of the order total, taxes included.",
    )
    deposit_paid_amount = fields.Monetary(
        string="Deposit paid",
        compute="_compute_deposit_paid_amount",
        compute_sudo=True,
        help="Payments reconciled with the order's down-payment invoices (partial "
        "payments too) and online payments not invoiced yet.",
    )
    deposit_state = fields.Selection(
        DEPOSIT_STATES,
        string="Deposit",
        compute="_compute_deposit_state",
        store=True,
        index=True,
        tracking=True,
    )
    deposit_paid_date = fields.Date(
        readonly=True,
        copy=False,
        help="Date of the payment that completed the deposit, or of the waiver.",
    )
    deposit_waived_by_id = fields.Many2one(
        "res.users", string="Deposit waived by", readonly=True, copy=False
    )
    deposit_waiver_reason = fields.Text(readonly=True, copy=False)
    production_released = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Procurement ran: the manufacturing orders and pickings exist.",
    )
    production_released_on = fields.Datetime(readonly=True, copy=False)
    lc_required = fields.Boolean(
        string="Letter of credit",
        copy=False,
        tracking=True,
        help="The customer pays by letter of credit: the delivery clock starts only "
        "once it is received.",
    )
    lc_date = fields.Date(
        string="Letter of credit received",
        readonly=True,
        copy=False,
        tracking=True,
    )

    # -- computes ----------------------------------------------------------------------
    @api.depends(
        "use_order_workflow", "partner_id.commercial_partner_id.deposit_percent"
    )
    def _compute_deposit_percent(self):
        for order in self:
            if order.state in ("sale", "cancel") or order.confirmation_state not in (
                "not_sent",
                False,
            ):
                continue  # printed on the confirmation sent: fixed
            order.deposit_percent = (
                order.partner_id.commercial_partner_id.deposit_percent
                if order.use_order_workflow
                else 0.0
            )

    @api.depends("deposit_percent", "use_order_workflow")
    def _compute_deposit_required(self):
        for order in self:
            order.deposit_required = (
                order.use_order_workflow and order.deposit_percent > 0
            )

    @api.depends("deposit_percent", "amount_total", "currency_id")
    def _compute_deposit_amount(self):
        for order in self:
            amount = order.amount_total * order.deposit_percent / 100.0
            order.deposit_amount = (
                order.currency_id.round(amount) if order.currency_id else amount
            )

    @api.depends("deposit_required")
    def _compute_deposit_state(self):
        for order in self:
            if order.deposit_state in ("paid", "waived"):
                continue
            order.deposit_state = (
                "waiting" if order.deposit_required else "not_required"
            )

    def _ow_deposit_invoices(self):
        """Customer invoices of the order made only of down-payment lines."""
        return self._ow_down_payment_moves().filtered(
            lambda m: m.move_type == "out_invoice"
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

    def _ow_deposit_transactions(self):
        """Online payments of the order that no invoice accounts for yet."""
        self.ensure_one()
        return self.transaction_ids.filtered(
            lambda t: t.state == "done" and not t.invoice_ids
        )

    @api.depends(
        "order_line.invoice_lines.move_id.amount_residual",
        "transaction_ids.state",
    )
    def _compute_deposit_paid_amount(self):
        for order in self:
            moves = order._ow_down_payment_moves().filtered(
                lambda m: m.state == "posted"
            )
            # a credit note matched with the invoice settles it without any money:
            # what it settled is taken back with it
            paid = sum(
                (m.amount_total - m.amount_residual)
                * (-1 if m.move_type == "out_refund" else 1)
                for m in moves
            )
            paid += sum(order._ow_deposit_transactions().mapped("amount"))
            order.deposit_paid_amount = paid

    def _ow_deposit_payment_date(self):
        """Date of the latest payment counted in the deposit."""
        self.ensure_one()
        invoices = (
            self.sudo()._ow_deposit_invoices().filtered(lambda m: m.state == "posted")
        )
        receivable = invoices.line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        )
        dates = receivable.matched_credit_ids.mapped("max_date")
        dates += [
            fields.Date.to_date(tx.last_state_change)
            for tx in self.sudo()._ow_deposit_transactions()
            if tx.last_state_change
        ]
        return max(dates) if dates else fields.Date.context_today(self)

    # -- stage -----------------------------------------------------------------------
    @api.depends("deposit_state")
    def _compute_workflow_stage(self):
        return super()._compute_workflow_stage()

    def _get_workflow_stage_after_confirmation(self):
        if self.deposit_state == "waiting":
            return "deposit"
        return super()._get_workflow_stage_after_confirmation()

    def _ow_stages_waiting_for(self, user):
        stages = super()._ow_stages_waiting_for(user)
        if user.has_group(FINANCE):
            stages.add("deposit")
        return stages

    # -- the hold ----------------------------------------------------------------------
    def _ow_waiting_for_deposit(self):
        return self.filtered(
            lambda o: o.use_order_workflow
            and o.state == "sale"
            and o.deposit_state == "waiting"
        )

    def _ow_deposit_block_reason(self):
        return self.env.ref("order_workflow.delivery_block_reason_deposit")

    def _compute_delivery_block_id(self):
        """A change of customer or payment term must not lift the deposit hold."""
        held = self._ow_waiting_for_deposit()
        super(SaleOrder, self - held)._compute_delivery_block_id()
        if held:
            held.delivery_block_id = self._ow_deposit_block_reason()

    @api.constrains("delivery_block_id")
    def _check_not_auto_done(self):
        """OCA refuses any block when "Lock Confirmed Sales" is on: up to Odoo 16 a
        locked order was *done* and its block could not be lifted. In Odoo 18 a locked
        order stays a sales order and the deposit hold is lifted as usual, so the
        workflow's own hold is allowed; any other block keeps OCA's rule."""
        deposit = self._ow_deposit_block_reason()
        return super(
            SaleOrder,
            self.filtered(
                lambda o: not (o.use_order_workflow and o.delivery_block_id == deposit)
            ),
        )._check_not_auto_done()

    def _action_confirm(self):
        # before super: sale_stock launches the procurement there, OCA filters it
        held = self.filtered(
            lambda o: o.use_order_workflow and o.deposit_state == "waiting"
        )
        if held:
            with internal(DEPOSIT_HOLD):
                held.sudo().write(
                    {"delivery_block_id": self._ow_deposit_block_reason().id}
                )
        res = super()._action_confirm()
        # paid online before the confirmation was verified: released at once
        paid = held._ow_check_deposit()
        for order in held - paid:
            order._ow_propose_deposit_invoice()
        return res

    def _ow_propose_deposit_invoice(self):
        """A draft down-payment invoice for the deposit, and an activity to collect
        it. A failure here must not undo the confirmation: it is left to finance."""
        self.ensure_one()
        error = False
        try:
            with self.env.cr.savepoint():
                self._ow_create_deposit_invoice()
        except UserError as exc:
            error = exc.args[0]
            _logger.warning("Deposit invoice of %s not created: %s", self.name, error)
        note = _(
            "Deposit of %(amount)s (%(percent)s%%) to be paid before production.",
            amount=self._ow_format_amount(self.deposit_amount),
            percent=self.deposit_percent,
        )
        if error:
            note = _(
                "%(note)s The deposit invoice could not be created: %(error)s",
                note=note,
                error=error,
            )
        self.activity_schedule(
            "order_workflow.activity_deposit",
            note=note,
            user_id=self.user_id.id or self.env.uid,
        )

    def _ow_format_amount(self, amount):
        return formatLang(self.env, amount, currency_obj=self.currency_id)

    def _ow_create_deposit_invoice(self):
        """Draft down-payment invoice for what of the deposit is not invoiced yet."""
        online = sum(self._ow_deposit_transactions().mapped("amount"))
        return self._ow_invoice_down_payment_up_to(self.deposit_amount - online)

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

    @workflow_action
    def action_create_deposit_invoice(self):
        """Draft a down-payment invoice for the part of the deposit not invoiced."""
        self._ow_check_group(
            [FINANCE, "order_workflow.group_order_clerk"],
            _("create the deposit invoice"),
        )
        self._ow_check_workflow()
        for order in self:
            if order.deposit_state != "waiting":
                raise UserError(
                    _("%(order)s is not waiting for a deposit.", order=order.name)
                )
            if not order._ow_create_deposit_invoice():
                raise UserError(
                    _(
                        "The deposit of %(order)s is already invoiced.",
                        order=order.name,
                    )
                )
        return True

    def action_view_deposit_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", self._ow_deposit_invoices().ids)]
        action["context"] = {"create": False}
        return action

    # -- nobody lifts it by hand -------------------------------------------------------
    def _ow_refuse_manual_release(self):
        held = self._ow_waiting_for_deposit()
        if held:
            raise UserError(
                _(
                    "%(orders)s wait for their deposit: production is released when "
                    "the deposit is paid or finance waives it, not by hand.",
                    orders=", ".join(held.mapped("name")),
                )
            )

    def action_remove_delivery_block(self):
        self._ow_refuse_manual_release()
        if not self.filtered("use_order_workflow"):
            return super().action_remove_delivery_block()
        # any other block of a workflow order (credit hold from the customer or the
        # payment term) is lifted by finance or a sales manager; the procurement then
        # runs as the system, as it does when the deposit is paid
        self._ow_check_group(
            [FINANCE, "order_workflow.group_sales_manager"],
            _("remove a delivery block"),
        )
        with self._ow_unlocked():
            return super(SaleOrder, self.sudo()).action_remove_delivery_block()

    @contextmanager
    def _ow_unlocked(self):
        """Odoo procures nothing for a locked order, and "Lock Confirmed Sales" locks
        it at confirmation, after the procurement it would have launched: procurement
        launched later (deposit paid, block removed) runs with the order unlocked."""
        locked = self.sudo().filtered("locked")
        locked.locked = False
        try:
            yield
        finally:
            locked.locked = True

    def _ow_launch_procurement(self):
        """Launch the procurement held back by the deposit."""
        with self._ow_unlocked():
            self.order_line._action_launch_stock_rule()

    def write(self, vals):
        if "delivery_block_id" in vals and not is_internal(DEPOSIT_HOLD):
            self._ow_refuse_manual_release()
        return super().write(vals)

    # -- paid, waived, released -------------------------------------------------------
    def _ow_after_payment(self):
        """A payment came in for these orders (reconciliation or online payment):
        the gates waiting for money look again; the shipping gate extends it."""
        return self._ow_check_deposit()

    def _ow_after_payment_reversed(self):
        """A payment of these orders was taken back; the shipping gate extends it.
        A deposit already counted stays counted: production is running, and it is
        finance's call what to do, so the salesperson is told."""
        released = self.sudo().filtered(
            lambda o: o.use_order_workflow
            and o.deposit_state == "paid"
            and o.currency_id.compare_amounts(o.deposit_paid_amount, o.deposit_amount)
            < 0
        )
        for order in released:
            note = _(
                "A payment was taken back: the deposit of %(order)s is no longer "
                "fully paid (%(paid)s of %(deposit)s), but production was already "
                "released.",
                order=order.name,
                paid=order._ow_format_amount(order.deposit_paid_amount),
                deposit=order._ow_format_amount(order.deposit_amount),
            )
            order._ow_alert_salesperson("mail.mail_activity_data_todo", note)
        return True

    def _ow_check_deposit(self):
        """Release the orders whose deposit is now paid (from payments)."""
        waiting = self.sudo()._ow_waiting_for_deposit()
        paid = waiting.filtered(
            lambda o: o.currency_id.compare_amounts(
                o.deposit_paid_amount, o.deposit_amount
            )
            >= 0
        )
        for order in paid:
            order.write(
                {
                    "deposit_state": "paid",
                    "deposit_paid_date": order._ow_deposit_payment_date(),
                }
            )
            order._ow_note(
                _(
                    "Deposit paid: %(amount)s.",
                    amount=order._ow_format_amount(order.deposit_paid_amount),
                )
            )
        paid._ow_release_production()
        return paid

    @workflow_action
    def action_waive_deposit(self, reason):
        """Finance lets production start without the deposit (logged)."""
        self._ow_check_group([FINANCE], _("waive the deposit"))
        self._ow_check_workflow()
        if not self._ow_text(reason):
            raise UserError(_("Give the reason for waiving the deposit."))
        wrong = self.filtered(lambda o: o.deposit_state != "waiting")
        if wrong:
            raise UserError(
                _(
                    "%(order)s is not waiting for a deposit.",
                    order=wrong[0].name,
                )
            )
        self.sudo().write(
            {
                "deposit_state": "waived",
                "deposit_paid_date": fields.Date.context_today(self),
                "deposit_waived_by_id": self.env.uid,
                "deposit_waiver_reason": reason,
            }
        )
        self._ow_note(
            _(
                "Deposit waived by %(user)s: %(reason)s",
                user=self.env.user.name,
                reason=reason,
            )
        )
        self.sudo().filtered(lambda o: o.state == "sale")._ow_release_production()
        return True

    def action_open_waive_deposit_wizard(self):
        self._ow_check_group([FINANCE], _("waive the deposit"))
        return self._ow_reason_wizard("action_waive_deposit", _("Waive the deposit"))

    def _ow_release_production(self):
        """Lift the deposit hold and launch the procurement (MOs, pickings).

        Runs in the payment's transaction, as whoever registered it: with sudo, and in
        a savepoint so that a procurement error cannot undo the payment; the error is
        left to the salesperson as an activity, the order stays held.
        """
        reason = self._ow_deposit_block_reason()
        for order in self.sudo():
            try:
                with self.env.cr.savepoint():
                    if order.delivery_block_id == reason:
                        # back to what the customer or payment term asks, if anything
                        term = order.payment_term_id
                        other = (
                            order.partner_id.default_delivery_block
                            or term.default_delivery_block_reason_id
                        )
                        with internal(DEPOSIT_HOLD):
                            order.write({"delivery_block_id": other.id})
                    order._ow_launch_procurement()
            except UserError as exc:
                _logger.warning("Production of %s not released: %s", order.name, exc)
                order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Production could not be released"),
                    note=exc.args[0],
                    user_id=order.user_id.id or self.env.uid,
                )
                continue
            order.activity_unlink(["order_workflow.activity_deposit"])
            order._ow_start_clock()

    def _ow_mark_production_released(self):
        todo = self.filtered(
            lambda o: o.use_order_workflow
            and o.state == "sale"
            and not o.production_released
            and not o.delivery_block_id
        )
        if todo:
            todo.sudo().write(
                {
                    "production_released": True,
                    "production_released_on": fields.Datetime.now(),
                }
            )
            todo._ow_notify_ready()  # goods from stock are ready at once

    # -- the clock ---------------------------------------------------------------------
    def _ow_clock_start_candidates(self):
        dates = super()._ow_clock_start_candidates()
        if self.deposit_required:
            dates.append(self.deposit_paid_date)
        if self.lc_required:
            dates.append(self.lc_date)
        return dates

    @workflow_action
    def action_register_letter_of_credit(self, lc_date):
        """Finance records the date the letter of credit was received."""
        self._ow_check_group([FINANCE], _("register the letter of credit"))
        self._ow_check_workflow()
        if not lc_date:
            raise UserError(_("Give the date the letter of credit was received."))
        wrong = self.filtered(lambda o: not o.lc_required)
        if wrong:
            raise UserError(
                _(
                    "%(order)s is not paid by letter of credit.",
                    order=wrong[0].name,
                )
            )
        lc_date = self._ow_date(lc_date, _("Letter of credit date"))
        self.sudo().write({"lc_date": lc_date})
        self.sudo().filtered(lambda o: o.state == "sale")._ow_start_clock()
        return True

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "deposit_percent",
            "deposit_required",
            "deposit_amount",
            "deposit_state",
            "deposit_paid_date",
            "deposit_waived_by_id",
            "deposit_waiver_reason",
            "production_released",
            "production_released_on",
            "delivery_block_id",
            "lc_date",
        ]
