# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Change requests after confirmation (DESIGN.md, *Change requests*): no silent
change, the request routed by its impact, production's and the approvers' decisions,
the customer's answer, and the change applied all at once."""

from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_production import ProductionCase


class ChangeRequestCase(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["order_workflow.change.request"]

    def _request(self, order, change_type, lines=None, **vals):
        return self.Request.with_user(self.clerk).create(
            {
                "order_id": order.id,
                "change_type": change_type,
                "reason": "The customer's PO was revised",
                "line_ids": [Command.create(line) for line in (lines or [])],
                **vals,
            }
        )

    def _qty_request(self, order, qty):
        return self._request(
            order,
            "quantity",
            [{"order_line_id": line.id, "new_qty": qty} for line in order.order_line],
        )

    def _start(self, order):
        for production in order.ow_production_ids:
            production.with_user(self.supervisor).action_assign()
            production.with_user(self.supervisor).qty_producing = 1


@tagged("post_install", "-at_install")
class TestNoSilentChange(ChangeRequestCase):
    def test_confirmed_lines_dates_and_cancel_are_refused(self):
        order = self._released_order()
        line = order.order_line
        other = self.env["product.product"].create({"name": "Other"})
        for user in (
            self.clerk,
            self.manager,
            self.director,
            self.env.ref("base.user_admin"),
        ):
            for vals in ({"product_uom_qty": 5}, {"price_unit": 1.0}):
                with self.assertRaisesRegex(AccessError, "Request a change"):
                    line.with_user(user).write(vals)
            # (Odoo itself refuses a new product on a line with stock moves)
            with self.assertRaises(Exception):  # noqa: B017  (AccessError or UserError)
                line.with_user(user).product_id = other
            with self.assertRaisesRegex(AccessError, "Request a change"):
                order.with_user(user).write(
                    {"order_line": [Command.create({"product_id": self.product.id})]}
                )
            with self.assertRaisesRegex(AccessError, "Request a change"):
                order.with_user(user).requested_date = order.promised_date + timedelta(
                    days=30
                )
            with self.assertRaisesRegex(AccessError, "Request a change"):
                order.with_user(user).action_cancel()
        with self.assertRaisesRegex(AccessError, "Request a change"):
            line.with_user(self.env.ref("base.user_admin")).unlink()
        self.assertEqual(order.state, "sale")
        self.assertEqual(line.product_uom_qty, 1)

    def test_quotation_still_changes_freely(self):
        order = self._create_order()
        order.order_line.with_user(self.clerk).product_uom_qty = 3
        self.assertEqual(order.order_line.product_uom_qty, 3)


@tagged("post_install", "-at_install")
class TestChangeRequest(ChangeRequestCase):
    def test_quantity_in_production_via_production_and_customer(self):
        order = self._released_order()
        self._start(order)
        with self.assertRaisesRegex(AccessError, "Request a change"):
            order.order_line.with_user(self.clerk).product_uom_qty = 3
        request = self._qty_request(order, 3)
        request.with_user(self.clerk).action_submit()
        self.assertEqual(request.impact, "in_production")
        self.assertEqual(request.state, "production_review")
        self.assertTrue(order.change_pending)
        self.assertIn(
            order, self.env["sale.order"].search([("change_pending", "=", True)])
        )
        new_date = order.promised_date + timedelta(days=7)
        for wrong in (self.clerk, self.manager):
            with self.assertRaises(AccessError):
                request.with_user(wrong).action_production_approve(new_date, "ok")
        request.with_user(self.supervisor).action_production_approve(
            new_date, "Second shift"
        )
        self.assertEqual(request.state, "customer_confirmation")
        with self.assertRaises(AccessError):
            request.with_user(self.supervisor).action_customer_accept()
        request.with_user(self.clerk).action_customer_accept()
        self.assertEqual(request.state, "applied", request.apply_error)
        self.assertFalse(order.change_pending)
        self.assertEqual(order.order_line.product_uom_qty, 3)
        self.assertEqual(order.order_line.ow_qty_planned, 3)
        self.assertEqual(order.promised_date, new_date)
        self.assertEqual(order.production_committed_date, new_date)
        self.assertEqual(order.commitment_date.date(), new_date)
        self.assertIn("1.0 → 3.0", "".join(order.message_ids.mapped("body")))

    def test_quantity_not_started_grows_the_same_mo(self):
        order = self._released_order()
        production = order.ow_production_ids
        request = self._qty_request(order, 4)
        request.with_user(self.clerk).action_submit()
        self.assertEqual(request.impact, "not_started")
        request.with_user(self.supervisor).action_production_approve(
            order.promised_date + timedelta(days=2)
        )
        request.with_user(self.clerk).action_customer_accept()
        self.assertEqual(request.state, "applied", request.apply_error)
        self.assertEqual(order.ow_production_ids, production, "no new MO")
        self.assertEqual(production.product_qty, 4)
        self.assertEqual(self._out_picking(order).move_ids.product_uom_qty, 4)

    def test_quantity_decrease_reduces_the_mo_not_started(self):
        order = self._released_order()
        request = self._qty_request(order, 0)
        request.with_user(self.clerk).action_submit()
        request.with_user(self.supervisor).action_production_approve(
            order.promised_date
        )
        request.with_user(self.clerk).action_customer_accept()
        self.assertEqual(request.state, "applied", request.apply_error)
        self.assertEqual(order.ow_production_ids.state, "cancel")
        self.assertEqual(order.order_line.product_uom_qty, 0)

    def test_refused_and_declined_change_nothing(self):
        order = self._released_order()
        promised = order.promised_date
        refused = self._qty_request(order, 4)
        refused.with_user(self.clerk).action_submit()
        self.assertEqual(refused.impact, "not_started")
        with self.assertRaises(UserError):
            refused.with_user(self.supervisor).action_production_refuse("")
        for wrong in (self.clerk, self.manager, self.director):
            with self.assertRaises(AccessError):
                refused.with_user(wrong).action_production_refuse("No")
        refused.with_user(self.supervisor).action_production_refuse("Line full")
        self.assertEqual(refused.state, "refused")
        declined = self._qty_request(order, 4)
        declined.with_user(self.clerk).action_submit()
        declined.with_user(self.supervisor).action_production_approve(
            promised + timedelta(days=3)
        )
        for wrong in (self.supervisor, self.qc):  # (managers are clerks too)
            with self.assertRaises(AccessError):
                declined.with_user(wrong).action_customer_decline("No")
        declined.with_user(self.clerk).action_customer_decline("Too late")
        self.assertEqual(declined.state, "declined")
        self.assertEqual(order.order_line.product_uom_qty, 1)
        self.assertEqual(order.ow_production_ids.product_qty, 1)
        self.assertEqual(order.promised_date, promised)
        self.assertFalse(order.change_pending)

    def test_not_released_goes_straight_to_the_customer(self):
        order = self._verified_order()  # class C: waits for the deposit
        self.assertFalse(order.production_released)
        request = self._request(
            order, "date", new_requested_date=order.promised_date + timedelta(days=9)
        )
        request.with_user(self.clerk).action_submit()
        self.assertEqual(request.impact, "not_released")
        self.assertEqual(request.state, "customer_confirmation")
        request.with_user(self.clerk).action_customer_accept()
        self.assertEqual(request.state, "applied", request.apply_error)
        self.assertEqual(order.promised_date, request.new_requested_date)

    def test_cancellation_needs_the_manager_then_cancels_the_mos(self):
        order = self._released_order()
        mos = order.ow_production_ids
        request = self._request(order, "cancel")
        request.with_user(self.clerk).action_submit()
        request.with_user(self.supervisor).action_production_approve(None, "Stop")
        self.assertEqual(request.state, "approval")
        for wrong in (self.clerk, self.supervisor, self.director):
            with self.assertRaises(AccessError):
                request.with_user(wrong).action_approve()
        request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "customer_confirmation")
        request.with_user(self.clerk).action_customer_accept()
        self.assertEqual(request.state, "applied", request.apply_error)
        self.assertEqual(order.state, "cancel")
        self.assertEqual(set(mos.mapped("state")), {"cancel"})

    def test_rush_needs_the_director_then_raises_the_mo_priority(self):
        order = self._released_order()
        request = self._request(
            order, "rush", new_requested_date=order.promised_date - timedelta(days=2)
        )
        request.with_user(self.clerk).action_submit()
        request.with_user(self.supervisor).action_production_approve(
            order.promised_date - timedelta(days=3), "Overtime"
        )
        self.assertEqual(request.state, "approval")
        with self.assertRaises(AccessError):
            request.with_user(self.manager).action_approve()
        request.with_user(self.director).action_approve()
        request.with_user(self.clerk).action_customer_accept()
        self.assertEqual(request.state, "applied", request.apply_error)
        self.assertTrue(order.ow_rush)
        self.assertEqual(order.ow_production_ids.priority, "1")
        self.assertEqual(order.promised_date, request.new_promised_date)

    def test_rejected_rush_changes_nothing(self):
        order = self._released_order()
        request = self._request(
            order, "rush", new_requested_date=order.promised_date - timedelta(days=2)
        )
        request.with_user(self.clerk).action_submit()
        request.with_user(self.supervisor).action_production_approve(
            order.promised_date - timedelta(days=2)
        )
        request.with_user(self.director).action_reject("No capacity")
        self.assertEqual(request.state, "refused")
        self.assertFalse(order.ow_rush)
        self.assertEqual(order.ow_production_ids.priority, "0")

    def test_a_failed_apply_changes_nothing_and_keeps_the_error(self):
        order = self._released_order()
        self._start(order)
        request = self._qty_request(order, 0)  # can't be taken off a started MO
        request.with_user(self.clerk).action_submit()
        request.with_user(self.supervisor).action_production_approve(
            order.promised_date + timedelta(days=1)
        )
        promised = order.promised_date
        request.with_user(self.clerk).action_customer_accept()
        self.assertEqual(request.state, "customer_confirmation")
        self.assertIn("started", request.apply_error)
        self.assertEqual(order.order_line.product_uom_qty, 1)
        self.assertEqual(order.promised_date, promised)

    def test_submitted_request_is_not_edited_by_hand(self):
        order = self._released_order()
        request = self._qty_request(order, 2)
        request.with_user(self.clerk).action_submit()
        for vals in ({"state": "applied"}, {"reason": "other"}):
            with self.assertRaises(Exception):  # noqa: B017  (AccessError or UserError)
                request.with_user(self.clerk).write(vals)
        with self.assertRaises(Exception):  # noqa: B017  (AccessError or UserError)
            request.line_ids.with_user(self.clerk).new_qty = 9
        with self.assertRaises(UserError):
            self._qty_request(order, 5).with_user(self.clerk).action_submit()

    def test_query_counts_do_not_grow_with_lines(self):
        counts = {}
        for run, lines in enumerate((1, 1, 20)):  # the first run warms the caches
            order = self._verified_order(customer=self.good_customer, lines=lines)
            request = self._qty_request(order, 30)
            counts[run, "submit"] = self._queries(
                request.with_user(self.clerk).action_submit
            )
            counts[run, "approve"] = self._queries(
                lambda r=request, o=order: r.with_user(
                    self.supervisor
                ).action_production_approve(o.promised_date + timedelta(days=5))
            )
            request.with_user(self.clerk).action_cancel()
            date_request = self._request(
                order, "date", new_requested_date=order.promised_date
            )
            date_request.with_user(self.clerk).action_submit()
            date_request.with_user(self.supervisor).action_production_approve(
                order.promised_date + timedelta(days=9)
            )
            counts[run, "apply"] = self._queries(
                date_request.with_user(self.clerk).action_customer_accept
            )
            self.assertEqual(date_request.state, "applied", date_request.apply_error)
        for step in ("submit", "approve", "apply"):
            self.assertEqual(counts[1, step], counts[2, step], counts)
