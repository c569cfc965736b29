# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The price review: deviations from the list price, decided by finance."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_intake_review import ReviewCase

APPROVE_QUERIES = 149  # measured, warm: includes requesting the approval


@tagged("post_install", "-at_install")
class TestPriceReview(ReviewCase):
    def test_line_knows_list_price_deviation_and_last_price(self):
        pricelist = self.env["product.pricelist"].create(
            {
                "name": "Customer prices",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.product.id,
                            "compute_price": "fixed",
                            "fixed_price": 90.0,
                        }
                    )
                ],
            }
        )
        past = self._complete_order(team=self.team_off, price=95.0)
        past.action_confirm()
        order = self._complete_order(price=81.0, pricelist_id=pricelist.id)
        line = order.order_line
        self.assertAlmostEqual(line.list_price_expected, 90.0)
        self.assertAlmostEqual(line.price_deviation_percent, -10.0)
        self.assertAlmostEqual(line.last_price_paid, 95.0)
        line.discount = 10.0  # net 72.9
        self.assertAlmostEqual(line.price_deviation_percent, -19.0)

    def test_deviating_price_needs_finance_approval(self):
        order = self._complete_order(price=80.0)
        self.assertTrue(order.price_deviation_found)
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.price_review_state, "pending")
        self.assertEqual(order.workflow_stage, "price_review")
        self.assertIs(order.with_user(self.finance).action_price_approve(), True)
        self.assertEqual(order.price_review_state, "approved")
        self.assertEqual(order.price_decided_by_id, self.finance)
        self.assertEqual(order.workflow_stage, "approval")

    def test_price_change_after_approval_reopens_the_review(self):
        order = self._complete_order(price=80.0)
        order.with_user(self.clerk).action_review_pass()
        order.with_user(self.finance).action_price_approve()
        order.order_line.with_user(self.clerk).price_unit = 70.0
        self.assertEqual(order.price_review_state, "pending")
        self.assertEqual(order.workflow_stage, "price_review")
        self.assertIn("re-opened", order.message_ids[0].body)
        # back to the list price: no review needed any more
        order.order_line.price_unit = 100.0
        self.assertEqual(order.price_review_state, "not_needed")
        self.assertEqual(order.workflow_stage, "approval")
        # a price above the list deviates too
        order.order_line.price_unit = 120.0
        self.assertEqual(order.workflow_stage, "price_review")

    def test_rejected_prices_send_the_order_back_to_intake(self):
        order = self._complete_order(price=50.0)
        order.with_user(self.clerk).action_review_pass()
        with self.assertRaisesRegex(UserError, "reason"):
            order.with_user(self.finance).action_price_reject("")
        self.assertEqual(order.workflow_stage, "price_review")
        order.with_user(self.finance).action_price_reject("Below cost")
        self.assertEqual(order.price_review_state, "rejected")
        self.assertEqual(order.review_state, "pending")
        self.assertEqual(order.workflow_stage, "intake")
        self.assertEqual(order.review_note, "Below cost")
        order.order_line.price_unit = 100.0
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.workflow_stage, "approval")

    def test_tolerance(self):
        self.env.company.order_workflow_price_tolerance = 25.0
        order = self._complete_order(price=80.0)
        self.assertFalse(order.price_deviation_found)
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.workflow_stage, "approval")

    def test_only_finance_decides_prices(self):
        order = self._complete_order(price=80.0)
        order.with_user(self.clerk).action_review_pass()
        for group in (
            "group_order_clerk",
            "group_sales_manager",
            "group_general_manager",
        ):
            with self.assertRaises(AccessError):
                order.with_user(self.users[group]).action_price_approve()
            with self.assertRaises(AccessError):
                order.with_user(self.users[group]).action_price_reject("x")
        self.assertEqual(order.price_review_state, "pending")
        other = self._complete_order()
        with self.assertRaisesRegex(UserError, "stage"):
            other.with_user(self.finance).action_price_approve()

    def test_approve_costs_the_same_for_1_and_50_lines(self):
        # same approval levels for both sizes: only the line count differs
        self.env.company.order_workflow_director_threshold = 1e12
        self.env.company.order_workflow_gm_threshold = 1e12
        counts = []
        for lines in (1, 50):
            warm = self._complete_order(lines, price=70.0)
            order = self._complete_order(lines, price=70.0)
            (warm | order).with_user(self.clerk).action_review_pass()
            self._queries(warm.with_user(self.finance).action_price_approve)
            with self.assertQueryCount(APPROVE_QUERIES):
                counts.append(
                    self._queries(order.with_user(self.finance).action_price_approve)
                )
        self.assertEqual(counts[0], counts[1])


@tagged("post_install", "-at_install")
class TestFinanceChecksEveryPrice(ReviewCase):
    """Issue 16: finance checks the prices of every order (直接由财务审核好价格), a
    company setting on by default; deviations stay highlighted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.order_workflow_check_all_prices = True  # the default

    def test_on_by_default(self):
        company = self.env["res.company"].create({"name": "Prices Co"})
        self.assertTrue(company.order_workflow_check_all_prices)

    def test_fair_prices_are_checked_too(self):
        fair = self._complete_order(price=100.0)
        cheap = self._complete_order(price=80.0)
        (fair | cheap).with_user(self.clerk).action_review_pass()
        for order in fair | cheap:
            self.assertEqual(order.price_review_state, "pending")
            self.assertEqual(order.workflow_stage, "price_review")
        # the deviation is still what the reviewer sees highlighted
        self.assertFalse(fair.price_deviation_found)
        self.assertTrue(cheap.price_deviation_found)
        self.assertAlmostEqual(cheap.order_line.price_deviation_percent, -20.0)
        with self.assertRaises(AccessError):
            fair.with_user(self.clerk).action_price_approve()
        self.assertIs(fair.with_user(self.finance).action_price_approve(), True)
        self.assertEqual(fair.workflow_stage, "approval")
        # any price changed after the check: checked again
        fair.order_line.with_user(self.clerk).price_unit = 99.0
        self.assertEqual(fair.workflow_stage, "price_review")

    def test_off_only_deviating_prices_are_checked(self):
        self.env.company.order_workflow_check_all_prices = False
        fair = self._complete_order(price=100.0)
        fair.with_user(self.clerk).action_review_pass()
        self.assertEqual(fair.price_review_state, "not_needed")
        self.assertEqual(fair.workflow_stage, "approval")
