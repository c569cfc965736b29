# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Seed fidelity of intake and review: the 2-hour contact rule, the check of the
requested date, the technical review's effect on the lead days."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .test_intake_review import ReviewCase


@tagged("post_install", "-at_install")
class TestContactOverdue(ReviewCase):
    """订单信息不完整需在2小时内联系客户: counted from the order's creation."""

    def _overdue(self):
        return (
            self.env["sale.order"]
            .with_user(self.clerk)
            .search([("contact_overdue", "=", True)])
        )

    def test_incomplete_order_in_intake_is_flagged_after_two_hours(self):
        incomplete = self._complete_order(requested_date=False)
        complete = self._complete_order()
        asked = self._complete_order(requested_date=False)
        asked.with_user(self.clerk).action_review_need_info("Which date?")
        self.assertEqual(incomplete.workflow_stage, "intake")
        received = incomplete.create_date
        with freeze_time(received + timedelta(hours=1, minutes=59)):
            incomplete.invalidate_recordset(["contact_overdue"])
            self.assertFalse(incomplete.contact_overdue)
            self.assertNotIn(incomplete, self._overdue())
        with freeze_time(received + timedelta(hours=2, minutes=1)):
            (incomplete | complete | asked).invalidate_recordset(["contact_overdue"])
            self.assertTrue(incomplete.contact_overdue)
            self.assertFalse(complete.contact_overdue, "complete: nothing to ask")
            self.assertFalse(asked.contact_overdue, "the customer was contacted")
            overdue = self._overdue()
            self.assertIn(incomplete, overdue)
            self.assertNotIn(complete, overdue)
            self.assertNotIn(asked, overdue)
            not_overdue = self.env["sale.order"].search(
                [("contact_overdue", "=", False), ("id", "in", incomplete.ids)]
            )
            self.assertFalse(not_overdue)
            # contacting the customer clears it
            incomplete.with_user(self.clerk).action_review_need_info("Which date?")
            incomplete.invalidate_recordset(["contact_overdue"])
            self.assertFalse(incomplete.contact_overdue)

    def test_hours_are_a_company_setting(self):
        self.assertEqual(self.env.company.order_workflow_contact_hours, 2.0)
        settings = self.env["res.config.settings"].create({})
        settings.order_workflow_contact_hours = 4.0
        settings.execute()
        order = self._complete_order(requested_date=False)
        with freeze_time(order.create_date + timedelta(hours=3)):
            self.assertFalse(order.contact_overdue)
            self.assertNotIn(order, self._overdue())
        with freeze_time(order.create_date + timedelta(hours=4, minutes=1)):
            order.invalidate_recordset(["contact_overdue"])
            self.assertTrue(order.contact_overdue)
            self.assertIn(order, self._overdue())

    def test_other_stages_cost_no_completeness_check(self):
        orders = self._complete_order(requested_date=False)
        orders.with_user(self.clerk).action_review_reject("Spam")
        with freeze_time(orders.create_date + timedelta(hours=3)):
            orders.invalidate_recordset()
            # what the kanban loads anyway
            orders.fetch(["use_order_workflow", "workflow_stage", "create_date"])
            with self.assertQueryCount(0):
                self.assertFalse(orders.contact_overdue)

    def test_a_column_of_overdue_cards_costs_as_much_as_one(self):
        def read(orders):
            return lambda: orders.read(["contact_overdue"])

        one = self._complete_order(requested_date=False)
        many = one
        for _i in range(3):
            many |= self._complete_order(requested_date=False)
        with freeze_time(one.create_date + timedelta(hours=3)):
            self._queries(read(one))  # caches warmed
            self.assertEqual(self._queries(read(many)), self._queries(read(one)))
            self.assertEqual(many.mapped("contact_overdue"), [True] * 4)


