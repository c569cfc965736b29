# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo: this year's customer satisfaction survey, sent by the sales manager, answered
by a customer through the survey and by another on the phone (below target in
service: an activity for the service supervisor)."""

from odoo import api, models


class SatisfactionSurvey(models.Model):
    _inherit = "order_workflow.satisfaction.survey"

    @api.model
    def _ow_demo_satisfaction(self, users):
        ref = self.env.ref
        campaign = self.with_user(users["manager"]).create(
            {"weight_overall": 0.4, "weight_service": 0.3, "weight_quality": 0.3}
        )
        campaign.action_send()
        # customer A answers the survey: "Satisfied" to everything but the price
        answer = campaign.sudo().survey_id.user_input_ids.filtered(
            lambda a: a.ow_campaign_id == campaign
        )[:1]
        for question in answer.survey_id.question_ids.filtered(
            lambda q: q.question_type == "simple_choice"
        ):
            choice = question.suggested_answer_ids.sorted("sequence")[
                2
                if question == ref("order_workflow.survey_satisfaction_q_overall_price")
                else 3
            ]
            answer._save_lines(question, choice.id)
        answer._mark_done()
        # customer B answers on the phone
        campaign.with_user(users["service"]).action_record_scores(
            ref("order_workflow.demo_customer_b").id, 85, 70, 90
        )
        return campaign
