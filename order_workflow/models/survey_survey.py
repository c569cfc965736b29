# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo CE ``survey`` as the satisfaction survey's questionnaire: a section says
which module (overall, service, product quality) its scored questions count for, an
answer says which campaign invited it, and a submitted answer gives the customer's
result (satisfaction_survey.py)."""

from odoo import fields, models

from .satisfaction_survey import MODULES


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    ow_is_satisfaction = fields.Boolean(
        string="Customer satisfaction survey",
        help="Its sections are the modules of the order workflow's customer "
        "satisfaction survey.",
    )

    def _ow_module_maxima(self):
        """({question id: module}, {(survey id, module): the most points}) of the
        scored questions of these surveys, read in a fixed number of queries."""
        questions = self.sudo().question_ids.filtered(lambda q: not q.is_page)
        questions.fetch(["page_id", "suggested_answer_ids", "survey_id"])
        questions.page_id.fetch(["ow_satisfaction_module"])
        questions.suggested_answer_ids.fetch(["answer_score"])
        module_of = {}
        maxima = {}
        for question in questions:
            module = question.page_id.ow_satisfaction_module
            if not module:
                continue
            module_of[question.id] = module
            scores = question.suggested_answer_ids.mapped("answer_score")
            key = (question.survey_id.id, module)
            maxima[key] = maxima.get(key, 0.0) + max(scores, default=0.0)
        return module_of, maxima


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    ow_satisfaction_module = fields.Selection(
        MODULES,
        string="Satisfaction module",
        help="On a section of a customer satisfaction survey: the module its "
        "questions' points count for (100 points a module).",
    )


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    ow_campaign_id = fields.Many2one(
        "order_workflow.satisfaction.survey",
        string="Satisfaction survey",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
    )

    def _mark_done(self):
        res = super()._mark_done()
        self.env["order_workflow.satisfaction.result"]._ow_from_answers(
            self.filtered(lambda a: a.ow_campaign_id and not a.test_entry)
        )
        return res
