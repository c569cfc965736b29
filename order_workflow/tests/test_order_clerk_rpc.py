# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Over XML-RPC, as real users: a clerk cannot reassign an order's clerk, the sales
manager can."""

import xmlrpc.client

from odoo.tests import HttpCase, new_test_user, tagged

from .common import rpc_caller


@tagged("post_install", "-at_install")
class TestOrderClerkRpc(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        clerk = "base.group_user,order_workflow.group_order_clerk"
        cls.clerk = new_test_user(cls.env, login="ow_rpc_clerk", groups=clerk)
        cls.other = new_test_user(cls.env, login="ow_rpc_other", groups=clerk)
        cls.manager = new_test_user(
            cls.env,
            login="ow_rpc_manager",
            groups="base.group_user,order_workflow.group_sales_manager",
        )
        cls.team = cls.env["crm.team"].create(
            {"name": "RPC workflow team", "use_order_workflow": True}
        )
        cls.customer = cls.env["res.partner"].create({"name": "RPC clerk customer"})

    def _call(self, user):
        call = rpc_caller(self, user.login)
        self.assertEqual(call.uid, user.id)
        return call

    def _clerk_of(self, call, order_id):
        [order] = call("sale.order", "read", [order_id], ["order_clerk_id"])
        return order["order_clerk_id"] and order["order_clerk_id"][0]

    def test_a_clerk_cannot_reassign_and_the_manager_can(self):
        as_clerk, as_manager = self._call(self.clerk), self._call(self.manager)
        order_id = as_clerk(
            "sale.order",
            "create",
            {"partner_id": self.customer.id, "team_id": self.team.id},
        )
        self.assertEqual(self._clerk_of(as_clerk, order_id), self.clerk.id)
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Only Sales Manager"):
            as_clerk(
                "sale.order", "write", [order_id], {"order_clerk_id": self.other.id}
            )
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Only Sales Manager"):
            as_clerk(
                "sale.order",
                "create",
                {
                    "partner_id": self.customer.id,
                    "team_id": self.team.id,
                    "order_clerk_id": self.other.id,
                },
            )
        self.assertEqual(self._clerk_of(as_clerk, order_id), self.clerk.id)
        self.assertIs(
            as_manager(
                "sale.order", "write", [order_id], {"order_clerk_id": self.other.id}
            ),
            True,
        )
        self.assertEqual(self._clerk_of(as_clerk, order_id), self.other.id)
