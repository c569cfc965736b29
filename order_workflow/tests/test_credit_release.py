# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The balance holds the goods of a class B/C customer until it is paid or finance
releases the order on credit (财务签批); the service supervisor's emergency override
stands in for the paperwork only (先行发货，手工单后补)."""

import xmlrpc.client
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, get_db_name, tagged
from odoo.tools.safe_eval import safe_eval

from .test_shipping import ShippingCase


class CreditCase(ShippingCase):
    def _activity(self, order, xmlid):
        return order.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(xmlid)
        )


@tagged("post_install", "-at_install")
class TestOverrideIsPaperworkOnly(CreditCase):
    def test_override_does_not_release_the_balance(self):
        order = self._ready_order(customer=self.customer_c)
        self.assertEqual(order.shipping_release_state, "blocked")
        with self.assertRaisesRegex(UserError, "shipping request only"):
            order.with_user(self.service).action_override_shipping("urgent")
        self.assertEqual(order.shipping_release_state, "blocked")
        self.assertFalse(self._out_picking(order).shipping_override_on)
        with self.assertRaisesRegex(UserError, "still due"):
            self._ship(order)
        self.assertEqual(order.workflow_stage, "payment_hold")

    def test_override_by_the_service_supervisor_stands_in_for_the_request(self):
        order = self._ready_order(customer=self.customer_c)
        balance = order._ow_deposit_invoices().filtered(lambda m: m.state == "draft")
        balance.with_user(self.finance).action_post()
        self._pay(balance, order.ow_balance_due, date.today())
        self.assertEqual(order.shipping_release_state, "released")
        for user in (self.clerk, self.manager, self.shipper, self.finance):
            with self.assertRaises(AccessError):
                order.with_user(user).action_override_shipping("urgent")
        with self.assertRaisesRegex(UserError, "reason"):
            order.with_user(self.service).action_override_shipping(" ")
        self.assertIs(
            order.with_user(self.service).action_override_shipping(
                "Line stop at the customer"
            ),
            True,
        )
        picking = self._out_picking(order)
        self.assertEqual(order.shipping_release_state, "overridden")
        self.assertEqual(picking.shipping_override_by_id, self.service)
        paperwork = self._activity(order, "order_workflow.activity_override_paperwork")
        self.assertEqual(paperwork.user_id, self.clerk)
        overrides = self.env.ref("order_workflow.action_shipping_overrides")
        self.assertIn(
            picking, self.env["stock.picking"].search(safe_eval(overrides.domain))
        )
        self._ship(order)  # no request needed: the override stands in for it
        self.assertEqual(picking.state, "done")
        self.assertEqual(order.shipping_release_state, "released")


@tagged("post_install", "-at_install")
class TestReleaseOnCredit(CreditCase):
    def test_finance_releases_on_credit_and_the_money_is_collected_after(self):
        order = self._ready_order(customer=self.customer_c)
        due = order.ow_balance_due
        for user in (self.clerk, self.service, self.manager, self.shipper):
            with self.assertRaises(AccessError):
                order.with_user(user).action_release_on_credit("good customer")
        with self.assertRaises(AccessError):
            order.with_user(self.finance).write({"credit_release_on": "2026-11-01"})
        with self.assertRaisesRegex(UserError, "reason"):
            order.with_user(self.finance).action_release_on_credit("  ")
        self.assertEqual(order.workflow_stage, "payment_hold")
        wizard_action = order.with_user(
            self.finance
        ).action_open_credit_release_wizard()
        wizard = self.env["order_workflow.reason.wizard"].browse(
            wizard_action["res_id"]
        )
        wizard.reason = "Long-standing customer, pays within the month"
        wizard.with_user(self.finance).action_confirm()
        self.assertEqual(order.shipping_release_state, "released")
        self.assertEqual(order.credit_release_by_id, self.finance)
        self.assertTrue(order.credit_release_on)
        self.assertIn("within the month", order.credit_release_reason)
        self.assertIn("Released on credit", order.message_ids[0].body)
        self.assertFalse(self._activity(order, "order_workflow.activity_balance"))
        self.assertEqual(order.workflow_stage, "ready")
        self.assertAlmostEqual(order.ow_balance_due, due, msg="still due")
        with self.assertRaisesRegex(UserError, "not held"):
            order.with_user(self.finance).action_release_on_credit("again")
        with self.assertRaisesRegex(UserError, "Shipping Request"):
            self._ship(order)  # the paperwork is still asked for
        order.with_user(self.clerk).action_issue_shipping_request()
        picking = self._ship(order)
        self.assertEqual(picking.state, "done")
        self.assertEqual(order.workflow_stage, "shipped")

    def test_release_on_credit_needs_a_held_order(self):
        order = self._ready_order()  # class A: released on its terms
        with self.assertRaisesRegex(UserError, "not held"):
            order.with_user(self.finance).action_release_on_credit("why not")


@tagged("post_install", "-at_install")
class TestReleaseOnCreditRpc(CreditCase, HttpCase):
    def _rpc(self, user, method, *args):
        return self.xmlrpc_object.execute_kw(
            get_db_name(), user.id, user.login, "sale.order", method, list(args)
        )

    def test_only_finance_releases_on_credit_over_rpc(self):
        order = self._ready_order(customer=self.customer_c)
        for user in (self.clerk, self.service, self.shipper):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Only"):
                self._rpc(user, "action_release_on_credit", [order.id], "urgent")
        with self.assertRaises(xmlrpc.client.Fault):
            self._rpc(
                self.finance,
                "write",
                [order.id],
                {
                    "credit_release_reason": "by hand",
                    "shipping_release_state": "released",
                },
            )
        self.assertEqual(order.shipping_release_state, "blocked")
        self.assertFalse(order.credit_release_on)
        self.assertIs(
            self._rpc(self.finance, "action_release_on_credit", [order.id], "signed"),
            True,
        )
        order.invalidate_recordset()
        self.assertEqual(order.shipping_release_state, "released")
        self.assertEqual(order.credit_release_by_id, self.finance)
