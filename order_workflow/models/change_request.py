# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Change requests after confirmation (生产计划变更单; DESIGN.md, *Change requests*).

The order clerk writes the request and submits it; the impact is assessed from the
order's real state and routes it: goods not yet released or covered from stock go to
the customer's confirmation, anything in production to production's review first.
Cancellations and rushes are approved on OCA tier validation before the customer
confirms (change_request_approval.py). Accepted, the change is applied in one
transaction (change_request_apply.py); refused or declined, the order stays as it was.
"""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .guard import ACTION, Rule, internal, workflow_action

CLERK = "order_workflow.group_order_clerk"
PRODUCTION = "order_workflow.group_production_supervisor"
CHANGE_TYPES = [
    ("quantity", "Quantity"),
    ("date", "Date"),
    ("product", "Product"),
    ("packaging", "Packaging"),
    ("cancel", "Cancellation"),
    ("rush", "Rush order"),
]
STATES = [
    ("draft", "Draft"),
    ("production_review", "Production review"),
    ("approval", "Approval"),
    ("customer_confirmation", "Customer confirmation"),
    ("applied", "Applied"),
    ("refused", "Refused"),
    ("declined", "Declined"),
    ("cancelled", "Cancelled"),
]
PENDING_STATES = ("draft", "production_review", "approval", "customer_confirmation")
IMPACTS = [
    ("not_released", "Not yet released"),
    ("from_stock", "Covered from stock"),
    ("not_started", "MO not started"),
    ("in_production", "In production"),
    ("produced", "Produced"),
]
# what the request says it changes: fixed once submitted
DRAFT_FIELDS = ("change_type", "reason", "new_requested_date", "line_ids")


class ChangeRequest(models.Model):
    _name = "order_workflow.change.request"
    _description = "Production change request"
    _inherit = ["mail.thread", "mail.activity.mixin", "order_workflow.guarded"]
    _order = "id desc"
    _ow_guarded_fields = {
        "order_id": Rule(on_create=False),
        **dict.fromkeys(DRAFT_FIELDS, Rule(scope="_ow_guard_submitted")),
    }

    name = fields.Char(readonly=True, copy=False, default="/")
    order_id = fields.Many2one(
        "sale.order", string="Order", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    partner_id = fields.Many2one(related="order_id.partner_id", string="Customer")
    change_type = fields.Selection(
        CHANGE_TYPES, string="Change", required=True, tracking=True
    )
    reason = fields.Text(required=True, help="Why the customer asks for the change.")
    line_ids = fields.One2many(
        "order_workflow.change.request.line", "request_id", string="Lines"
    )
    new_requested_date = fields.Date(
        string="Date asked for", help="The date the customer now asks for."
    )
    old_promised_date = fields.Date(string="Promised date before", readonly=True)
    state = fields.Selection(
        STATES, default="draft", readonly=True, tracking=True, index=True, copy=False
    )
    impact = fields.Selection(IMPACTS, readonly=True, tracking=True, copy=False)
    new_promised_date = fields.Date(readonly=True, tracking=True, copy=False)
    production_note = fields.Text(readonly=True, copy=False)
    refuse_reason = fields.Text(string="Refused because", readonly=True, copy=False)
    decline_reason = fields.Text(string="Declined because", readonly=True, copy=False)
    deposit_handling = fields.Selection(
        [("refund", "Refund"), ("keep", "Keep"), ("credit_note", "Credit note")],
        readonly=True,
        copy=False,
        help="What is done with the deposit of a cancelled order.",
    )
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decided_by_id = fields.Many2one(
        "res.users", string="Production decided by", readonly=True, copy=False
    )
    customer_replied_on = fields.Date(readonly=True, copy=False)
    reply_attachment_id = fields.Many2one(
        "ir.attachment", string="Signed reply", readonly=True, copy=False
    )
    applied_on = fields.Datetime(readonly=True, copy=False)
    apply_error = fields.Text(readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        self.env["sale.order"]._ow_check_group([CLERK], _("request a change"))
        orders = self.env["sale.order"].browse(
            [vals.get("order_id") for vals in vals_list]
        )
        for order in orders:
            order._ow_check_changeable()
        requests = super().create(vals_list)
        sequence = self.env["ir.sequence"].sudo()
        with internal(ACTION):
            for request in requests:
                request.name = sequence.next_by_code(
                    "order_workflow.change.request"
                ) or _("New")
        return requests

    def _ow_guard_submitted(self, vals, creating):
        return False if creating else self.filtered(lambda r: r.state != "draft")

    def _ow_refuse_guarded(self, refused):
        if "order_id" not in refused and self.filtered(lambda r: r.state != "draft"):
            raise UserError(_("A submitted change request can't be edited."))
        return super()._ow_refuse_guarded(refused)

    def _ow_stage_orders(self):
        return self.order_id

    # -- helpers -----------------------------------------------------------------
    def _ow_check_state(self, states, action):
        wrong = self.filtered(lambda r: r.state not in states)
        if wrong:
            labels = dict(STATES)
            raise UserError(
                _(
                    "Can't %(action)s: %(request)s is %(state)s.",
                    action=action,
                    request=wrong[0].name,
                    state=labels[wrong[0].state],
                )
            )

    def _ow_check_role(self, groups, action):
        self.env["sale.order"]._ow_check_group(groups, action)

    def _ow_schedule(self, xmlid, users, summary, note=None):
        """The activity for whoever acts next (the previous ones done)."""
        self.sudo().activity_unlink(["order_workflow.activity_change_request"])
        values = [
            self._ow_activity_values(
                self.env.ref(xmlid), user, summary=summary, note=note
            )
            for user in users
        ]
        if values:
            self.env["mail.activity"].sudo().create(values)

    def _ow_clerk_user(self):
        return self.submitted_by_id or self.order_id._ow_clerk(self.create_uid)

    # -- submit ------------------------------------------------------------------
    def _ow_assess_impact(self):
        """From the order's real state: released or not, its MOs' progress."""
        self.ensure_one()
        order = self.order_id.sudo()
        if not order.production_released:
            return "not_released"
        mos = order.ow_production_ids.filtered(lambda p: p.state != "cancel")
        if not mos:
            return "from_stock"
        if all(p.state == "done" for p in mos):
            return "produced"
        if all(p.state in ("draft", "confirmed") and not p.qty_producing for p in mos):
            return "not_started"
        return "in_production"

    def _ow_check_lines(self):
        self.ensure_one()
        ctype = self.change_type
        if ctype in ("quantity", "product", "packaging") and not self.line_ids:
            raise UserError(_("Give the lines to change."))
        if ctype == "date" and not self.new_requested_date:
            raise UserError(_("Give the date the customer asks for."))
        for line in self.line_ids:
            if line.order_line_id.order_id != self.order_id:
                raise UserError(_("A line of the request is not on its order."))
            if ctype == "quantity" and line.new_qty < 0:
                raise UserError(_("A quantity can't be negative."))
            if ctype == "product" and not line.new_product_id:
                raise UserError(_("Give the new product of each line."))
            if ctype == "packaging" and not self._ow_text(line.new_packaging_note):
                raise UserError(_("Give the new packaging of each line."))

    @workflow_action
    def action_submit(self):
        """The order clerk submits: impact assessed, request routed."""
        self._ow_check_role([CLERK], _("submit a change request"))
        self._ow_check_state(("draft",), _("submit"))
        for request in self:
            request._ow_check_lines()
            request.order_id._ow_check_changeable(request)
            impact = request._ow_assess_impact()
            request.write(
                {
                    "impact": impact,
                    "submitted_by_id": self.env.uid,
                    "old_promised_date": request.order_id.promised_date,
                }
            )
            if impact in ("not_released", "from_stock"):
                request._ow_after_production()
            else:
                request.state = "production_review"
                request._ow_schedule(
                    "order_workflow.activity_change_request",
                    request._ow_role_holders(PRODUCTION),
                    _("Review the change request %(name)s", name=request.name),
                    request.reason,
                )
            note = _(
                "Submitted by %(user)s; impact: %(impact)s.",
                user=self.env.user.name,
                impact=dict(IMPACTS)[impact],
            )
            request._ow_note(note)
            request.order_id._ow_note(
                _("Change request %(name)s: %(note)s", name=request.name, note=note)
            )
        return True

    def _ow_after_production(self):
        """Past production's review (or without it): the approvals, if the type
        needs them, else the customer's confirmation."""
        for request in self:
            if request.change_type in ("cancel", "rush"):
                request.state = "approval"
                request._ow_request_tiers()
            else:
                request._ow_to_customer()

    def _ow_to_customer(self):
        for request in self:
            request.state = "customer_confirmation"
            request._ow_schedule(
                "order_workflow.activity_change_request",
                request._ow_clerk_user(),
                _("Confirm %(name)s with the customer", name=request.name),
            )

    # -- production --------------------------------------------------------------
    @workflow_action
    def action_production_approve(self, new_promised_date=None, note=None):
        """Production agrees, with the new finished-goods date and a note."""
        self._ow_check_role([PRODUCTION], _("approve a change request"))
        self._ow_check_state(("production_review",), _("approve"))
        new_date = self._ow_date(new_promised_date, _("New promised date"))
        if not new_date and self.filtered(lambda r: r.change_type != "cancel"):
            raise UserError(_("Give the new promised date."))
        note = self._ow_text(note)
        for request in self:
            request.write(
                {
                    "new_promised_date": new_date,
                    "production_note": note,
                    "decided_by_id": self.env.uid,
                }
            )
            request._ow_note(
                _(
                    "Production approved (%(user)s): new promised date %(date)s. "
                    "%(note)s",
                    user=self.env.user.name,
                    date=new_date or "-",
                    note=note,
                )
            )
            request._ow_after_production()
        return True

    @workflow_action
    def action_production_refuse(self, reason):
        """Production refuses: the change ends, the order stays as it was."""
        self._ow_check_role([PRODUCTION], _("refuse a change request"))
        self._ow_check_state(("production_review",), _("refuse"))
        reason = self._ow_text(reason)
        if not reason:
            raise UserError(_("Give the reason for refusing the change."))
        self.write(
            {"state": "refused", "refuse_reason": reason, "decided_by_id": self.env.uid}
        )
        self._ow_end(_("Refused by production: %(reason)s", reason=reason))
        return True

    # -- the customer ------------------------------------------------------------
    @workflow_action
    def action_customer_accept(self, attachment=None, deposit_handling=None):
        """The customer accepted (the signed reply attached, optional over RPC):
        the change is applied, all of it or nothing. A cancellation of an order
        whose deposit was paid says what is done with it."""
        self._ow_check_role([CLERK], _("record the customer's answer"))
        self._ow_check_state(("customer_confirmation",), _("record the acceptance"))
        handlings = dict(self._fields["deposit_handling"].selection)
        if deposit_handling and deposit_handling not in handlings:
            raise UserError(_("Deposit handling: refund, keep or credit_note."))
        for request in self:
            if (
                request.change_type == "cancel"
                and request.order_id.sudo().deposit_state == "paid"
                and not deposit_handling
            ):
                raise UserError(
                    _("Say what is done with the deposit: refund, keep or credit note.")
                )
            vals = {
                "customer_replied_on": fields.Date.context_today(request),
                "deposit_handling": deposit_handling or False,
            }
            if attachment:
                vals["reply_attachment_id"] = request._ow_reply_attachment(attachment)
            request.write(vals)
            request._ow_apply_safely()
        return True

    def _ow_reply_attachment(self, attachment):
        if isinstance(attachment, int):
            found = self.env["ir.attachment"].browse(attachment).exists()
            if not found:
                raise UserError(_("The signed reply was not found."))
            return found.id
        if not isinstance(attachment, dict) or not attachment.get("datas"):
            raise UserError(_("Attach the signed reply as a name and its data."))
        return (
            self.env["ir.attachment"]
            .create(
                {
                    "name": attachment.get("name") or _("Signed reply"),
                    "datas": attachment["datas"],
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
            .id
        )

    @workflow_action
    def action_customer_decline(self, reason):
        self._ow_check_role([CLERK], _("record the customer's answer"))
        self._ow_check_state(("customer_confirmation",), _("record the refusal"))
        reason = self._ow_text(reason)
        if not reason:
            raise UserError(_("Give the reason the customer declined."))
        self.write(
            {
                "state": "declined",
                "decline_reason": reason,
                "customer_replied_on": fields.Date.context_today(self),
            }
        )
        self._ow_end(_("Declined by the customer: %(reason)s", reason=reason))
        return True

    @workflow_action
    def action_cancel(self):
        """The clerk withdraws a request that is not applied."""
        self._ow_check_role([CLERK], _("cancel a change request"))
        self._ow_check_state(PENDING_STATES, _("cancel"))
        self.write({"state": "cancelled"})
        self._ow_end(_("Change request withdrawn."))
        return True

    def _ow_end(self, note):
        self.sudo().activity_unlink(["order_workflow.activity_change_request"])
        for request in self:
            request._ow_note(note)
            request.order_id._ow_note(
                _("Change request %(name)s: %(note)s", name=request.name, note=note)
            )

    @api.ondelete(at_uninstall=False)
    def _ow_unlink_except_submitted(self):
        if not self.env.su and self.filtered(lambda r: r.state != "draft"):
            raise AccessError(_("A submitted change request is kept in the history."))
