# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager
from datetime import datetime, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_shipping import ShippingCase

LOG_TABLE = "order_workflow_stage_log"


@tagged("post_install", "-at_install")
class TestStageLog(ShippingCase):
    def _log(self, order):
        logs = self.env["order_workflow.stage.log"].search(
            [("order_id", "=", order.id)], order="entered_on, id"
        )
        return [(log.stage, log.entered_on, log.left_on, log.hours) for log in logs]

    @contextmanager
    def _log_statements(self):
        """The SQL statements run inside the block that touch the stage log."""
        queries = []
        with contextmanager(self._patchExecute)(queries):
            statements = []
            yield statements
        statements += [q for q in queries if LOG_TABLE in q]

    def test_log_rows_follow_a_driven_order_with_hours(self):
        start = datetime.now().replace(microsecond=0) + timedelta(hours=1)
        path, times = [], []

        def step(hours, action):
            with freeze_time(start + timedelta(hours=hours)):
                action()
                self.env.flush_all()
            if not path or path[-1] != order.workflow_stage:
                path.append(order.workflow_stage)
                times.append(start + timedelta(hours=hours))

        order = self.env["sale.order"]

        def create():
            nonlocal order
            order = self._complete_order(
                partner_id=self.good_customer.id, user_id=self.clerk.id
            )

        def confirm():
            order.with_user(self.clerk).action_send_for_confirmation()
            order.with_user(self.clerk).action_register_signed_confirmation(
                "Li Na", (start + timedelta(hours=5)).date().isoformat()
            )
            order.with_user(self.clerk).action_verify_confirmation()

        picking = self.env["stock.picking"]

        def ship():
            nonlocal picking
            order.with_user(self.clerk).action_issue_shipping_request()
            picking = self._ship(order)

        step(0, create)
        step(2, order.with_user(self.clerk).action_review_pass)
        step(3, order.with_user(self.manager).action_approve)
        step(5, confirm)
        step(29, lambda: self._produce(order))
        step(32, ship)
        step(
            80,
            lambda: picking.with_user(self.shipper).action_register_receipt(
                "Zhou Min", (start + timedelta(hours=80)).date().isoformat()
            ),
        )
        self.assertEqual(
            path,
            [
                "intake",
                "approval",
                "customer_confirmation",
                "production",
                "ready",
                "shipped",
                "delivered",
            ],
        )
        lefts = [*times[1:], False]
        expected = [
            (
                stage,
                entered,
                left,
                (left - entered).total_seconds() / 3600 if left else 0,
            )
            for stage, entered, left in zip(path, times, lefts, strict=True)
        ]
        self.assertEqual(self._log(order), expected)
        self.assertEqual(
            [log.hours for log in order.ow_stage_log_ids], [2, 1, 2, 24, 3, 48, 0]
        )

    def test_a_stage_change_adds_one_statement_whatever_the_number_of_orders(self):
        clerk = self.env(user=self.clerk)["sale.order"]
        warm, off, on = (
            clerk.browse([self._complete_order().id for _i in range(3)])
            for _batch in range(3)
        )
        one = clerk.browse(self._complete_order().id)
        # warm up with the log, then the same transition of 3 orders with the log
        # writer switched off and on: the log costs its one statement
        self._queries(warm.action_review_pass)
        with patch.object(
            self.registry["sale.order"], "_ow_log_stages", lambda *a, **k: None
        ):
            without_log = self._queries(off.action_review_pass)
        with_log = self._queries(on.action_review_pass)
        self.assertLessEqual(with_log - without_log, 2)
        self.assertGreaterEqual(with_log - without_log, 1, "the log is written")
        self.assertEqual([self._log(o)[-1][0] for o in on], ["approval"] * 3)
        self.assertEqual([self._log(o)[-1][0] for o in off], ["intake"] * 3)
        # the statements touching the log: the same for 1 order as for 3, and at most
        # 2 (the writer, and first_pass_review reading whether info was asked)
        with self._log_statements() as for_one:
            one.action_review_pass()
        self.assertEqual(self._log(one)[-1][0], "approval")
        more = clerk.browse([self._complete_order().id for _i in range(3)])
        with self._log_statements() as for_three:
            more.action_review_pass()
        self.assertLessEqual(len(for_one), 2, for_one)
        self.assertEqual(len(for_three), len(for_one), for_three)

    def test_orders_outside_the_workflow_are_not_logged(self):
        team_off = self.env["crm.team"].create(
            {"name": "No workflow", "use_order_workflow": False}
        )
        with self._log_statements() as statements:
            order = self._create_order(team=team_off)
            order.action_confirm()
        self.assertFalse(order.workflow_stage)
        self.assertFalse(statements)
        self.assertFalse(self._log(order))

    def test_the_log_is_read_only_and_readable_by_the_sales_roles(self):
        order = self._create_order(user=self.clerk)
        self.env.flush_all()
        log = order.ow_stage_log_ids
        self.assertEqual(log.stage, "intake")
        self.assertEqual(log.with_user(self.clerk).stage, "intake")
        for user in (self.clerk, self.manager, self.director):
            with self.assertRaises(AccessError):
                log.with_user(user).write({"left_on": datetime.now()})
            with self.assertRaises(AccessError):
                log.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.env["order_workflow.stage.log"].with_user(user).create(
                    {
                        "order_id": order.id,
                        "stage": "closed",
                        "entered_on": datetime.now(),
                    }
                )
        with self.assertRaises(AccessError):
            log.with_user(self.users["group_qc_inspector"]).read(["stage"])

    def test_backfill_from_the_tracked_stages(self):
        field = self.env["ir.model.fields"]._get("sale.order", "workflow_stage")
        tracked, untracked, partly = (
            self._complete_order(partner_id=self.good_customer.id) for _i in range(3)
        )
        for order in (tracked, partly):
            order.with_user(self.clerk).action_review_pass()
            order.with_user(self.manager).action_approve()
        self.env.flush_all()
        self.env.cr.execute(
            "DELETE FROM order_workflow_stage_log WHERE order_id = ANY(%s)",
            [[tracked.id, untracked.id, partly.id]],
        )
        self.env.cr.execute(
            "UPDATE sale_order SET write_date = create_date + interval '9 hours' "
            "WHERE id = %s",
            [partly.id],
        )
        self.env.invalidate_all()
        created = tracked.create_date
        for order, changes in (
            (
                tracked,
                [("Intake", "Approval", 2), ("Approval", "Customer confirmation", 5)],
            ),
            (partly, [("Intake", "Approval", 4)]),
        ):
            self.env["mail.message"].create(
                [
                    {
                        "model": "sale.order",
                        "res_id": order.id,
                        "message_type": "notification",
                        "date": order.create_date + timedelta(hours=hours),
                        "tracking_value_ids": [
                            Command.create(
                                {
                                    "field_id": field.id,
                                    "old_value_char": old,
                                    "new_value_char": new,
                                }
                            )
                        ],
                    }
                    for old, new, hours in changes
                ]
            )
        self.env.flush_all()
        self.assertGreaterEqual(self.env["sale.order"]._ow_backfill_stage_log(), 3)
        hour = timedelta(hours=1)
        self.assertEqual(
            self._log(tracked),
            [
                ("intake", created, created + 2 * hour, 2),
                ("approval", created + 2 * hour, created + 5 * hour, 3),
                ("customer_confirmation", created + 5 * hour, False, 0),
            ],
        )
        self.assertEqual(
            self._log(untracked), [("intake", untracked.create_date, False, 0)]
        )
        made = partly.create_date
        self.assertEqual(
            self._log(partly),
            [
                ("intake", made, made + 4 * hour, 4),
                ("approval", made + 4 * hour, made + 9 * hour, 5),
                ("customer_confirmation", made + 9 * hour, False, 0),
            ],
        )
        self.assertEqual(self.env["sale.order"]._ow_backfill_stage_log(), 0, "once")

    def test_a_clock_behind_the_entry_never_refuses_the_action(self):
        """A stage change stamped before the stage was entered (another server's
        clock behind, a frozen time) closes the row after 0 hours: the review passes,
        nothing is refused."""
        order = self._complete_order(partner_id=self.good_customer.id)
        self.env.flush_all()
        entered = self._log(order)[-1][1]
        with freeze_time(entered - timedelta(days=10)):
            order.with_user(self.clerk).action_review_pass()
            self.env.flush_all()
        self.assertEqual(order.review_state, "passed")
        self.assertEqual(
            self._log(order),
            [
                ("intake", entered, entered, 0),
                (order.workflow_stage, entered, False, 0),
            ],
        )
