# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Monthly Order Review (issue 21): a month with known orders gives the expected
figures and the late orders with their causes; generating again gives the same review;
its cost does not grow with the orders; only the sales managers, directors and the
general manager generate it; the monthly cron generates last month's review of each
company and asks the sales directors to hold the meeting."""

from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .monthly_review_common import MONTH, MonthlyReviewCase, at


@tagged("post_install", "-at_install")
class TestMonthlyReview(MonthlyReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.late, cls.early, cls.july, cls.may = cls._setup_month()

    def _generate(self, month=MONTH, user=None):
        review = self.Review.with_user(user or self.manager).create({"month": month})
        self.assertIs(review.action_generate(), True)
        return review

    def test_month_with_known_orders(self):
        review = self._generate()
        self.assertEqual(review.state, "generated")
        self.assertEqual(review.name, "2025-06")
        # order month: the late, the early and the July-delivered order
        self.assertEqual(review.order_count, 3)
        self.assertEqual(review.reviewed_count, 2)
        self.assertEqual(review.first_pass_count, 1)
        self.assertAlmostEqual(review.first_pass_rate, 50.0)
        # received → left Approval: 10 h and 38 h
        self.assertAlmostEqual(review.approval_hours, (10 + 38) / 2)
        self.assertEqual(review.change_request_count, 1, "the draft is not counted")
        # delivery month: the late, the early, and May's order delivered in June
        self.assertEqual(review.delivered_count, 3)
        self.assertEqual(review.on_time_count, 2)
        self.assertAlmostEqual(review.on_time_rate, 200 / 3)
        self.assertEqual(review.late_count, 1)
        # the late list with its causes
        line = review.late_line_ids
        self.assertEqual(line.order_id, self.late)
        self.assertEqual(line.promised_date, date(2025, 6, 10))
        self.assertEqual(line.finished_on, at(12))
        self.assertEqual(line.delivered_on, at(14))
        self.assertEqual(line.days_late, 2)
        self.assertEqual((line.anomaly_count, line.anomaly_days), (1, 3))
        self.assertEqual(line.change_request_count, 1)
        self.assertEqual(line.material_risk_days, 1)
        self.assertAlmostEqual(line.deposit_hours, 48)
        self.assertAlmostEqual(line.payment_hours, 18)
        for text in (
            "Production anomalies: 1 (3 days)",
            "Change requests: 1",
            "Materials late: 1 days",
            "Waited for the deposit: 48.0 h",
            "Waited for the payment: 18.0 h",
        ):
            self.assertIn(text, line.causes)
        # hours per stage, by the month the stage was left
        stages = {
            s.stage: (round(s.mean_hours, 2), s.count) for s in review.stage_line_ids
        }
        self.assertEqual(stages["approval"], (round(29 / 3, 1), 3))
        self.assertEqual(stages["deposit"], (32.0, 3))
        self.assertEqual(stages["payment_hold"], (18.0, 1))
        self.assertNotIn("production", stages, "left in July")
        # complaints of the month and their first response
        complaints = {
            c.category: (c.count, c.response_kept_count)
            for c in review.complaint_line_ids
        }
        self.assertEqual(complaints, {"quality": (2, 1), "delivery": (1, 0)})
        self.assertEqual(review.complaint_count, 3)
        self.assertAlmostEqual(review.response_kept_rate, 100 / 3)
        # satisfaction recorded in the month
        self.assertAlmostEqual(review.satisfaction_mean, 90.0)
        self.assertEqual(review.satisfaction_result_count, 2)
        self.assertAlmostEqual(review.followup_mean, 4.0)
        self.assertEqual(review.followup_count, 2)

    def test_generating_again_gives_the_same_review(self):
        review = self._generate()
        figures = review.read(["on_time_rate", "order_count", "complaint_count"])
        lines = len(review.stage_line_ids), len(review.late_line_ids)
        self.early.sudo().write({"on_time": False})
        self.assertIs(review.with_user(self.director).action_generate(), True)
        self.assertEqual(review.late_count, 2, "generated from today's data")
        self.early.sudo().write({"on_time": True})
        review.action_generate()
        self.assertEqual(
            review.read(["on_time_rate", "order_count", "complaint_count"]), figures
        )
        self.assertEqual((len(review.stage_line_ids), len(review.late_line_ids)), lines)
        self.assertEqual(len(review.complaint_line_ids), 2)

    def test_other_months_and_companies_do_not_count(self):
        review = self._generate(month=date(2025, 7, 19))
        self.assertEqual(review.month, date(2025, 7, 1), "the month's first day")
        self.assertEqual(review.delivered_count, 1)
        self.assertEqual(review.late_line_ids.order_id, self.july)
        self.assertEqual(review.order_count, 0)
        other = self.env["res.company"].create({"name": "Other review company"})
        review = self.Review.create({"month": MONTH, "company_id": other.id})
        review.action_generate()
        self.assertEqual((review.order_count, review.delivered_count), (0, 0))
        self.assertFalse(review.stage_line_ids)
        self.assertFalse(review.late_line_ids)
        self.assertFalse(review.complaint_line_ids)
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.Review.create({"month": date(2025, 6, 30), "company_id": other.id})

    def test_only_managers_generate(self):
        review = self.Review.with_user(self.manager).create({"month": MONTH})
        for group in ("group_order_clerk", "group_qc_inspector"):
            with self.assertRaisesRegex(AccessError, "Only"):
                review.with_user(self.users[group]).action_generate()
        self.assertEqual(review.state, "draft")
        # the figures are the workflow's: no write by hand, not even by a manager
        for values in ({"on_time_rate": 100.0}, {"state": "generated"}):
            with self.assertRaisesRegex(AccessError, "workflow's actions"):
                review.with_user(self.manager).write(values)
        with self.assertRaises(AccessError):
            self.env["order_workflow.monthly.review.late"].with_user(
                self.manager
            ).create({"review_id": review.id, "order_id": self.late.id})
        # the clerk reads it; the month of a generated review is fixed
        review.with_user(self.director).action_generate()
        self.assertEqual(review.with_user(self.clerk).on_time_count, 2)
        with self.assertRaises(UserError):
            review.with_user(self.manager).month = date(2025, 5, 1)
        review.with_user(self.manager).note = "<p>Agreed: check the press weekly</p>"

    def test_form(self):
        with Form(self.Review.with_user(self.manager)) as form:
            form.month = date(2025, 6, 17)
        review = form.record
        self.assertEqual((review.month, review.name), (MONTH, "2025-06"))
        review.action_generate()
        # the clerk opens it read-only, with its lines
        form = Form(review.with_user(self.clerk))
        self.assertEqual(form.on_time_count, 2)
        self.assertEqual(len(form.late_line_ids), 1)

    def test_cost_does_not_grow_with_the_orders(self):
        def queries():
            review = self.Review.search([("month", "=", MONTH)])
            review = review or self.Review.create({"month": MONTH})
            return self._queries(review.with_user(self.manager).action_generate)

        def add_late_orders(days):
            for day in days:
                order = self._known_order(
                    at(day), date(2025, 6, 9), at(day + 10), at(day + 11), False
                )
                self._log(order, "deposit", at(day), at(day + 1))

        queries()  # warm up
        add_late_orders([5])
        few = queries()
        add_late_orders([6, 7, 8, 9])
        self.assertEqual(queries(), few)
        review = self.Review.search([("month", "=", MONTH)])
        self.assertEqual(review.late_count, 6)

    @freeze_time("2025-07-01 01:00:00")
    def test_cron_generates_last_month_and_asks_the_directors(self):
        other = self.env["res.company"].create({"name": "Cron review company"})
        self.env["order_workflow.monthly.review"]._cron_generate_last_month()
        reviews = self.Review.search([("month", "=", MONTH)])
        self.assertEqual(
            reviews.company_id, self.env["res.company"].search([]), "one per company"
        )
        self.assertEqual(set(reviews.mapped("state")), {"generated"})
        review = reviews.filtered(lambda r: r.company_id == self.env.company)
        self.assertEqual(review.late_line_ids.order_id, self.late)
        activity_type = self.env.ref("order_workflow.activity_monthly_review")
        activities = reviews.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        directors = self.env.ref("order_workflow.group_sales_director").users
        directors = directors.filtered(lambda u: not u.share)

        def directors_of(company):
            # the administrator holds every role: asked only when nobody else is
            people = directors.filtered(lambda u: company in u.company_ids)
            return people.filtered(lambda u: not u._is_system()) or people

        self.assertIn(self.director, directors_of(self.env.company))
        self.assertNotIn(
            self.env.ref("base.user_admin"), directors_of(review.company_id)
        )
        expected = {
            (r.id, user.id) for r in reviews for user in directors_of(r.company_id)
        }
        self.assertEqual(
            {user for r_id, user in expected if r_id == review.id},
            set(directors_of(self.env.company).ids),
        )
        other_review = reviews.filtered(lambda r: r.company_id == other)
        self.assertEqual(
            {user for r_id, user in expected if r_id == other_review.id},
            set(),
            "no director works there",
        )
        self.assertEqual(
            sorted((a.res_id, a.user_id.id) for a in activities), sorted(expected)
        )
        self.assertEqual(activities[0].date_deadline, date(2025, 7, 6))
        self.assertIn(self.director.partner_id, review.message_partner_ids)
        # run again (a retried cron): the same reviews, no second activity
        self.env["order_workflow.monthly.review"]._cron_generate_last_month()
        self.assertEqual(self.Review.search([("month", "=", MONTH)]), reviews)
        self.assertEqual(
            reviews.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ),
            activities,
        )
