# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two users deciding the same thing at the same moment (issue 23): one effect, the
other told. Real transactions, see concurrency_common.py."""

from collections import Counter

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .concurrency_common import ConcurrencyCase


def duplicated_activities(order):
    """(type, user) pairs with more than one open activity on the order."""
    counts = Counter((a.activity_type_id.id, a.user_id.id) for a in order.activity_ids)
    return [pair for pair, n in counts.items() if n > 1]


@tagged("post_install", "-at_install")
class TestTwoApprovers(ConcurrencyCase):
    def prepare(self, env):
        users = self.demo_users(env)
        self.manager = users["manager"].id
        self.manager2 = new_test_user(
            env,
            login="ow_race_manager2",
            groups="base.group_user,order_workflow.group_sales_manager",
        ).id
        product = self.new_product(env, "Race approval valve")
        order = self.to_approval(self.new_order(env, users, "a", product), users)
        self.assertEqual(order.workflow_stage, "approval")
        self.assertEqual(len(order.review_ids), 1, "one tier: the sales manager's")
        self.order = order.id

    def test_two_managers_approve_the_same_tier_at_once(self):
        def approve(env):
            return env["sale.order"].browse(self.order).action_approve()

        first, second = self.race(approve, approve, self.manager, self.manager2)
        self.assertIsNone(first.error)
        self.assertIs(first.result, True)
        self.assertTrue(second.blocked, "the second waited on the first's review")
        self.assertEqual(second.attempts, 2, "and was retried on the committed state")
        # told: the order moved on (a UserError; AccessError is one too)
        self.assertIsInstance(second.error, UserError)
        self.assertIn("Customer confirmation", str(second.error))

        def check(env):
            order = env["sale.order"].browse(self.order)
            review = order.review_ids
            self.assertEqual(review.status, "approved")
            self.assertEqual(review.done_by.id, self.manager)
            self.assertEqual(order.workflow_stage, "customer_confirmation")
            approved = order.message_ids.filtered(
                lambda m: "Sales Manager approval approved by" in (m.body or "")
            )
            self.assertEqual(len(approved), 1, approved.mapped("body"))
            self.assertFalse(duplicated_activities(order))
            self.assertFalse(
                order.activity_ids.filtered(
                    lambda a: a.activity_type_id
                    == env.ref("order_workflow.activity_approval")
                ),
                "the approval activity is done once and gone",
            )

        self.read_committed(check)


@tagged("post_install", "-at_install")
class TestTwoShippingClerks(ConcurrencyCase):
    def prepare(self, env):
        users = self.demo_users(env)
        self.shipper = users["shipping"].id
        self.shipper2 = new_test_user(
            env,
            login="ow_race_shipper2",
            groups="base.group_user,order_workflow.group_shipping_clerk",
        ).id
        product = self.new_product(env, "Race shipping valve")
        product.ships_without_inspection = True
        order = self.to_ready(self.new_order(env, users, "a", product), users)
        self.assertEqual(order.workflow_stage, "ready")
        order.with_user(users["clerk"]).action_issue_shipping_request()
        picking = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        self.assertEqual(len(picking), 1)
        picking = picking.with_user(users["shipping"])
        picking.write({"ow_carrier": "SF Express", "ow_tracking_ref": "SF0001"})
        picking.action_assign()
        self.order, self.picking = order.id, picking.id

    def test_two_clerks_validate_the_same_picking(self):
        def validate(env):
            picking = env["stock.picking"].browse(self.picking)
            # no SMS wizard first (stock_sms): the click that validates
            return picking.with_context(skip_sms=True).button_validate()

        first, second = self.race(validate, validate, self.shipper, self.shipper2)
        self.assertIsNone(first.error)
        self.assertIs(first.result, True)
        self.assertTrue(second.blocked, "the second waited on the first's picking")
        self.assertIsInstance(
            second.error, UserError, "the second is told, not shown a success"
        )
        self.assertIn("already validated", str(second.error))

        def check(env):
            order = env["sale.order"].browse(self.order)
            picking = env["stock.picking"].browse(self.picking)
            self.assertEqual(picking.state, "done")
            self.assertEqual(picking.receipt_state, "awaiting")
            outgoing = order.picking_ids.filtered(
                lambda p: p.picking_type_code == "outgoing"
            )
            self.assertEqual(outgoing, picking, "no second delivery")
            self.assertEqual(sum(outgoing.move_ids.mapped("quantity")), 2)
            self.assertEqual(order.order_line.qty_delivered, 2, "delivered once")
            self.assertEqual(order.workflow_stage, "shipped")
            notices = env["order_workflow.outbox"].search(
                [("res_model", "=", "stock.picking"), ("res_id", "=", picking.id)]
            )
            self.assertEqual(len(notices), 1, "one Shipping Notice")
            self.assertFalse(duplicated_activities(order))

        self.read_committed(check)
