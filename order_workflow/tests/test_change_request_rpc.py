# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Change requests over XML-RPC: the direct write refused, each step by its role,
each wrong role refused; and a pending change holds the lines it is about."""

import xmlrpc.client
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, get_db_name, tagged

from .test_change_request import ChangeRequestCase
from .test_shipping import ShippingCase

REQUEST = "order_workflow.change.request"


@tagged("post_install", "-at_install")
class TestChangeRequestRpc(ChangeRequestCase, HttpCase):
    def _rpc(self, user, model, method, *args):
        return self.xmlrpc_object.execute_kw(
            get_db_name(), user.id, user.login, model, method, list(args)
        )

    def test_quantity_change_in_production_over_rpc(self):
        order = self._released_order()
        self._start(order)
        line = order.order_line
        for user in (self.clerk, self.manager):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Request a change"):
                self._rpc(
                    user, "sale.order.line", "write", [line.id], {"product_uom_qty": 3}
                )
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Request a change"):
                self._rpc(user, "sale.order", "action_cancel", [order.id])
        # only the clerk opens one
        with self.assertRaises(xmlrpc.client.Fault):
            self._rpc(self.supervisor, REQUEST, "create", {"order_id": order.id})
        request_id = self._rpc(
            self.clerk,
            REQUEST,
            "create",
            {
                "order_id": order.id,
                "change_type": "quantity",
                "reason": "PO revised",
                "line_ids": [(0, 0, {"order_line_id": line.id, "new_qty": 3})],
            },
        )
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Only"):
            self._rpc(self.supervisor, REQUEST, "action_submit", [request_id])
        self.assertIs(
            self._rpc(self.clerk, REQUEST, "action_submit", [request_id]), True
        )
        # the state and the decision are not written by hand
        with self.assertRaises(xmlrpc.client.Fault):
            self._rpc(self.clerk, REQUEST, "write", [request_id], {"state": "applied"})
        new_date = fields.Date.to_string(order.promised_date + timedelta(days=6))
        for wrong in (self.clerk, self.manager):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Only"):
                self._rpc(
                    wrong, REQUEST, "action_production_approve", [request_id], new_date
                )
        self._rpc(
            self.supervisor,
            REQUEST,
            "action_production_approve",
            [request_id],
            new_date,
        )
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Only"):
            self._rpc(self.supervisor, REQUEST, "action_customer_accept", [request_id])
        self._rpc(self.clerk, REQUEST, "action_customer_accept", [request_id])
        request = self.env[REQUEST].browse(request_id)
        self.assertEqual(request.state, "applied", request.apply_error)
        order.invalidate_recordset()
        self.assertEqual(line.product_uom_qty, 3)
        self.assertEqual(line.ow_qty_planned, 3)
        self.assertEqual(fields.Date.to_string(order.promised_date), new_date)

    def test_reviews_of_a_change_request_are_not_approved_by_hand(self):
        order = self._released_order()
        request = self._request(order, "cancel")
        request.with_user(self.clerk).action_submit()
        request.with_user(self.supervisor).action_production_approve(None, "Stop")
        review = request.sudo().review_ids
        self.assertTrue(review)
        with self.assertRaises(xmlrpc.client.Fault):
            self._rpc(
                self.clerk, "tier.review", "write", review.ids, {"status": "approved"}
            )
        self.assertEqual(request.state, "approval")


@tagged("post_install", "-at_install")
class TestPendingChangeHoldsTheGoods(ShippingCase):
    def test_a_pending_change_holds_its_lines(self):
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        request = (
            self.env[REQUEST]
            .with_user(self.clerk)
            .create(
                {
                    "order_id": order.id,
                    "change_type": "quantity",
                    "reason": "PO revised",
                    "line_ids": [
                        (0, 0, {"order_line_id": order.order_line.id, "new_qty": 2})
                    ],
                }
            )
        )
        request.action_submit()
        self.assertEqual(request.impact, "produced")
        with self.assertRaisesRegex(Exception, "not decided yet"):
            self._ship(order)
        request.action_cancel()
        self.assertEqual(self._ship(order).state, "done")
