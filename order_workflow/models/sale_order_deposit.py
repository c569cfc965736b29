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

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import ACTION, internal, workflow_action

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

    # -- stage (sale_order.LIFECYCLE) ------------------------------------------------
    def _ow_waits_for_deposit(self):
        return self.deposit_state == "waiting"

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
            with internal(ACTION):
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

    def _ow_create_deposit_invoice(self):
        """Draft down-payment invoice for what of the deposit is not invoiced yet."""
        online = sum(self._ow_deposit_transactions().mapped("amount"))
        return self._ow_invoice_down_payment_up_to(self.deposit_amount - online)

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

    # -- paid, waived, released -------------------------------------------------------
    def _ow_after_payment(self):
        res = super()._ow_after_payment()
        self._ow_check_deposit()
        return res

    def _ow_after_payment_reversed(self):
        """A deposit already counted stays counted: production is running, and it is
        finance's call what to do, so the salesperson is told."""
        res = super()._ow_after_payment_reversed()
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
        return res

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

    # -- the clock ---------------------------------------------------------------------
    def _ow_clock_start_candidates(self):
        dates = super()._ow_clock_start_candidates()
        if self.deposit_required:
            dates.append(self.deposit_paid_date)
        return dates

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
        ]
