# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Computing the results of submitted satisfaction surveys issues no query per
answer (issue 19): the answer lines are summed in one grouped query, results and
activities are created in one batch (which Odoo's create inserts 100 rows a
query)."""

from odoo.models import INSERT_BATCH_SIZE
from odoo.tests import tagged

from .satisfaction_common import SatisfactionCase


@tagged("post_install", "-at_install")
class TestSatisfactionQueries(SatisfactionCase):
    def _answers(self, campaign, count, rank):
        """``count`` submitted answers of new customers, each choice of ``rank``,
        written as survey's own answer records."""
        partners = self.env["res.partner"].create(
            [{"name": f"Customer {campaign.id}-{i}"} for i in range(count)]
        )
        inputs = self.env["survey.user_input"].create(
            [
                {
                    "survey_id": self.template.id,
                    "partner_id": partner.id,
                    "ow_campaign_id": campaign.id,
                    "state": "done",
                }
                for partner in partners
            ]
        )
        questions = self.template.question_ids.filtered(
            lambda q: q.question_type == "simple_choice"
        )
        self.env["survey.user_input.line"].create(
            [
                {
                    "user_input_id": user_input.id,
                    "question_id": question.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": question.suggested_answer_ids.sorted(
                        "sequence"
                    )[rank - 1].id,
                }
                for user_input in inputs
                for question in questions
            ]
        )
        return inputs

    def _cost(self, count, rank):
        campaign = self._campaign()
        inputs = self._answers(campaign, count, rank)
        queries = self._queries(lambda: self.Result._ow_from_answers(inputs))
        self.assertEqual(len(campaign.result_ids), count)
        return campaign, queries

    def test_results_of_1000_answers_cost_what_one_costs(self):
        self._cost(1, 5)  # caches warmed up (groups, xml ids)
        campaign, one = self._cost(1, 5)
        self.assertEqual(campaign.result_ids.total, 100)
        campaign, hundred = self._cost(INSERT_BATCH_SIZE, 5)
        self.assertEqual(hundred, one)
        campaign, many = self._cost(1000, 5)
        self.assertEqual(set(campaign.result_ids.mapped("total")), {100})
        # nothing per answer: only Odoo's create inserts 100 rows a query
        self.assertLessEqual(many, one + 1000 // INSERT_BATCH_SIZE - 1)

    def test_below_target_activities_cost_what_one_costs(self):
        self._cost(1, 2)  # caches warmed up (groups, xml ids)
        campaign, one = self._cost(1, 2)
        self.assertEqual(len(self._low_activities(campaign.result_ids)), 3)
        # 33 results, 99 activities: one insert batch each
        campaign, many = self._cost(33, 2)
        self.assertEqual(len(self._low_activities(campaign.result_ids)), 99)
        self.assertEqual(many, one)
