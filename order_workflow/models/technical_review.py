# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Technical review (技术评审): technical and purchasing sign-off."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import workflow_action
from .res_partner import QUALIFIER_GROUPS

TECH = "order_workflow.group_technical_reviewer"
PURCHASE = "order_workflow.group_purchase_reviewer"
CLERK = "order_workflow.group_order_clerk"
ASSESSMENTS = [
    ("feasible", "Feasible"),
    ("feasible_with_changes", "Feasible with changes"),
    ("not_feasible", "Not feasible"),
]


class OrderWorkflowTechnicalReview(models.Model):
    _name = "order_workflow.technical.review"
    _description = "Technical Review"
    # assessments, signatures, outcomes, the order and round (readonly fields) are
    # written by the review's actions only, as the person who decides (the guard)
    _inherit = ["mail.thread", "mail.activity.mixin", "order_workflow.guarded"]
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

    def _ow_stage_orders(self):
        return self.order_id

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
        self.write(
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
        self.write(
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
        self.write(
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
        self.write({"state": "feasible"})
        self._log_on_order(
            _("confirmed feasible by %(user)s.", user=self.env.user.name)
        )
        for review in self:
            review.order_id._ow_apply_technical_lead_days(review.lead_time_effect_days)
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

    def action_open_material_statement(self):
        return self._wizard("action_sign_material_statement", _("Material statement"))
