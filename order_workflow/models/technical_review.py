# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Technical review (技术评审): technical and purchasing sign-off."""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .guard import SIGNING, internal, is_internal, workflow_action
from .res_partner import QUALIFIER_GROUPS

TECH = "order_workflow.group_technical_reviewer"
PURCHASE = "order_workflow.group_purchase_reviewer"
CLERK = "order_workflow.group_order_clerk"
ASSESSMENTS = [
    ("feasible", "Feasible"),
    ("feasible_with_changes", "Feasible with changes"),
    ("not_feasible", "Not feasible"),
]
# Written by the methods only: a signature can't be typed in by anyone.
SIGNED_FIELDS = (
    "assessment",
    "assessment_note",
    "assessed_by_id",
    "assessed_on",
    "customer_drawing_approved",
    "drawing_approved_on",
    "material_statement",
    "material_confirmed_by",
    "material_confirmed_on",
    "state",
    "outcome",
    "risk_note",
    "not_feasible_reason",
)


class OrderWorkflowTechnicalReview(models.Model):
    _name = "order_workflow.technical.review"
    _description = "Technical Review"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(compute="_compute_name", store=True)
    order_id = fields.Many2one(
        "sale.order", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    partner_id = fields.Many2one(related="order_id.partner_id", string="Customer")
    round = fields.Integer(default=1, readonly=True)
    line_ids = fields.Many2many(
        "sale.order.line", string="Lines under review", readonly=True
    )
    state = fields.Selection(
        [
            ("open", "Open"),
            ("not_feasible", "Not feasible"),
            ("feasible", "Feasible"),
            ("declined", "Declined by the customer"),
            ("superseded", "Superseded"),
        ],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    assessment = fields.Selection(ASSESSMENTS, readonly=True, tracking=True)
    assessment_note = fields.Text(readonly=True)
    assessed_by_id = fields.Many2one("res.users", readonly=True)
    assessed_on = fields.Datetime(readonly=True)
    lead_time_effect_days = fields.Integer(
        string="Effect on lead time (days)",
        help="Extra days the non-standard work adds to the lead time.",
    )
    drawing_ids = fields.Many2many(
        "ir.attachment",
        "ow_technical_review_drawing_rel",
        "review_id",
        "attachment_id",
        string="Drawings",
    )
    customer_drawing_approved = fields.Boolean(readonly=True, tracking=True)
    drawing_approved_on = fields.Date(readonly=True)
    customer_reply_ids = fields.Many2many(
        "ir.attachment",
        "ow_technical_review_reply_rel",
        "review_id",
        "attachment_id",
        string="Customer's reply",
    )
    material_statement = fields.Text(
        readonly=True,
        help="Purchasing's written statement of raw-material availability, signed by "
        "the purchasing reviewer who wrote it (oral confirmation is void).",
    )
    material_confirmed_by = fields.Many2one("res.users", readonly=True)
    material_confirmed_on = fields.Datetime(readonly=True)
    not_feasible_reason = fields.Text(readonly=True)
    outcome = fields.Selection(
        [
            ("alternative", "Customer accepts an alternative"),
            ("insists", "Customer insists"),
            ("declined", "Customer declines"),
        ],
        readonly=True,
        tracking=True,
    )
    recipe_confirmation_ids = fields.Many2many(
        "ir.attachment",
        "ow_technical_review_recipe_rel",
        "review_id",
        "attachment_id",
        string="Customer's written confirmation of the process",
        help="Required when the customer insists on a process judged not feasible.",
    )
    risk_note = fields.Text(string="Risk accepted", readonly=True)
    ow_waiting_for_me = fields.Boolean(
        string="Waiting for me",
        compute="_compute_ow_waiting_for_me",
        search="_search_ow_waiting_for_me",
    )

    @api.depends("order_id.name", "round")
    def _compute_name(self):
        for review in self:
            review.name = _(
                "%(order)s / round %(round)s",
                order=review.order_id.name or "",
                round=review.round,
            )

    def _compute_ow_waiting_for_me(self):
        mine = self.search([("ow_waiting_for_me", "=", True), ("id", "in", self.ids)])
        for review in self:
            review.ow_waiting_for_me = review in mine

    def _search_ow_waiting_for_me(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on reviews waiting for me."))
        user = self.env.user
        alternatives = []
        if user.has_group(TECH):
            alternatives.append([("state", "=", "open"), ("assessment", "=", False)])
        if user.has_group(PURCHASE):
            alternatives.append(
                [("state", "=", "open"), ("material_confirmed_by", "=", False)]
            )
        if any(user.has_group(g) for g in QUALIFIER_GROUPS):
            alternatives.append([("state", "=", "not_feasible")])
        domain = [("id", "=", 0)]
        for alternative in alternatives:
            domain = ["|", *domain, "&", *alternative]
        return domain if (operator == "=") == value else ["!", *domain]

    # -- protection of the signed fields ---------------------------------------------
    def write(self, vals):
        if not is_internal(SIGNING) and set(vals) & set(SIGNED_FIELDS):
            raise AccessError(
                _(
                    "Assessments, approvals, signatures and outcomes of a technical "
                    "review are recorded through its buttons, as the person who "
                    "decides; they can't be written directly."
                )
            )
        return super().write(vals)

    def _sign(self, vals):
        with internal(SIGNING):
            return self.write(vals)

    def _check(self, groups, action, states=("open",)):
        self.order_id._ow_check_group(groups, action)
        wrong = self.filtered(lambda r: r.state not in states)
        if wrong:
            raise UserError(
                _(
                    "Can't %(action)s: %(reviews)s is %(state)s.",
                    action=action,
                    reviews=", ".join(wrong.mapped("name")),
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        wrong[0].state
                    ],
                )
            )

    def _log_on_order(self, body):
        for review in self:
            review.message_post(body=body, subtype_xmlid="mail.mt_note")
            review.order_id.message_post(
                body=_(
                    "Technical review %(review)s: %(body)s",
                    review=review.name,
                    body=body,
                ),
                subtype_xmlid="mail.mt_note",
            )

    # -- the three pieces ------------------------------------------------------------
    @workflow_action
    def action_assess(self, assessment, note):
        """Technical assessment: feasible, feasible with changes, or not feasible."""
        self._check([TECH], _("assess the technical feasibility"))
        if assessment not in dict(ASSESSMENTS):
            raise UserError(
                _(
                    "Unknown assessment %(value)s: use feasible, feasible_with_changes "
                    "or not_feasible.",
                    value=assessment,
                )
            )
        if not self._ow_text(note):
            raise UserError(_("Write the technical assessment."))
        self._sign(
            {
                "assessment": assessment,
                "assessment_note": note,
                "assessed_by_id": self.env.uid,
                "assessed_on": fields.Datetime.now(),
            }
        )
        self.activity_feedback(
            ["order_workflow.activity_technical_assessment"],
            feedback=note,
        )
        label = dict(self._fields["assessment"]._description_selection(self.env))[
            assessment
        ]
        self._log_on_order(
            _(
                "assessed %(assessment)s by %(user)s: %(note)s",
                assessment=label,
                user=self.env.user.name,
                note=note,
            )
        )
        return True

    @workflow_action
    def action_record_drawing_approval(self, approved_on):
        """The customer approved the drawing (order clerk or technical reviewer)."""
        self._check([CLERK, TECH], _("record the customer's drawing approval"))
        if not approved_on:
            raise UserError(_("Give the date the customer approved the drawing."))
        approved_on = self._ow_date(approved_on, _("Drawing approved on"))
        self._sign(
            {
                "customer_drawing_approved": True,
                "drawing_approved_on": fields.Date.to_date(approved_on),
            }
        )
        self._log_on_order(
            _(
                "customer approved the drawing on %(date)s (recorded by %(user)s).",
                date=fields.Date.to_string(fields.Date.to_date(approved_on)),
                user=self.env.user.name,
            )
        )
        return True

    @workflow_action
    def action_record_drawing_approval_today(self):
        return self.action_record_drawing_approval(fields.Date.context_today(self))

    @workflow_action
    def action_sign_material_statement(self, statement):
        """Purchasing's written material statement, signed by the caller."""
        self._check([PURCHASE], _("sign the material statement"))
        if not self._ow_text(statement):
            raise UserError(
                _("Write the material statement: oral confirmation is void.")
            )
        self._sign(
            {
                "material_statement": statement,
                "material_confirmed_by": self.env.uid,
                "material_confirmed_on": fields.Datetime.now(),
            }
        )
        self.activity_feedback(
            ["order_workflow.activity_material_statement"], feedback=statement
        )
        self._log_on_order(
            _(
                "material statement signed by %(user)s: %(statement)s",
                user=self.env.user.name,
                statement=statement,
            )
        )
        return True

    def _missing_for_feasible(self):
        self.ensure_one()
        missing = []
        if not self.assessment:
            missing.append(_("the technical assessment"))
        elif self.assessment == "not_feasible" and self.outcome != "insists":
            missing.append(_("a feasible assessment"))
        if not self.customer_drawing_approved:
            missing.append(_("the customer's approval of the drawing"))
        if not self.material_confirmed_by:
            missing.append(_("purchasing's signed material statement"))
        return missing

    @workflow_action
    def action_confirm_feasible(self):
        """Confirm the order can be made: needs all three pieces."""
        self._check([TECH], _("confirm feasibility"))
        for review in self:
            missing = review._missing_for_feasible()
            if missing:
                raise UserError(
                    _(
                        "%(review)s can't be confirmed feasible yet; missing: "
                        "%(missing)s.",
                        review=review.name,
                        missing=", ".join(missing),
                    )
                )
        self._sign({"state": "feasible"})
        self._log_on_order(
            _("confirmed feasible by %(user)s.", user=self.env.user.name)
        )
        self.order_id._ow_request_approval()
        return True

    # -- not feasible and its outcomes -------------------------------------------------
    @workflow_action
    def action_mark_not_feasible(self, reason):
        """Not feasible: the sales manager informs the customer and proposes
        alternatives."""
        self._check([TECH], _("mark the review not feasible"))
        if not self._ow_text(reason):
            raise UserError(_("Give the reason why it is not feasible."))
        vals = {"state": "not_feasible", "not_feasible_reason": reason}
        if not self.filtered("assessment"):
            vals.update(
                assessment="not_feasible",
                assessment_note=reason,
                assessed_by_id=self.env.uid,
                assessed_on=fields.Datetime.now(),
            )
        self._sign(vals)
        for review in self:
            review.order_id.activity_schedule(
                "order_workflow.activity_not_feasible",
                note=reason,
                user_id=review._responsible(QUALIFIER_GROUPS[0]).id,
            )
        self._log_on_order(
            _(
                "not feasible (%(user)s): %(reason)s",
                user=self.env.user.name,
                reason=reason,
            )
        )
        return True

    def _check_outcome(self, action):
        self._check(list(QUALIFIER_GROUPS), action, states=("not_feasible",))

    @workflow_action
    def action_customer_accepts_alternative(self, note):
        """The customer accepts an alternative: the order goes back to intake to change
        its lines; passing the review again opens a new round."""
        self._check_outcome(_("record the customer's answer"))
        if not self._ow_text(note):
            raise UserError(_("Describe the alternative the customer accepted."))
        self._sign({"outcome": "alternative", "state": "superseded", "risk_note": note})
        self.order_id.write({"review_state": "pending", "review_note": note})
        self.order_id.activity_feedback(["order_workflow.activity_not_feasible"])
        self._log_on_order(_("customer accepts an alternative: %(note)s", note=note))
        return True

    @workflow_action
    def action_customer_insists(self, note):
        """The customer insists on the process: with the customer's written confirmation
        attached, the review can be confirmed feasible, the risk recorded."""
        self._check_outcome(_("record the customer's answer"))
        if not self.filtered("recipe_confirmation_ids") == self:
            raise UserError(
                _(
                    "Attach the customer's written confirmation of the process recipe "
                    "first."
                )
            )
        if not self._ow_text(note):
            raise UserError(_("Describe the risk the customer accepts."))
        self._sign({"outcome": "insists", "state": "open", "risk_note": note})
        self.order_id.activity_feedback(["order_workflow.activity_not_feasible"])
        self._log_on_order(_("customer insists; risk accepted: %(note)s", note=note))
        return True

    @workflow_action
    def action_customer_declines(self, reason):
        """The customer declines: the order is rejected."""
        self._check_outcome(_("record the customer's answer"))
        if not self._ow_text(reason):
            raise UserError(_("Give the customer's reason."))
        self._sign({"outcome": "declined", "state": "declined", "risk_note": reason})
        self.order_id.write({"review_state": "rejected", "review_note": reason})
        self.order_id.activity_feedback(["order_workflow.activity_not_feasible"])
        self._log_on_order(_("customer declines: %(reason)s", reason=reason))
        return True

    # -- opening ---------------------------------------------------------------------
    def _responsible(self, group_xmlid):
        """Who gets the review's activities for a group: its first role holder."""
        holders = self._ow_role_holders(group_xmlid)
        return holders.sorted("id")[:1] or self.env.ref("base.user_admin")

    @api.model
    def _open_for(self, orders):
        """Open a review round for each order with non-standard lines."""
        reviews = self.browse()
        for order in orders:
            lines = order.order_line.filtered("is_nonstandard")
            if not lines:
                continue
            review = self.sudo().create(
                {
                    "order_id": order.id,
                    "round": len(order.technical_review_ids) + 1,
                    "line_ids": [fields.Command.set(lines.ids)],
                }
            )
            review.activity_schedule(
                "order_workflow.activity_technical_assessment",
                user_id=review._responsible(TECH).id,
            )
            review.activity_schedule(
                "order_workflow.activity_material_statement",
                user_id=review._responsible(PURCHASE).id,
            )
            reviews |= review
        return reviews.sudo(False)

    # -- UI entry points -------------------------------------------------------------
    def _wizard(self, method, title, extra=None):
        return self.env["order_workflow.reason.wizard"]._open(
            self, method, title, extra
        )

    def action_open_assess_feasible(self):
        return self._wizard("action_assess", _("Feasible"), ["feasible"])

    def action_open_assess_with_changes(self):
        return self._wizard(
            "action_assess", _("Feasible with changes"), ["feasible_with_changes"]
        )

    def action_open_not_feasible(self):
        return self._wizard("action_mark_not_feasible", _("Not feasible"))

    def action_open_material_statement(self):
        return self._wizard("action_sign_material_statement", _("Material statement"))

    def action_open_alternative(self):
        return self._wizard("action_customer_accepts_alternative", _("Alternative"))

    def action_open_insists(self):
        return self._wizard("action_customer_insists", _("Customer insists"))

    def action_open_declines(self):
        return self._wizard("action_customer_declines", _("Customer declines"))
