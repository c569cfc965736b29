# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's signed order confirmation (订单确认书, 回传确认)."""

from odoo import _, fields, models
from odoo.exceptions import UserError

from .guard import ACTION, internal, workflow_action

CLERK = "order_workflow.group_order_clerk"
CONFIRMATION_STATES = [
    ("not_sent", "Not sent"),
    ("sent", "Sent"),
    ("returned", "Returned"),
    ("verified", "Verified"),
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    confirmation_state = fields.Selection(
        CONFIRMATION_STATES,
        string="Customer confirmation",
        default="not_sent",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    confirmation_sent_on = fields.Datetime(readonly=True, copy=False)
    confirmation_returned_on = fields.Datetime(readonly=True, copy=False)
    confirmation_verified_on = fields.Datetime(readonly=True, copy=False)
    confirmation_verified_by_id = fields.Many2one(
        "res.users", string="Verified by", readonly=True, copy=False
    )
    confirmation_problem = fields.Text(
        readonly=True,
        copy=False,
        help="What was wrong with the returned copy; the customer was asked again.",
    )
    confirmation_scan_ids = fields.Many2many(
        "ir.attachment",
        "sale_order_ow_confirmation_scan_rel",
        "order_id",
        "attachment_id",
        string="Signed copy",
        copy=False,
        help="The scan of the confirmation the customer signed and sent back.",
    )

    # -- stage (sale_order.LIFECYCLE) ------------------------------------------------
    def _ow_waits_for_customer_confirmation(self):
        return self._ow_quotation()

    def _ow_stages_waiting_for(self, user):
        stages = super()._ow_stages_waiting_for(user)
        if user.has_group(CLERK):
            stages.add("customer_confirmation")
        return stages

    # -- the three steps -------------------------------------------------------------
    def _ow_confirmation_prepare(self, action, states):
        self._ow_check_group([CLERK], action)
        self._ow_check_workflow()
        self._ow_check_stage(("customer_confirmation",), action)
        wrong = self.filtered(lambda o: o.confirmation_state not in states)
        if wrong:
            labels = dict(
                self._fields["confirmation_state"]._description_selection(self.env)
            )
            raise UserError(
                _(
                    "Can't %(action)s: the confirmation of %(order)s is %(state)s.",
                    action=action,
                    order=wrong[0].name,
                    state=labels[wrong[0].confirmation_state],
                )
            )

    @workflow_action
    def action_send_for_confirmation(self):
        """E-mail the Order Confirmation to the customer, to sign and send back."""
        self._ow_confirmation_prepare(
            _("send the order confirmation"), ("not_sent", "sent")
        )
        template = self.env.ref("order_workflow.mail_template_order_confirmation")
        for order in self:
            if not order.partner_id.email:
                raise UserError(
                    _(
                        "%(customer)s has no e-mail address: the order confirmation "
                        "can't be sent.",
                        customer=order.partner_id.display_name,
                    )
                )
            order.message_subscribe(partner_ids=order.partner_id.ids)
        # rendered and e-mailed with its PDF by the outbox, after this click
        self.env["order_workflow.outbox"]._queue(
            self, _("Order Confirmation"), template=template
        )
        self.write(
            {
                "confirmation_state": "sent",
                "confirmation_sent_on": fields.Datetime.now(),
                "require_signature": True,
            }
        )
        self.filtered(lambda o: o.state == "draft").write({"state": "sent"})
        return True

    @workflow_action
    def action_register_signed_confirmation(self, signed_by, signed_on):
        """Register the copy the customer signed and sent back (scan optional)."""
        self._ow_confirmation_prepare(
            _("register the signed confirmation"), ("sent", "returned")
        )
        if not self._ow_text(signed_by):
            raise UserError(_("Give the name of the person who signed."))
        if not signed_on:
            raise UserError(_("Give the date the customer signed."))
        self._ow_date(signed_on, _("Signed on"))
        self.write(
            {
                "signed_by": signed_by,
                "signed_on": fields.Datetime.to_datetime(signed_on),
                "confirmation_state": "returned",
                "confirmation_returned_on": fields.Datetime.now(),
                "confirmation_problem": False,
            }
        )
        self._ow_note(
            _(
                "Signed confirmation returned, signed by %(name)s; registered by "
                "%(user)s.",
                name=signed_by,
                user=self.env.user.name,
            )
        )
        return True

    @workflow_action
    def action_verify_confirmation(self):
        """Check the returned copy (content matches the order, signature and stamp
        legible, special remarks complete) and confirm the order."""
        self._ow_confirmation_prepare(
            _("verify the signed confirmation"), ("returned",)
        )
        self.write(
            {
                "confirmation_state": "verified",
                "confirmation_verified_on": fields.Datetime.now(),
                "confirmation_verified_by_id": self.env.uid,
            }
        )
        self._ow_note(
            _(
                "Signed confirmation checked by %(user)s: content matches the order, "
                "signature and stamp legible, special remarks complete.",
                user=self.env.user.name,
            )
        )
        self._ow_after_confirmation_verified()
        self.action_confirm()
        return True

    def _ow_after_confirmation_verified(self):
        """Hook, before the order is confirmed: the delivery clock starts here."""

    @workflow_action
    def action_reject_returned_confirmation(self, problem):
        """The returned copy is wrong or unclear: back to sent, the customer asked
        again."""
        self._ow_confirmation_prepare(
            _("refuse the returned confirmation"), ("returned",)
        )
        if not self._ow_text(problem):
            raise UserError(_("Write what is wrong with the returned copy."))
        self.write(
            {
                "confirmation_state": "sent",
                "confirmation_problem": problem,
                "signature": False,
                "signed_by": False,
                "signed_on": False,
            }
        )
        for order in self:
            order.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_("Ask the customer for a new signed confirmation"),
                note=problem,
                user_id=order._ow_clerk().id,
            )
        self._ow_note(
            _(
                "Returned confirmation refused by %(user)s: %(problem)s",
                user=self.env.user.name,
                problem=problem,
            )
        )
        return True

    def action_open_reject_returned_wizard(self):
        self._ow_confirmation_prepare(
            _("refuse the returned confirmation"), ("returned",)
        )
        return self._ow_reason_wizard(
            "action_reject_returned_confirmation", _("Returned copy not accepted")
        )

    # -- confirming only once verified -------------------------------------------------
    def action_confirm(self):
        # orders not approved yet are refused by the approval gate (super)
        not_verified = self.filtered(
            lambda o: o.use_order_workflow
            and o.workflow_stage == "customer_confirmation"
            and o.confirmation_state != "verified"
        )
        if not_verified:
            raise UserError(
                _(
                    "%(orders)s can't be confirmed before the customer's signed "
                    "confirmation is verified.",
                    orders=", ".join(not_verified.mapped("name")),
                )
            )
        return super().action_confirm()

    def write(self, vals):
        signing = vals.get("signature") and self.filtered(
            lambda o: o.use_order_workflow and o.confirmation_state == "sent"
        )
        res = super().write(vals)
        if signing:
            # signed on the portal: the copy is returned, to be verified by a clerk
            super(SaleOrder, signing).write(
                {
                    "confirmation_state": "returned",
                    "confirmation_returned_on": fields.Datetime.now(),
                    "confirmation_problem": False,
                }
            )
            for order in signing:
                order._ow_note(
                    _(
                        "Signed on the portal by %(name)s: to be verified.",
                        name=order.signed_by,
                    )
                )
        return res

    def _validate_order(self):
        """Portal acceptance confirms the order; not a workflow order, whose signed
        copy is verified first."""
        return super(
            SaleOrder, self - self.filtered("use_order_workflow")
        )._validate_order()

    def _is_confirmation_amount_reached(self):
        """An online prepayment does not confirm a workflow order either."""
        if self.use_order_workflow and self.confirmation_state != "verified":
            return False
        return super()._is_confirmation_amount_reached()

    def _has_to_be_signed(self):
        if self.use_order_workflow and self.confirmation_state != "sent":
            return False
        return super()._has_to_be_signed()

    def action_open_register_confirmation_wizard(self):
        self._ow_confirmation_prepare(
            _("register the signed confirmation"), ("sent", "returned")
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Signed confirmation"),
            "res_model": "order_workflow.signed.confirmation.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_order_id": self.id,
                "default_signed_by": self.partner_id.name,
            },
        }

    def _ow_restart_approval(self, reason):
        """A change after approval also voids the confirmation sent for the old
        content: it is sent again once the order is approved again."""
        restarted = super()._ow_restart_approval(reason)
        voided = restarted.filtered(
            lambda o: o.confirmation_state in ("sent", "returned")
        )
        if voided:
            with internal(ACTION):
                voided.write(
                    {
                        "confirmation_state": "not_sent",
                        "signature": False,
                        "signed_by": False,
                        "signed_on": False,
                    }
                )
            voided._ow_note(
                _("The confirmation sent to the customer no longer matches the order.")
            )
        return restarted
