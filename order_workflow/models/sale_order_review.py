# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Preliminary review (订单初步审核): completeness, info needed, pass or reject."""

from datetime import timedelta

from markupsafe import Markup, escape

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
    review_problems = fields.Html(
        string="Review checklist",
        compute="_compute_review_problems",
        sanitize=False,
        help="What the preliminary review still finds missing.",
    )
    review_complete = fields.Boolean(compute="_compute_review_problems")
    is_first_order = fields.Boolean(
        compute="_compute_is_first_order",
        help="The customer's first order: go through the order review checklist.",
    )
    ow_waiting_for_me = fields.Boolean(
        string="Waiting for me",
        compute="_compute_ow_waiting_for_me",
        search="_search_ow_waiting_for_me",
    )

    # -- stage -----------------------------------------------------------------------
    @api.depends("review_state")
    def _compute_workflow_stage(self):
        return super()._compute_workflow_stage()

    def _get_workflow_stage(self):
        stage = super()._get_workflow_stage()
        if stage != "intake":
            return stage
        if self.review_state == "rejected":
            return "rejected"
        if self.review_state == "info_needed":
            return "info_needed"
        if self.review_state == "pending":
            return "intake"
        return self._get_workflow_stage_after_review()

    def _get_workflow_stage_after_review(self):
        """Stage of an order that passed the preliminary review; the later gates
        (technical review, price review, approval, …) extend it."""
        return "approval"

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

    @api.depends(
        "use_order_workflow",
        "partner_id",
        "partner_shipping_id",
        "requested_date",
        "payment_term_id",
        "order_line.product_id",
        "order_line.product_uom_qty",
        "order_line.price_unit",
    )
    def _compute_review_problems(self):
        for order in self:
            problems = order._get_review_problems() if order.use_order_workflow else []
            order.review_complete = not problems
            order.review_problems = (
                Markup("<ul class='mb-0'>%s</ul>")
                % Markup().join(Markup("<li>%s</li>") % escape(p) for p in problems)
                if problems
                else False
            )

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

    # -- the completeness check ------------------------------------------------------
    def _ow_product_lines(self):
        return self.order_line.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )

    def _get_review_problems(self):
        """Everything the preliminary review finds missing, one sentence each."""
        self.ensure_one()
        problems = self._ow_customer_problems() + self._ow_line_problems()
        checks = self.env["order_workflow.review.check"]._checks_for(self.company_id)
        for check in checks:
            if not check._passes(self):
                problems.append(check.message or check.name)
        return problems

    def _ow_customer_problems(self):
        problems = []
        customer = self.partner_id.commercial_partner_id
        if not customer:
            problems.append(_("Customer: missing."))
        elif customer.qualification_state == "new":
            problems.append(
                _(
                    "Customer: %(customer)s is not qualified yet; a sales manager must "
                    "qualify the customer.",
                    customer=customer.display_name,
                )
            )
        elif customer.qualification_state == "blocked":
            problems.append(
                _("Customer: %(customer)s is blocked.", customer=customer.display_name)
            )
        shipping = self.partner_shipping_id
        if not shipping:
            problems.append(_("Delivery address: missing."))
        else:
            if not shipping.street:
                problems.append(_("Delivery address: street missing."))
            if not shipping.city:
                problems.append(_("Delivery address: city missing."))
        if not any(p.phone or p.mobile or p.email for p in self.partner_id | customer):
            problems.append(
                _("Contact: no phone or e-mail for the customer or its contact person.")
            )
        if not self.requested_date:
            problems.append(_("Requested date: missing."))
        if not self.payment_term_id:
            problems.append(_("Payment terms: missing."))
        return problems

    def _ow_line_problems(self):
        lines = self._ow_product_lines()
        if not lines:
            return [_("Order lines: at least one product line is needed.")]
        problems = []
        for number, line in enumerate(lines, start=1):
            label = _(
                "Line %(number)s (%(product)s)",
                number=number,
                product=line.product_id.display_name or line.name or "",
            )
            if not line.product_id:
                problems.append(_("%(line)s: product missing.", line=label))
            if line.product_uom_qty <= 0:
                problems.append(
                    _("%(line)s: quantity must be greater than 0.", line=label)
                )
            if line.price_unit <= 0:
                problems.append(
                    _("%(line)s: unit price must be greater than 0.", line=label)
                )
        return problems

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
        self._ow_request_approval()
        return True

    def _ow_after_review_passed(self):
        """Hook: the gates after the preliminary review open here."""

    def _ow_request_approval(self):
        """Hook: the approval is requested when an order reaches its stage."""
        return True

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
                user_id=self.env.uid,
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
