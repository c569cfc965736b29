# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16's gates over XML-RPC, as the demo users call them: the customer documents,
the finance check of every price, and the agreed ship date."""

import xmlrpc.client

from odoo.tests import HttpCase, tagged

from .common import attach_customer_documents, rpc_caller


@tagged("post_install", "-at_install")
class TestSeedRulesRpc(HttpCase):
    def _login(self, login):
        return rpc_caller(self, login)

    def _customer(self, name):
        return self.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "street": "2 Canal Road",
                "city": "Wuxi",
                "email": "buyer@seed.example.com",
            }
        )

    def test_customer_documents_over_rpc(self):
        customer = self._customer("RPC paperless customer")
        clerk, manager = self._login("clerk"), self._login("manager")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|Only"):
            clerk("res.partner", "action_qualify", [customer.id])
        with self.assertRaisesRegex(
            xmlrpc.client.Fault, "Missing: RPC paperless customer \\(business licence"
        ):
            manager("res.partner", "action_qualify", [customer.id])
        with self.assertRaisesRegex(xmlrpc.client.Fault, "credit record"):
            manager(
                "res.partner",
                "write",
                [customer.id],
                {"qualification_state": "qualified"},
            )
        self.assertEqual(customer.qualification_state, "new")
        attach_customer_documents(customer)
        self.assertIs(manager("res.partner", "action_qualify", [customer.id]), True)
        self.assertEqual(customer.qualification_state, "qualified")

    def test_finance_checks_every_price_over_rpc(self):
        customer = attach_customer_documents(self._customer("RPC fair customer"))
        customer.action_qualify()
        product = self.env["product.product"].create(
            {"name": "RPC fair product", "list_price": 100.0}
        )
        clerk, finance = self._login("clerk"), self._login("finance")
        order_id = clerk(
            "sale.order",
            "create",
            {
                "partner_id": customer.id,
                "requested_date": "2030-01-31",
                "payment_term_id": self.env.ref(
                    "account.account_payment_term_30days"
                ).id,
                "order_line": [(0, 0, {"product_id": product.id, "price_unit": 100})],
            },
        )
        clerk("sale.order", "action_review_pass", [order_id])
        [order] = clerk(
            "sale.order",
            "read",
            [order_id],
            ["workflow_stage", "price_deviation_found"],
        )
        self.assertEqual(order["workflow_stage"], "price_review")
        self.assertFalse(order["price_deviation_found"])
        with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|Only"):
            clerk("sale.order", "action_price_approve", [order_id])
        self.assertIs(finance("sale.order", "action_price_approve", [order_id]), True)
        [order] = clerk("sale.order", "read", [order_id], ["workflow_stage"])
        self.assertEqual(order["workflow_stage"], "approval")

    def test_agreed_ship_date_over_rpc(self):
        clerk, finance = self._login("clerk"), self._login("finance")
        issued = self.env["sale.order"].search(
            [
                ("use_order_workflow", "=", True),
                ("shipping_request_issued_on", "!=", False),
            ],
            limit=1,
        )
        ready = self.env["sale.order"].search(
            [
                ("workflow_stage", "=", "ready"),
                ("shipping_request_issued_on", "=", False),
            ],
            limit=1,
        )
        self.assertTrue(issued and ready, "the demo data has both")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Agreed ship date"):
            finance(
                "sale.order", "write", [ready.id], {"planned_ship_date": "2030-03-01"}
            )
        self.assertIs(
            clerk(
                "sale.order", "write", [ready.id], {"planned_ship_date": "2030-03-01"}
            ),
            True,
        )
        self.assertEqual(str(ready.planned_ship_date), "2030-03-01")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "shipping request is issued"):
            clerk(
                "sale.order", "write", [issued.id], {"planned_ship_date": "2030-03-01"}
            )
