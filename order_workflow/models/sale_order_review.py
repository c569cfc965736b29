# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Preliminary review (订单初步审核): completeness, info needed, pass or reject."""

from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import workflow_action
from .res_partner import QUALIFIER_GROUPS

CLERK = "order_workflow.group_order_clerk"
REVIEW_STATES = [
    ("pending", "Pending"),
    ("passed", "Passed"),
    ("info_needed", "Info needed"),
    ("rejected", "Rejected"),
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    review_state = fields.Selection(
        REVIEW_STATES,
        string="Preliminary review",
        default="pending",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    review_decided_by_id = fields.Many2one(
        "res.users", string="Reviewed by", readonly=True, copy=False
    )
    review_decided_on = fields.Datetime(string="Reviewed on", readonly=True, copy=False)
    review_note = fields.Text(
        string="Review note",
        readonly=True,
        copy=False,
        help="What was asked of the customer, or why the order was rejected.",
    )
    info_due_at = fields.Datetime(
        string="Information due",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The customer's missing information is due by then (2 hours after "
        "asking, by default).",
    )
    info_overdue = fields.Boolean(
        compute="_compute_info_overdue", search="_search_info_overdue"
    )
    is_first_order = fields.Boolean(
        compute="_compute_is_first_order",
        help="The customer's first order: go through the order review checklist.",
    )
    ow_waiting_for_me = fields.Boolean(
        string="Waiting for me",
        compute="_compute_ow_waiting_for_me",
        search="_search_ow_waiting_for_me",
    )

    # -- stage (sale_order.LIFECYCLE) ------------------------------------------------
    def _ow_waits_in_intake(self):
        return self.review_state == "pending"

    def _ow_waits_for_information(self):
        return self.review_state == "info_needed"

    def _ow_is_rejected(self):
        return self.review_state == "rejected"

    # -- computes --------------------------------------------------------------------
    @api.depends("review_state", "info_due_at")
    def _compute_info_overdue(self):
        now = fields.Datetime.now()
        for order in self:
            order.info_overdue = bool(
                order.review_state == "info_needed"
                and order.info_due_at
                and order.info_due_at < now
            )

    def _search_info_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on overdue information."))
        domain = [
            ("review_state", "=", "info_needed"),
            ("info_due_at", "<", fields.Datetime.now()),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", *domain]

    @api.depends("partner_id")
    def _compute_is_first_order(self):
        partners = self.partner_id.commercial_partner_id
        counts = {}
        if partners:
            counts = dict(
                self.env["sale.order"]
                .sudo()
                ._read_group(
                    [
                        ("partner_id", "child_of", partners.ids),
                        ("state", "=", "sale"),
                    ],
                    ["partner_id"],
                    ["__count"],
                )
            )
        confirmed = set()
        for partner, count in counts.items():
            if count:
                confirmed.add(partner.commercial_partner_id.id)
        for order in self:
            order.is_first_order = bool(
                order.partner_id
                and order.state in ("draft", "sent")
                and order.partner_id.commercial_partner_id.id not in confirmed
            )

    def _ow_stages_waiting_for(self, user):
        """The stages in which ``user``'s roles must act; each gate adds its own."""
        stages = set()
        if user.has_group(CLERK):
            stages |= {"intake", "info_needed"}
        return stages

    def _compute_ow_waiting_for_me(self):
        stages = self._ow_stages_waiting_for(self.env.user)
        for order in self:
            order.ow_waiting_for_me = order.workflow_stage in stages

    def _search_ow_waiting_for_me(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on orders waiting for me."))
        domain = [
            ("workflow_stage", "in", list(self._ow_stages_waiting_for(self.env.user)))
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    # -- decisions -------------------------------------------------------------------
    def _ow_review_prepare(self, action, stages=("intake", "info_needed")):
        self._ow_check_group([CLERK], action)
        self._ow_check_workflow()
        self._ow_check_stage(stages, action)

    def _ow_decided(self):
        return {
            "review_decided_by_id": self.env.uid,
            "review_decided_on": fields.Datetime.now(),
        }

    @workflow_action
    def action_review_pass(self):
        """Pass the preliminary review; refused while anything is missing."""
        self._ow_review_prepare(_("pass the preliminary review"))
        missing = []
        for order in self:
            problems = order._get_review_problems()
            if problems:
                missing.append(
                    _("%(order)s:", order=order.name)
                    + "\n"
                    + "\n".join(f"- {p}" for p in problems)
                )
        if missing:
            raise UserError(
                _("The review can't pass; missing or wrong:")
                + "\n\n"
                + "\n\n".join(missing)
            )
        self.write(
            {"review_state": "passed", "info_due_at": False, **self._ow_decided()}
        )
        self._ow_after_review_passed()
        self.activity_feedback(
            ["order_workflow.activity_info_needed"],
            feedback=_("Preliminary review passed."),
        )
        self._ow_note(
            _("Preliminary review passed by %(user)s.", user=self.env.user.name),
        )
        return True

    def _ow_after_review_passed(self):
        """Hook: the gates after the preliminary review open here."""

    @workflow_action
    def action_review_need_info(self, note):
        """Ask the customer for what is missing; the answer is due in 2 hours."""
        self._ow_review_prepare(_("ask the customer for information"))
        if not self._ow_text(note):
            raise UserError(_("Write what the customer must provide."))
        for order in self:
            hours = order.company_id.order_workflow_info_hours or 2.0
            due = fields.Datetime.now() + timedelta(hours=hours)
            order.write(
                {
                    "review_state": "info_needed",
                    "review_note": note,
                    "info_due_at": due,
                    **self._ow_decided(),
                }
            )
            order.activity_schedule(
                "order_workflow.activity_info_needed",
                date_deadline=fields.Date.context_today(order, due),
                summary=_("Contact the customer for missing information"),
                note=note,
                user_id=order._ow_clerk().id,
            )
            order.message_post(
                body=Markup("%s<br/>%s")
                % (
                    _(
                        "Information asked of the customer by %(user)s, due %(due)s:",
                        user=self.env.user.name,
                        due=fields.Datetime.context_timestamp(order, due).strftime(
                            "%Y-%m-%d %H:%M"
                        ),
                    ),
                    note,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    @workflow_action
    def action_record_customer_answer(self, answer):
        """Log the customer's answer in the chatter; the clerk then passes review."""
        self._ow_review_prepare(
            _("record the customer's answer"), stages=("info_needed",)
        )
        if not self._ow_text(answer):
            raise UserError(_("Write the customer's answer."))
        self.write({"info_due_at": False})
        self.activity_feedback(
            ["order_workflow.activity_info_needed"],
            feedback=_("Customer answered: %(answer)s", answer=answer),
        )
        self._ow_note(
            Markup("%s<br/>%s")
            % (
                _(
                    "Customer's answer, recorded by %(user)s:",
                    user=self.env.user.name,
                ),
                answer,
            ),
        )
        return True

    @workflow_action
    def action_review_reject(self, reason):
        """Reject the order in the preliminary review; it ends in stage Rejected."""
        self._ow_review_prepare(_("reject the order"))
        if not self._ow_text(reason):
            raise UserError(_("Give the reason for rejecting the order."))
        self.write(
            {
                "review_state": "rejected",
                "review_note": reason,
                "info_due_at": False,
                **self._ow_decided(),
            }
        )
        self.activity_unlink(["order_workflow.activity_info_needed"])
        self._ow_note(
            _(
                "Order rejected by %(user)s: %(reason)s",
                user=self.env.user.name,
                reason=reason,
            ),
        )
        return True

    @workflow_action
    def action_review_restore(self):
        """Bring a rejected order back to intake (sales manager and above)."""
        self._ow_check_group(list(QUALIFIER_GROUPS), _("restore a rejected order"))
        self._ow_check_workflow()
        self._ow_check_stage(("rejected",), _("restore the order"))
        self.write({"review_state": "pending", **self._ow_decided()})
        for order in self:
            order.message_post(
                body=_("Rejected order restored by %(user)s.", user=self.env.user.name),
                subtype_xmlid="mail.mt_note",
            )
        return True

    # -- UI entry points (wizards) ---------------------------------------------------
    def _ow_reason_wizard(self, method, title):
        return self.env["order_workflow.reason.wizard"]._open(self, method, title)

    def action_open_need_info_wizard(self):
        self._ow_review_prepare(_("ask the customer for information"))
        return self._ow_reason_wizard("action_review_need_info", _("Info needed"))

    def action_open_customer_answer_wizard(self):
        self._ow_review_prepare(
            _("record the customer's answer"), stages=("info_needed",)
        )
        return self._ow_reason_wizard(
            "action_record_customer_answer", _("Customer's answer")
        )

    def action_open_review_reject_wizard(self):
        self._ow_review_prepare(_("reject the order"))
        return self._ow_reason_wizard("action_review_reject", _("Reject order"))
