# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer's result in a satisfaction survey: the three module scores (0 to 100),
their weighted total and whether a module is below the campaign's target. Each module
below target gives its department one activity on the result, for corrective action:
overall -> the sales manager, service -> the service supervisor (the after-sales
team's leader), product quality -> the QC inspectors' leader."""

from odoo import _, api, fields, models

from .helpdesk_ticket_complaint import MANAGER, SERVICE
from .satisfaction_survey import MODULES

QC = "order_workflow.group_qc_inspector"


class SatisfactionResult(models.Model):
    _name = "order_workflow.satisfaction.result"
    _inherit = ["mail.thread", "mail.activity.mixin", "order_workflow.guarded"]
    _description = "Order workflow: a customer's satisfaction survey result"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    campaign_id = fields.Many2one(
        "order_workflow.satisfaction.survey",
        string="Survey",
        required=True,
        readonly=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", readonly=True, required=True, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, readonly=True, index=True
    )
    date = fields.Date(
        readonly=True, default=fields.Date.context_today, string="Answered on"
    )
    score_overall = fields.Float(string="Overall", readonly=True, digits=(5, 2))
    score_service = fields.Float(string="Service", readonly=True, digits=(5, 2))
    score_quality = fields.Float(string="Product quality", readonly=True, digits=(5, 2))
    total = fields.Float(readonly=True, digits=(5, 2), aggregator="avg")
    target_score = fields.Float(readonly=True, digits=(5, 2), aggregator="avg")
    below_target = fields.Boolean(readonly=True, index=True)
    source = fields.Selection(
        [("survey", "Survey answer"), ("manual", "Paper or phone")],
        required=True,
        readonly=True,
    )
    user_input_id = fields.Many2one(
        "survey.user_input", string="Survey answer", readonly=True, ondelete="set null"
    )

    _sql_constraints = [
        (
            "campaign_partner_unique",
            "unique(campaign_id, partner_id)",
            "A customer has one result per satisfaction survey.",
        )
    ]

    @api.model
    def _ow_record(self, values):
        """Create the results of ``values`` (dicts of campaign, partner, source,
        user_input and the three module scores) in one batch, and give each module
        below target one activity for its department."""
        if not values:
            return self.browse()
        results = (
            self.sudo()
            .with_context(
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                tracking_disable=True,
            )
            .create(
                [
                    {
                        "campaign_id": vals["campaign"].id,
                        "company_id": vals["campaign"].company_id.id,
                        "partner_id": vals["partner"].id,
                        "source": vals["source"],
                        "user_input_id": vals.get("user_input", self.browse()).id
                        or False,
                        "score_overall": vals["overall"],
                        "score_service": vals["service"],
                        "score_quality": vals["quality"],
                        "total": vals["campaign"]._ow_total(
                            vals["overall"], vals["service"], vals["quality"]
                        ),
                        "target_score": vals["campaign"].target_score,
                        "below_target": min(
                            vals["overall"], vals["service"], vals["quality"]
                        )
                        < vals["campaign"].target_score,
                    }
                    for vals in values
                ]
            )
        )
        results.filtered("below_target")._ow_schedule_corrective()
        return self.browse(results.ids)

    @api.model
    def _ow_from_answers(self, user_inputs):
        """Results of submitted answers to satisfaction campaigns: the module
        scores from the answer lines grouped in one query, whatever the number of
        answers (a customer who already has a result in the campaign keeps it)."""
        user_inputs = user_inputs.sudo().filtered("ow_campaign_id")
        if not user_inputs:
            return self.browse()
        user_inputs.fetch(["ow_campaign_id", "partner_id", "survey_id"])
        sums = (
            self.env["survey.user_input.line"]
            .sudo()
            ._read_group(
                [("user_input_id", "in", user_inputs.ids), ("skipped", "=", False)],
                ["user_input_id", "question_id"],
                ["answer_score:sum"],
            )
        )
        module_of, maxima = user_inputs.survey_id._ow_module_maxima()
        got = {}
        for user_input, question, score in sums:
            module = module_of.get(question.id)
            if module:
                key = (user_input.id, module)
                got[key] = got.get(key, 0.0) + (score or 0.0)
        campaigns = user_inputs.ow_campaign_id
        campaigns.fetch(["result_ids"])
        done = {
            (result.campaign_id.id, result.partner_id.id)
            for result in campaigns.result_ids
        }
        values = []
        for user_input in user_inputs:
            partner = user_input.partner_id.commercial_partner_id
            key = (user_input.ow_campaign_id.id, partner.id)
            if not partner or key in done:
                continue
            done.add(key)
            scores = {}
            for module, _label in MODULES:
                top = maxima.get((user_input.survey_id.id, module))
                value = got.get((user_input.id, module), 0.0)
                scores[module] = round(100.0 * value / top, 2) if top else 0.0
            values.append(
                {
                    "campaign": user_input.ow_campaign_id,
                    "partner": partner,
                    "source": "survey",
                    "user_input": user_input,
                    **scores,
                }
            )
        return self._ow_record(values)

    def _ow_low_modules(self):
        self.ensure_one()
        return [
            module
            for module in ("overall", "service", "quality")
            if self["score_" + module] < self.target_score
        ]

    def _ow_department_users(self, campaign):
        """The user who answers for each module in the campaign's company."""
        team = self.env.ref(
            "order_workflow.helpdesk_team_after_sales", raise_if_not_found=False
        )
        service = team.sudo().user_id if team else self.env["res.users"]
        if not service or not service.active:
            service = campaign._ow_role_holders(SERVICE)[:1]
        return {
            "overall": campaign._ow_role_holders(MANAGER)[:1],
            "service": service,
            "quality": campaign._ow_role_holders(QC)[:1],
        }

    def _ow_schedule_corrective(self):
        """One activity per module below target, for its department; created in one
        batch (assignees subscribed in one go per assignee)."""
        activity_type = self.env.ref("order_workflow.activity_satisfaction_low")
        labels = self.env["order_workflow.satisfaction.survey"]._ow_module_labels()
        users_of = {}
        values = []
        for result in self.sudo():
            campaign = result.campaign_id
            if campaign not in users_of:
                users_of[campaign] = self._ow_department_users(campaign)
            for module in result._ow_low_modules():
                user = users_of[campaign][module]
                if not user:
                    continue
                score = result["score_" + module]
                note = _(
                    "%(customer)s: %(module)s %(score)s points, below the target of "
                    "%(target)s. Find the cause and take corrective action.",
                    customer=result.partner_id.display_name,
                    module=labels[module],
                    score=score,
                    target=result.target_score,
                )
                values.append(
                    result._ow_activity_values(
                        activity_type,
                        user,
                        summary=_(
                            "Satisfaction below target: %(module)s",
                            module=labels[module],
                        ),
                        note=note,
                    )
                )
        return self._ow_create_activities(values)
