"""End to end over XML-RPC, against the test server, as the demo users do it."""

import xmlrpc.client

from odoo.tests import HttpCase, get_db_name, tagged


@tagged("post_install", "-at_install")
class TestRpc(HttpCase):
    def _login(self, login):
        uid = self.xmlrpc_common.authenticate(get_db_name(), login, login, {})
        self.assertTrue(uid, f"demo login {login} works")

        def call(model, method, *args, **kwargs):
            return self.xmlrpc_object.execute_kw(
                get_db_name(), uid, login, model, method, list(args), kwargs
            )

        return uid, call

    def test_every_demo_login_works(self):
        for login in (
            "clerk manager director gm tech purchase finance production qc shipping "
            "service"
        ).split():
            self._login(login)

    def test_clerk_creates_a_quotation_in_intake(self):
        _uid, call = self._login("clerk")
        partner_id = call("res.partner", "create", {"name": "RPC customer"})
        order_id = call("sale.order", "create", {"partner_id": partner_id})
        [order] = call(
            "sale.order",
            "read",
            [order_id],
            ["use_order_workflow", "workflow_stage", "state"],
        )
        self.assertTrue(order["use_order_workflow"])
        self.assertEqual(order["workflow_stage"], "intake")
        self.assertEqual(call("sale.order", "action_cancel", [order_id]), True)
        [order] = call("sale.order", "read", [order_id], ["workflow_stage"])
        self.assertEqual(order["workflow_stage"], "cancelled")
        # the switch is fixed at creation, for RPC callers too
        with self.assertRaisesRegex(xmlrpc.client.Fault, "fixed when it is created"):
            call("sale.order", "write", [order_id], {"use_order_workflow": False})

    def test_clerk_cannot_grant_groups_over_rpc(self):
        uid, call = self._login("clerk")
        system = self.env.ref("base.group_system").id
        tech = self.env.ref("order_workflow.user_demo_tech").id
        for target in (uid, tech):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|not allowed"):
                call("res.users", "write", [target], {"groups_id": [(4, system)]})
        with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|not allowed"):
            call("res.config.settings", "create", {})
        self.assertFalse(
            self.env.ref("order_workflow.user_demo_tech").has_group("base.group_system")
        )