@tagged("post_install", "-at_install")
class TestRequestedDateCheck(ReviewCase):
    """交货时间是否合理: a too early requested date is confirmed with production."""

    def _today(self):
        """Today as the clerk's session sees it (the requested-date check uses the
        user's time zone): fields.Date.today() is UTC, a day off in the evening."""
        return fields.Date.context_today(self.env["sale.order"].with_user(self.clerk))

    def test_too_early_date_is_a_warning_the_clerk_confirms(self):
        """Not a block: the review passes, the clerk gets an activity to confirm the
        date with production; ticking the confirmation records it and closes it."""
        order = self._complete_order(requested_date=self._today() + timedelta(days=5))
        self.assertEqual(order.lead_days, 15)
        self.assertTrue(order.requested_date_too_early)
        with self.assertRaises(AccessError):
            order.with_user(self.tech).action_review_pass()
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.review_state, "passed")
        kind = self.env.ref("order_workflow.activity_requested_date")
        activity = order.activity_ids.filtered(lambda a: a.activity_type_id == kind)
        self.assertEqual(activity.user_id, self.clerk)
        self.assertIn("earlier than today + 15 lead days", activity.note)
        order.with_user(self.clerk).requested_date_confirmed = True
        self.assertFalse(activity.exists(), "done")
        self.assertTrue(
            any(
                "Confirmed with production" in (m.body or "") for m in order.message_ids
            )
        )

    def test_confirmed_before_the_pass_is_recorded_by_the_pass(self):
        order = self._complete_order(requested_date=self._today() + timedelta(days=5))
        order.with_user(self.clerk).requested_date_confirmed = True
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.review_state, "passed")
        kind = self.env.ref("order_workflow.activity_requested_date")
        self.assertFalse(
            order.activity_ids.filtered(lambda a: a.activity_type_id == kind)
        )
        self.assertTrue(
            any(
                "confirmed with production" in (m.body or "") for m in order.message_ids
            )
        )

    def test_reasonable_date_passes_without_confirmation(self):
        order = self._complete_order(requested_date=self._today() + timedelta(days=15))
        self.assertFalse(order.with_user(self.clerk).requested_date_too_early)
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.review_state, "passed")

    def test_a_new_requested_date_needs_a_new_confirmation(self):
        order = self._complete_order(requested_date=self._today() + timedelta(days=10))
        order.with_user(self.clerk).requested_date_confirmed = True
        order.with_user(self.clerk).requested_date = self._today() + timedelta(days=3)
        self.assertFalse(order.requested_date_confirmed)
        order.with_user(self.clerk).action_review_pass()
        kind = self.env.ref("order_workflow.activity_requested_date")
        self.assertTrue(
            order.activity_ids.filtered(lambda a: a.activity_type_id == kind)
        )

    def test_form_shows_the_warning(self):
        form = Form(self._complete_order().with_user(self.clerk))
        self.assertFalse(form.requested_date_too_early)
        form.requested_date = self._today() + timedelta(days=2)
        self.assertTrue(form.requested_date_too_early)
        form.requested_date_confirmed = True
        order = form.save()
        self.assertTrue(order.requested_date_confirmed)


@tagged("post_install", "-at_install")
class TestTechnicalLeadTime(ReviewCase):
    """The technical review's effect on the lead time moves the order's lead days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.purchase = cls.users["group_purchase_reviewer"]

    def _sign_off(self, order, effect):
        review = order.technical_review_ids.sorted("round")[-1]
        self.assertEqual(review.state, "open")
        review.with_user(self.tech).lead_time_effect_days = effect
        review.with_user(self.tech).action_assess("feasible", "Can be made")
        review.with_user(self.clerk).action_record_drawing_approval("2026-11-20")
        review.with_user(self.purchase).action_sign_material_statement("In stock")
        before = order.lead_days
        review.with_user(self.tech).action_confirm_feasible()
        return before

    def _nonstandard_order(self):
        order = self._complete_order()
        order.order_line.write({"is_nonstandard": True, "nonstandard_note": "Steel"})
        return order

    def test_sign_off_adds_the_effect_and_a_new_round_replaces_it(self):
        order = self._nonstandard_order()
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(self._sign_off(order, 5), 15, "not before the sign-off")
        self.assertEqual(order.lead_days, 20)
        self.assertEqual(order.technical_lead_days, 5)
        # a new non-standard line: a second round, whose effect replaces the first's
        order.write(
            {
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "price_unit": 100.0,
                            "is_nonstandard": True,
                            "nonstandard_note": "Longer shaft",
                        }
                    )
                ]
            }
        )
        self.assertEqual(len(order.technical_review_ids), 2)
        self.assertEqual(order.lead_days, 20, "kept while the lines change")
        self._sign_off(order, 3)
        self.assertEqual(order.lead_days, 18, "15 + 3, not 15 + 5 + 3")
        self.assertEqual(order.technical_lead_days, 3)

    def test_the_effect_keeps_the_supervisors_estimate(self):
        order = self._nonstandard_order()
        order.lead_days = 25  # the production supervisor's estimate
        order.with_user(self.clerk).action_review_pass()
        self._sign_off(order, 4)
        self.assertEqual(order.lead_days, 29)
