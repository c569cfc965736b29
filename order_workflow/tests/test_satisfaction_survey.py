# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The periodic satisfaction survey (issue 19): three modules of 100 points on CE
``survey``, weighted into a total; a module below target gives its department one
activity; the invitations go out through the survey's own invitations, rendered
after the click."""

from contextlib import ExitStack, contextmanager
from datetime import date, timedelta
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .satisfaction_common import MANAGER, QC, SatisfactionCase

# overall 28 + 35 + 18 = 81, service 28 + 28 + 24 = 80, quality 50 + 30 = 80
RANKS = {
    "overall_price": 4,
    "overall_delivery": 5,
    "overall_use": 3,
    "service_response": 4,
    "service_efficiency": 4,
    "service_effectiveness": 4,
    "quality_quality": 5,
    "quality_safety": 3,
}


@tagged("post_install", "-at_install")
class TestSatisfactionSurvey(SatisfactionCase):
    def test_template_has_three_modules_of_100_points(self):
        module_of, maxima = self.template._ow_module_maxima()
        self.assertEqual(
            maxima,
            {
                (self.template.id, "overall"): 100,
                (self.template.id, "service"): 100,
                (self.template.id, "quality"): 100,
            },
        )
        self.assertEqual(len(module_of), 8)
        campaign = self._campaign()
        self.assertAlmostEqual(campaign.weight_overall, 1 / 3, places=4)
        self.assertEqual(campaign.target_score, 80)
        self.assertEqual(campaign.survey_id, self.template)

    def test_weights_give_the_total(self):
        campaign = self._campaign(
            weight_overall=0.5, weight_service=0.25, weight_quality=0.25
        )
        result_id = campaign.with_user(self.service).action_record_scores(
            self.good_customer.id, 80, 60, 100
        )
        self.assertIsInstance(result_id, int)
        result = self.Result.browse(result_id)
        self.assertEqual(result.total, 80)
        self.assertEqual(result.source, "manual")
        self.assertEqual(result.campaign_id, campaign)
        self.assertTrue(result.below_target, "service is below 80")
        self.assertEqual(campaign.result_ids, result)
        with self.assertRaisesRegex(UserError, "already has a result"):
            campaign.with_user(self.service).action_record_scores(
                self.good_customer.id, 90, 90, 90
            )

    def test_below_target_one_activity_per_low_module(self):
        campaign = self._campaign()
        result = self.Result.browse(
            campaign.with_user(self.manager).action_record_scores(
                self.good_customer.id, 85, 60, 100
            )
        )
        activity = self._low_activities(result)
        self.assertEqual(len(activity), 1, "service only")
        self.assertEqual(activity.user_id, self.service, "the after-sales leader")
        self.assertIn("Service", activity.summary)
        other = self.env["res.partner"].create({"name": "Low everywhere"})
        result = self.Result.browse(
            campaign.with_user(self.manager).action_record_scores(other.id, 50, 60, 70)
        )
        activities = self._low_activities(result)
        self.assertEqual(len(activities), 3)
        users = activities.user_id
        self.assertEqual(len(users), 3, "one per department")
        self.assertTrue(any(u.has_group(MANAGER) for u in users))
        self.assertIn(self.service, users)
        self.assertTrue(any(u.has_group(QC) for u in users - self.service))
        third = self.env["res.partner"].create({"name": "Happy"})
        result = self.Result.browse(
            campaign.with_user(self.manager).action_record_scores(third.id, 80, 95, 100)
        )
        self.assertFalse(result.below_target, "the target itself is reached")
        self.assertFalse(self._low_activities(result))

    def test_bad_weights_and_scores_refused(self):
        for weights in ((0.5, 0.5, 0.5), (0.2, 0.2, 0.2), (1.2, -0.1, -0.1)):
            with self.assertRaisesRegex(ValidationError, "sum to 1"):
                self._campaign(
                    weight_overall=weights[0],
                    weight_service=weights[1],
                    weight_quality=weights[2],
                )
        campaign = self._campaign()
        with self.assertRaisesRegex(ValidationError, "sum to 1"):
            campaign.weight_overall = 0.5
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            campaign.target_score = 120
        for scores in ((-1, 50, 50), (50, 101, 50), (50, 50, "80"), (True, 50, 50)):
            with self.assertRaisesRegex(UserError, "0 to 100"):
                campaign.with_user(self.service).action_record_scores(
                    self.good_customer.id, *scores
                )
        for partner in (0, False, 10**8, "x"):
            with self.assertRaisesRegex(UserError, "Choose the customer"):
                campaign.with_user(self.service).action_record_scores(
                    partner, 80, 80, 80
                )
        for user in (self.clerk, self.qc, self.shipper):
            with self.assertRaises(AccessError):
                campaign.with_user(user).action_record_scores(
                    self.good_customer.id, 80, 80, 80
                )
        self.assertFalse(campaign.result_ids)
        with self.assertRaises(AccessError):
            self.Result.with_user(self.manager).create(
                {
                    "campaign_id": campaign.id,
                    "partner_id": self.good_customer.id,
                    "source": "manual",
                    "total": 100,
                }
            )

    @contextmanager
    def _renderers_down(self):
        def down(*args, **kwargs):
            raise RuntimeError("renderer down")

        with ExitStack() as stack:
            for model in ("survey.invite", "mail.template", "mail.composer.mixin"):
                cls = type(self.env[model])
                stack.enter_context(patch.object(cls, "_render_field", down))
            stack.enter_context(
                patch.object(type(self.env["ir.qweb"]), "_render", down)
            )
            yield

    def test_send_invites_delivered_customers_through_the_survey(self):
        self._send_queued()  # what the demo data left queued
        delivered = self._delivered()
        self._ready_order(customer=self.customer_c)  # not delivered: not invited
        campaign = self._campaign(
            date_from=date.today() - timedelta(days=1), date_to=date.today()
        )
        for user in (self.clerk, self.qc):
            with self.assertRaises(AccessError):
                campaign.with_user(user).action_send()
        mails = self.env["mail.mail"].sudo().search([])
        with self._renderers_down():
            self.assertIs(campaign.with_user(self.manager).action_send(), True)
        self.assertEqual(campaign.state, "sent")
        # (the demo data delivered orders today too)
        self.assertIn(delivered.partner_id.commercial_partner_id, campaign.partner_ids)
        self.assertNotIn(self.customer_c, campaign.partner_ids)
        answers = self.env["survey.user_input"].search(
            [("ow_campaign_id", "=", campaign.id)]
        )
        self.assertEqual(answers.partner_id, campaign.partner_ids)
        answer = answers.filtered(lambda a: a.partner_id == self.good_customer)
        self.assertEqual(answer.partner_id, self.good_customer)
        self.assertEqual(answer.survey_id, self.template)
        self.assertTrue(answer.deadline)
        self.assertEqual(
            self.env["mail.mail"].sudo().search([]), mails, "no e-mail yet"
        )
        self._send_queued()
        mails = (self.env["mail.mail"].sudo().search([]) - mails).filtered(
            lambda m: self.template.title in (m.subject or "")
        )
        self.assertEqual(len(mails), len(answers), "one invitation per customer")
        mail = mails.filtered(lambda m: m.recipient_ids == self.good_customer)
        self.assertIn(answer.access_token, mail.body_html)
        with self.assertRaisesRegex(UserError, "already sent"):
            campaign.with_user(self.manager).action_send()
        with self.assertRaises(AccessError):
            campaign.with_user(self.manager).write(
                {"weight_overall": 1, "weight_service": 0, "weight_quality": 0}
            )
        # closed: no more answers recorded
        with self.assertRaises(AccessError):
            campaign.with_user(self.clerk).action_close()
        self.assertIs(campaign.with_user(self.service).action_close(), True)
        with self.assertRaisesRegex(UserError, "is closed"):
            campaign.with_user(self.service).action_record_scores(
                self.good_customer.id, 80, 80, 80
            )
        # a period without a delivery: nobody to invite
        empty = self._campaign(date_from="2020-01-01", date_to="2020-12-31")
        with self.assertRaisesRegex(UserError, "nobody to invite"):
            empty.with_user(self.manager).action_send()
        with self.assertRaisesRegex(UserError, "Only a sent"):
            empty.with_user(self.manager).action_close()

    def test_survey_answer_gives_the_same_result_as_recorded_scores(self):
        self._delivered()
        weights = {"weight_overall": 0.5, "weight_service": 0.3, "weight_quality": 0.2}
        campaign = self._campaign(
            date_from=date.today(), date_to=date.today(), **weights
        )
        campaign.with_user(self.manager).action_send()
        answer = self.env["survey.user_input"].search(
            [
                ("ow_campaign_id", "=", campaign.id),
                ("partner_id", "=", self.good_customer.id),
            ]
        )
        self._answer(answer, RANKS)
        self.assertEqual(answer.state, "done")
        result = campaign.result_ids
        self.assertEqual(len(result), 1, "only the submitted answer")
        self.assertEqual(result.source, "survey")
        self.assertEqual(result.user_input_id, answer)
        self.assertEqual(result.partner_id, self.good_customer)
        self.assertEqual(
            (result.score_overall, result.score_service, result.score_quality),
            (81, 80, 80),
        )
        phone = self._campaign(**weights)
        manual = self.Result.browse(
            phone.with_user(self.service).action_record_scores(
                self.good_customer.id, 81, 80, 80
            )
        )
        self.assertEqual(result.total, manual.total)
        self.assertEqual(result.total, 80.5)
        self.assertEqual(result.below_target, manual.below_target)
        self.assertFalse(self._low_activities(result | manual))
        # the customer's history on the contact
        customer = self.good_customer.with_user(self.clerk)
        self.assertEqual(customer.satisfaction_result_count, 2)
        action = self.good_customer.action_view_satisfaction()
        self.assertEqual(self.Result.search(action["domain"]), result | manual)
