# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The periodic customer satisfaction survey (客户满意度调查), a campaign on Odoo CE
``survey``: three modules of 100 points each (overall, by sales; service, by the
service department; product quality, by QA), weighted into one total per the
company's template (按相应模板分值进行相应折算), against a target.

``action_send`` invites every customer with a delivered workflow order in the period
through the survey's own invitations (an answer per customer, its e-mail rendered by
the outbox after the click). A submitted answer, or a paper or phone answer recorded
with ``action_record_scores``, gives the customer's result
(satisfaction_result.py)."""

from datetime import datetime, time, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .guard import Rule, workflow_action
from .helpdesk_ticket_complaint import MANAGER, SERVICE

MODULES = [
    ("overall", "Overall"),
    ("service", "Service"),
    ("quality", "Product quality"),
]
TEMPLATE = "order_workflow.survey_customer_satisfaction"
# who runs a campaign and records paper or phone answers
RUNNERS = [MANAGER, SERVICE]


class SatisfactionSurvey(models.Model):
    _name = "order_workflow.satisfaction.survey"
    _inherit = ["mail.thread", "order_workflow.guarded"]
    _description = "Order workflow: customer satisfaction survey (campaign)"
    _order = "date_from desc, id desc"

    # what the results are weighed with is fixed once the customers are invited
    _ow_guarded_fields = {
        name: Rule(scope="_ow_sent_scope", on_create=False)
        for name in (
            "date_from",
            "date_to",
            "weight_overall",
            "weight_service",
            "weight_quality",
            "target_score",
            "survey_id",
            "company_id",
        )
    }

    name = fields.Char(required=True, default=lambda self: self._default_name())
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(
        string="Delivered from",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="Delivered to",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=12, day=31),
    )
    answer_days = fields.Integer(
        string="Days to answer",
        default=30,
        help="The invitation's answer deadline, counted from the sending.",
    )
    weight_overall = fields.Float(default=1 / 3, digits=(3, 4))
    weight_service = fields.Float(default=1 / 3, digits=(3, 4))
    weight_quality = fields.Float(
        string="Weight product quality", default=1 / 3, digits=(3, 4)
    )
    target_score = fields.Float(default=80.0, digits=(5, 2))
    survey_id = fields.Many2one(
        "survey.survey",
        string="Survey",
        required=True,
        default=lambda self: self.env.ref(TEMPLATE, raise_if_not_found=False),
        domain=[("ow_is_satisfaction", "=", True)],
    )
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    sent_on = fields.Datetime(readonly=True, copy=False)
    partner_ids = fields.Many2many(
        "res.partner",
        "order_workflow_satisfaction_survey_partner_rel",
        "survey_id",
        "partner_id",
        string="Invited customers",
        readonly=True,
        copy=False,
    )
    result_ids = fields.One2many(
        "order_workflow.satisfaction.result", "campaign_id", string="Results"
    )
    invited_count = fields.Integer(compute="_compute_counts")
    result_count = fields.Integer(compute="_compute_counts")
    below_target_count = fields.Integer(compute="_compute_counts")
    average_total = fields.Float(compute="_compute_counts", digits=(5, 2))

    def _ow_sent_scope(self, vals, creating):
        return self.filtered(lambda c: c.state != "draft")

    @api.model
    def _default_name(self):
        return _(
            "Customer satisfaction %(year)s",
            year=fields.Date.context_today(self).year,
        )

    @api.depends("partner_ids", "result_ids.total", "result_ids.below_target")
    def _compute_counts(self):
        for campaign in self:
            results = campaign.result_ids
            campaign.invited_count = len(campaign.partner_ids)
            campaign.result_count = len(results)
            campaign.below_target_count = len(results.filtered("below_target"))
            campaign.average_total = (
                sum(results.mapped("total")) / len(results) if results else 0.0
            )

    @api.constrains("weight_overall", "weight_service", "weight_quality")
    def _check_weights(self):
        for campaign in self:
            weights = (
                campaign.weight_overall,
                campaign.weight_service,
                campaign.weight_quality,
            )
            if any(w < 0 for w in weights) or abs(sum(weights) - 1) > 0.001:
                raise ValidationError(
                    _(
                        "%(campaign)s: the weights of overall, service and product "
                        "quality must be 0 or more and sum to 1 (now %(sum)s).",
                        campaign=campaign.name,
                        sum=round(sum(weights), 4),
                    )
                )

    @api.constrains("target_score", "date_from", "date_to", "answer_days")
    def _check_target_and_period(self):
        for campaign in self:
            if not 0 <= campaign.target_score <= 100:
                raise ValidationError(
                    _("The target score is between 0 and 100 points.")
                )
            if campaign.date_from > campaign.date_to:
                raise ValidationError(
                    _(
                        "%(campaign)s: the period ends before it starts.",
                        campaign=campaign.name,
                    )
                )
            if campaign.answer_days < 1:
                raise ValidationError(_("Give the customers at least a day to answer."))

    # -- sending -------------------------------------------------------------------
    def _ow_customers(self):
        """Customers (commercial partners) with a workflow order delivered in the
        period: one grouped query, whatever the number of orders."""
        self.ensure_one()
        start = datetime.combine(self.date_from, time.min)
        end = datetime.combine(self.date_to + timedelta(days=1), time.min)
        groups = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [
                    ("use_order_workflow", "=", True),
                    ("company_id", "=", self.company_id.id),
                    ("ow_delivery_state", "=", "delivered"),
                    ("delivered_on", ">=", start),
                    ("delivered_on", "<", end),
                ],
                ["partner_id"],
            )
        )
        partners = self.env["res.partner"].browse([partner.id for (partner,) in groups])
        return partners.commercial_partner_id

    @workflow_action
    def action_send(self):
        """Invite every customer with a delivered workflow order in the period to
        the survey: an answer each (with its access token and deadline), the
        invitations e-mailed by the outbox after the click."""
        self.ensure_one()
        self.env["sale.order"]._ow_check_group(RUNNERS, _("send a satisfaction survey"))
        if self.state != "draft":
            raise UserError(_("%(campaign)s is already sent.", campaign=self.name))
        customers = self._ow_customers()
        if not customers:
            raise UserError(
                _(
                    "No customer has a workflow order delivered between %(start)s and "
                    "%(end)s: nobody to invite.",
                    start=self.date_from,
                    end=self.date_to,
                )
            )
        survey = self.survey_id.sudo()
        deadline = fields.Datetime.now() + timedelta(days=self.answer_days)
        for partner in customers:
            survey._create_answer(
                partner=partner,
                check_attempts=False,
                deadline=deadline,
                ow_campaign_id=self.id,
            )
        self.write(
            {
                "state": "sent",
                "sent_on": fields.Datetime.now(),
                "partner_ids": [fields.Command.set(customers.ids)],
            }
        )
        self.env["order_workflow.outbox"]._queue(
            self, _("Satisfaction survey invitations"), method="_ow_send_invitations"
        )
        return True

    def _ow_send_invitations(self):
        """The outbox sends the invitations: the survey's own invitation e-mail, one
        per answer not started yet, queued in Odoo's mail queue."""
        self.ensure_one()
        answers = (
            self.env["survey.user_input"]
            .sudo()
            .search([("ow_campaign_id", "=", self.id), ("state", "=", "new")])
        )
        if not answers:
            return True
        template = self.env.ref(
            "survey.mail_template_user_input_invite", raise_if_not_found=False
        )
        invite = (
            self.env["survey.invite"]
            .sudo()
            .with_context(default_email_layout_xmlid="mail.mail_notification_light")
            .create(
                {
                    "survey_id": self.survey_id.id,
                    "partner_ids": [fields.Command.set(answers.partner_id.ids)],
                    "template_id": template.id if template else False,
                    "deadline": max(answers.mapped("deadline"), default=False),
                }
            )
        )
        for answer in answers:
            invite._send_mail(answer)
        return True

    @workflow_action
    def action_close(self):
        self.env["sale.order"]._ow_check_group(
            RUNNERS, _("close a satisfaction survey")
        )
        unsent = self.filtered(lambda c: c.state != "sent")
        if unsent:
            raise UserError(
                _(
                    "Only a sent satisfaction survey can be closed: %(campaigns)s.",
                    campaigns=", ".join(unsent.mapped("name")),
                )
            )
        self.write({"state": "closed"})
        return True

    # -- results -------------------------------------------------------------------
    @workflow_action
    def action_record_scores(self, partner_id, overall, service, quality):
        """A paper or phone answer: the customer's three module scores (0 to 100),
        weighted into the total as a submitted survey is. Returns the result's id."""
        self.ensure_one()
        self.env["sale.order"]._ow_check_group(
            RUNNERS, _("record a satisfaction survey's scores")
        )
        if self.state == "closed":
            raise UserError(_("%(campaign)s is closed.", campaign=self.name))
        partner = (
            self.env["res.partner"]
            .browse(partner_id if isinstance(partner_id, int) else 0)
            .exists()
        )
        if not partner or isinstance(partner_id, bool):
            raise UserError(
                _("Choose the customer: %(value)s is not one.", value=repr(partner_id))
            )
        labels = self._ow_module_labels()
        scores = {}
        for (module, _label), value in zip(
            MODULES, (overall, service, quality), strict=True
        ):
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not (0 <= value <= 100)
            ):
                raise UserError(
                    _(
                        "%(module)s: the score is from 0 to 100 points, not %(value)s.",
                        module=labels[module],
                        value=repr(value),
                    )
                )
            scores[module] = float(value)
        partner = partner.commercial_partner_id
        if self.result_ids.filtered(lambda r: r.partner_id == partner):
            raise UserError(
                _(
                    "%(customer)s already has a result in %(campaign)s.",
                    customer=partner.display_name,
                    campaign=self.name,
                )
            )
        result = self.env["order_workflow.satisfaction.result"]._ow_record(
            [{"campaign": self, "partner": partner, "source": "manual", **scores}]
        )
        return result.id

    def _ow_module_labels(self):
        return {
            "overall": _("Overall"),
            "service": _("Service"),
            "quality": _("Product quality"),
        }

    def _ow_total(self, overall, service, quality):
        """The weighted total of the three module scores (0 to 100)."""
        self.ensure_one()
        weights = self.weight_overall + self.weight_service + self.weight_quality
        weighted = (
            self.weight_overall * overall
            + self.weight_service * service
            + self.weight_quality * quality
        )
        # the weights sum to 1 within the rounding of 1/3 (0.3333 each)
        return round(weighted / weights, 2) if weights else 0.0

    def action_view_results(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "order_workflow.action_satisfaction_result"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action
