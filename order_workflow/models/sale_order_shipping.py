# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shipping release by credit class (款到发货), the shipping request, the delivery
receipt and the after-sales follow-up, seen from the order."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import workflow_action

CLERK = "order_workflow.group_order_clerk"
SERVICE = "order_workflow.group_service_supervisor"
RELEASE_STATES = [
    ("not_ready", "Not ready"),
    ("released", "Released"),
    ("blocked", "Blocked"),
    ("overridden", "Overridden"),
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    shipping_release_state = fields.Selection(
        RELEASE_STATES,
        string="Shipping release",
        default="not_ready",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        help="Class A customers ship on their agreed terms; class B and C customers "
        "once the balance is paid, or finance releases them on credit. Overridden: "
        "the service supervisor let the shipment go before its shipping request.",
    )
    shipping_released_on = fields.Datetime(readonly=True, copy=False)
    balance_notice_sent_on = fields.Datetime(readonly=True, copy=False)
    shipping_override_by_id = fields.Many2one(
        "res.users", string="Shipping overridden by", readonly=True, copy=False
    )
    shipping_override_on = fields.Datetime(readonly=True, copy=False)
    shipping_override_reason = fields.Text(readonly=True, copy=False)
    shipping_request_issued_on = fields.Datetime(readonly=True, copy=False)
    shipping_request_issued_by_id = fields.Many2one(
        "res.users", string="Shipping request issued by", readonly=True, copy=False
    )

    # -- balance (paid amounts: sale_order_payment) ----------------------------------

    def _ow_goods_ready(self):
        self.ensure_one()
        return self.production_done and self.qc_state in ("not_needed", "passed")

    def _ow_pays_before_shipping(self):
        self.ensure_one()
        return self.partner_id.commercial_partner_id.credit_class in ("B", "C")

    def _ow_evaluate_shipping_release(self):
        """Goods ready: released on agreed terms (class A, or nothing left to pay),
        otherwise held until the balance is paid: balance invoiced, notice sent."""
        todo = self.sudo().filtered(
            lambda o: o.use_order_workflow
            and o.state == "sale"
            and o.shipping_release_state == "not_ready"
            and o._ow_goods_ready()
        )
        for order in todo:
            if order._ow_balance_holds():
                order.shipping_release_state = "blocked"
                order._ow_request_balance()
            else:
                order._ow_release_shipping()
        return todo

    def _ow_balance_holds(self):
        """A class B/C customer owes money on the order and finance did not release
        it on credit: the goods stay (款到发货)."""
        self.ensure_one()
        return (
            self._ow_pays_before_shipping()
            and not self.credit_release_on
            and not self.currency_id.is_zero(self.ow_balance_due)
        )

    def _ow_release_shipping(self):
        self.sudo().write(
            {
                "shipping_release_state": "released",
                "shipping_released_on": fields.Datetime.now(),
            }
        )

    def _ow_request_balance(self):
        """Invoice the balance (as a down payment for the produced goods, so that
        products invoiced on delivered quantities are invoiced too), send the Balance
        Payment Notice and give the salesperson an activity to collect it."""
        self.ensure_one()
        error = False
        try:
            with self.env.cr.savepoint():
                self._ow_create_balance_invoice()
        except UserError as exc:
            error = exc.args[0]
        if self.partner_id.email:  # rendered with its PDF by the outbox
            self.env["order_workflow.outbox"]._queue(
                self,
                _("Balance Payment Notice"),
                template=self.env.ref("order_workflow.mail_template_balance_notice"),
            )
            self.balance_notice_sent_on = fields.Datetime.now()
        note = _(
            "Goods ready; %(amount)s to be paid before shipping.",
            amount=self._ow_format_amount(self.ow_balance_due),
        )
        if error:
            note = _(
                "%(note)s The balance invoice could not be created: %(error)s",
                note=note,
                error=error,
            )
        self.activity_schedule(
            "order_workflow.activity_balance",
            note=note,
            user_id=self.user_id.id or self.env.uid,
        )

    def _ow_create_balance_invoice(self):
        """The balance, invoiced as a down payment for the goods at the quantities
        produced (sale_order_payment), unless finance already invoiced the goods
        themselves: then that invoice is the one to pay."""
        regular = (
            self.sudo().invoice_ids.filtered(
                lambda m: m.move_type == "out_invoice" and m.state != "cancel"
            )
            - self.sudo()._ow_deposit_invoices()
        )
        if regular:
            return self.env["account.move"]
        return self._ow_invoice_down_payment_up_to(self.ow_goods_amount)

    def _ow_after_payment(self):
        res = super()._ow_after_payment()
        self._ow_check_balance()
        return res

    def _ow_check_balance(self):
        """A payment came in: release the orders held for it."""
        blocked = self.sudo().filtered(
            lambda o: o.use_order_workflow and o.shipping_release_state == "blocked"
        )
        paid = blocked.filtered(lambda o: o.currency_id.is_zero(o.ow_balance_due))
        for order in paid:
            order._ow_release_shipping()
            order._ow_note(_("Balance paid: the goods may ship."))
            order.activity_unlink(["order_workflow.activity_balance"])
        paid._ow_follow_stage()
        return paid

    def _ow_after_payment_reversed(self):
        """A payment was taken back: orders released because they were paid go back
        on hold while goods are still to ship and money is due again."""
        res = super()._ow_after_payment_reversed()
        self._ow_recheck_balance()
        return res

    def _ow_recheck_balance(self):
        released = self.sudo().filtered(
            lambda o: o.use_order_workflow
            and o.shipping_release_state in ("released", "overridden")
            and o._ow_goods_to_ship()
        )
        unpaid = released.filtered(lambda o: o._ow_balance_holds())
        for order in unpaid:
            order.shipping_release_state = "blocked"
            note = _(
                "A payment was taken back: %(amount)s is due again and the goods are "
                "held until it is paid.",
                amount=order._ow_format_amount(order.ow_balance_due),
            )
            order._ow_alert_salesperson("order_workflow.activity_balance", note)
        return unpaid

    def _ow_goods_to_ship(self):
        """Outgoing pickings of the order not done nor cancelled."""
        self.ensure_one()
        return self.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
            and p.state not in ("done", "cancel")
        )

    # -- stage (sale_order.LIFECYCLE) ------------------------------------------------
    def _ow_waits_for_payment(self):
        return (
            self.shipping_release_state == "blocked"
            and self.ow_delivery_state == "none"
        )

    def _ow_waits_to_ship(self):
        return self.ow_delivery_state == "none"

    def _ow_stages_waiting_for(self, user):
        stages = super()._ow_stages_waiting_for(user)
        if user.has_group("order_workflow.group_finance_reviewer"):
            stages.add("payment_hold")
        if user.has_group("order_workflow.group_shipping_clerk"):
            stages.add("ready")
        if user.has_group(CLERK):
            stages |= {"ready", "shipped"}
        return stages

    # -- override ----------------------------------------------------------------------
    @workflow_action
    def action_override_shipping(self, reason):
        """Emergency (先行发货，手工单后补): the service supervisor lets this shipment
        go before its shipping request; the paperwork follows. It stands in for the
        paperwork only: the balance of a class B/C customer still holds the goods
        until it is paid or finance releases the order on credit."""
        self._ow_check_group([SERVICE], _("override the shipping release"))
        self._ow_check_workflow()
        if not self._ow_text(reason):
            raise UserError(_("Give the reason for the override."))
        for order in self:
            pickings = order._ow_open_outgoing()
            if order.state != "sale" or not pickings:
                raise UserError(
                    _("%(order)s has no shipment to release.", order=order.name)
                )
            if not order._ow_goods_ready():
                raise UserError(
                    _(
                        "The goods of %(order)s are not ready (production or quality "
                        "check): an override can't ship them.",
                        order=order.name,
                    )
                )
            if order.shipping_release_state == "blocked" or order._ow_balance_holds():
                raise UserError(
                    _(
                        "%(order)s waits for its balance of %(amount)s: the override "
                        "stands in for the shipping request only. The goods ship once "
                        "the balance is paid or finance releases the order on credit.",
                        order=order.name,
                        amount=order._ow_format_amount(order.ow_balance_due),
                    )
                )
            now = fields.Datetime.now()
            values = {
                "shipping_override_by_id": self.env.uid,
                "shipping_override_on": now,
                "shipping_override_reason": reason,
            }
            pickings.sudo().write(values)
            order.sudo().write({**values, "shipping_release_state": "overridden"})
            order._ow_note(
                _(
                    "Shipping released by override (%(pickings)s) by %(user)s: "
                    "%(reason)s",
                    pickings=", ".join(pickings.mapped("name")),
                    user=self.env.user.name,
                    reason=reason,
                )
            )
            order.activity_schedule(
                "order_workflow.activity_override_paperwork",
                note=_("Shipped by override: %(reason)s", reason=reason),
                user_id=order._ow_clerk(order.user_id).id,
            )
        return True

    def action_open_override_wizard(self):
        self._ow_check_group([SERVICE], _("override the shipping release"))
        return self._ow_reason_wizard(
            "action_override_shipping", _("Override the shipping release")
        )

    def _ow_open_outgoing(self):
        self.ensure_one()
        return self.sudo().picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
            and p.state not in ("done", "cancel")
        )

    def _ow_after_shipment(self):
        """After a shipment left: an override covered that shipment only."""
        for order in self.sudo().filtered(
            lambda o: o.shipping_release_state == "overridden"
        ):
            if order._ow_open_outgoing().filtered("shipping_override_on"):
                continue
            if order._ow_balance_holds():
                order.shipping_release_state = "blocked"
            else:
                order._ow_release_shipping()

    # -- shipping request --------------------------------------------------------------
    def _ow_shipping_request_problems(self):
        self.ensure_one()
        shipping = self.partner_shipping_id
        contact = shipping.phone or shipping.email
        if not contact:
            customer = self.partner_id
            contact = customer.phone or customer.email
        problems = []
        if not (shipping.street and shipping.city):
            problems.append(_("the delivery address (street and city)"))
        if not shipping.name:
            problems.append(_("the recipient"))
        if not contact:
            problems.append(_("a contact phone or e-mail"))
        return problems

    @workflow_action
    def action_issue_shipping_request(self):
        """The clerk re-checks address, recipient and contact and issues the
        Shipping Request to the shipping clerk."""
        self._ow_check_group([CLERK], _("issue the shipping request"))
        self._ow_check_workflow()
        for order in self:
            if order.shipping_release_state not in ("released", "overridden"):
                raise UserError(
                    _(
                        "%(order)s is not released for shipping: %(why)s.",
                        order=order.name,
                        why=_(
                            "the balance of %(amount)s is due",
                            amount=order._ow_format_amount(order.ow_balance_due),
                        )
                        if order.shipping_release_state == "blocked"
                        else _("the goods are not ready"),
                    )
                )
            problems = order._ow_shipping_request_problems()
            if problems:
                raise UserError(
                    _(
                        "Before the shipping request of %(order)s, complete: "
                        "%(missing)s.",
                        order=order.name,
                        missing=", ".join(problems),
                    )
                )
        self.sudo().write(
            {
                "shipping_request_issued_on": fields.Datetime.now(),
                "shipping_request_issued_by_id": self.env.uid,
            }
        )
        self._ow_note(
            _("Shipping request issued by %(user)s.", user=self.env.user.name)
        )
        return True

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "shipping_release_state",
            "shipping_released_on",
            "balance_notice_sent_on",
            "shipping_override_by_id",
            "shipping_override_on",
            "shipping_override_reason",
            "shipping_request_issued_on",
            "shipping_request_issued_by_id",
            "ready_notified_on",
            "ow_digest_snapshot",
        ]
