"""End to end over XML-RPC, against the test server, as the demo users do it."""

import xmlrpc.client

from odoo.tests import HttpCase, get_db_name, tagged

from odoo.addons.order_workflow.tests.common import (
    CLASS_C_PATH,
    attach_customer_documents,
)


@tagged("post_install", "-at_install")
class TestRpc(HttpCase):
    def _login(self, login):
        uid = self.xmlrpc_common.authenticate(get_db_name(), login, login, {})
        self.assertTrue(uid, f"demo login {login} works")

        def call(model, method, *args, **kwargs):
            # the messages checked below are in English; half the demo users read
            # them in Chinese (demo/res_users_demo.xml)
            kwargs["context"] = {"lang": "en_US", **kwargs.get("context", {})}
            return self.xmlrpc_object.execute_kw(
                get_db_name(), uid, login, model, method, list(args), kwargs
            )

        return uid, call

    def _quotation(self, call, customer, product, **line):
        """A complete quotation of ``customer`` created over RPC by ``call``."""
        return call(
            "sale.order",
            "create",
            {
                "partner_id": customer.id,
                "requested_date": "2030-01-31",
                "payment_term_id": self.env.ref(
                    "account.account_payment_term_30days"
                ).id,
                "order_line": [(0, 0, {"product_id": product.id, **line})],
            },
        )

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

    def test_review_gates_over_rpc(self):
        """Each review method, called by the wrong role over XML-RPC, is refused."""
        customer = self.env["res.partner"].create(
            {
                "name": "RPC review customer",
                "is_company": True,
                "street": "1 Road",
                "city": "Xiamen",
                "email": "buyer@example.com",
            }
        )
        product = self.env["product.product"].create(
            {"name": "RPC product", "list_price": 100.0}
        )
        _uid, clerk = self._login("clerk")
        _uid, tech = self._login("tech")
        _uid, finance = self._login("finance")
        _uid, manager = self._login("manager")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|Only"):
            clerk("res.partner", "action_qualify", [customer.id])
        with self.assertRaisesRegex(xmlrpc.client.Fault, "business licence"):
            manager("res.partner", "action_qualify", [customer.id])
        attach_customer_documents(customer)
        self.assertIs(manager("res.partner", "action_qualify", [customer.id]), True)
        order_id = self._quotation(
            clerk, customer, product, product_uom_qty=2, price_unit=80
        )
        for method, args in (
            ("action_review_pass", []),
            ("action_review_need_info", ["x"]),
            ("action_review_reject", ["x"]),
        ):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Only"):
                tech("sale.order", method, [order_id], *args)
        self.assertIs(clerk("sale.order", "action_review_pass", [order_id]), True)
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Only"):
            clerk("sale.order", "action_price_approve", [order_id])
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Only"):
            clerk("sale.order", "action_price_reject", [order_id], "no")
        [order] = clerk("sale.order", "read", [order_id], ["workflow_stage"])
        self.assertEqual(order["workflow_stage"], "price_review")
        self.assertIs(finance("sale.order", "action_price_approve", [order_id]), True)
        [order] = clerk("sale.order", "read", [order_id], ["workflow_stage", "name"])
        self.assertEqual(order["workflow_stage"], "approval")
        self.assertRegex(order["name"], r"^\d{6}-\d{3}$")
        # bad input says what is wrong and changes nothing
        other_id = clerk("sale.order", "create", {"partner_id": customer.id})
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Requested date: missing"):
            clerk("sale.order", "action_review_pass", [other_id])
        [other] = clerk("sale.order", "read", [other_id], ["review_state"])
        self.assertEqual(other["review_state"], "pending")

    def test_plain_writes_do_not_walk_around_the_gates_over_rpc(self):
        """Issue 14's holes, as a company's users would try them over XML-RPC: each
        is refused with the reason and changes nothing."""
        customer = self.env["res.partner"].create(
            {
                "name": "RPC guard customer",
                "is_company": True,
                "street": "2 Road",
                "city": "Xiamen",
                "email": "guard@example.com",
            }
        )
        product = self.env["product.product"].create(
            {"name": "RPC guard product", "list_price": 100.0}
        )
        _uid, clerk = self._login("clerk")
        _uid, tech = self._login("tech")
        _uid, manager = self._login("manager")
        _uid, finance = self._login("finance")
        attach_customer_documents(customer)
        manager("res.partner", "action_qualify", [customer.id])

        def quotation(price, nonstandard=False):
            return self._quotation(
                clerk,
                customer,
                product,
                product_uom_qty=1,
                price_unit=price,
                is_nonstandard=nonstandard,
                nonstandard_note=nonstandard and "Special",
            )

        def stage(order_id):
            return clerk("sale.order", "read", [order_id], ["workflow_stage"])[0][
                "workflow_stage"
            ]

        # 1. the price deviation of a line
        cheap = quotation(50)
        [line_id] = clerk("sale.order", "read", [cheap], ["order_line"])[0][
            "order_line"
        ]
        for field in ("list_price_expected", "price_deviation_percent"):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "by hand"):
                clerk("sale.order.line", "write", [line_id], {field: 50.0})
        clerk("sale.order", "action_review_pass", [cheap])
        self.assertEqual(stage(cheap), "price_review")
        # 2. the state of an approved quotation
        fair = quotation(100)
        clerk("sale.order", "action_review_pass", [fair])
        finance("sale.order", "action_price_approve", [fair])  # every order's prices
        manager("sale.order", "action_approve", [fair])
        self.assertEqual(stage(fair), "customer_confirmation")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "by hand"):
            clerk("sale.order", "write", [fair], {"state": "sale"})
        self.assertEqual(stage(fair), "customer_confirmation")
        # 3. the non-standard mark of a reviewed line; 4. the review's order and round
        special = quotation(100, nonstandard=True)
        clerk("sale.order", "action_review_pass", [special])
        self.assertEqual(stage(special), "technical_review")
        [special_line] = clerk("sale.order", "read", [special], ["order_line"])[0][
            "order_line"
        ]
        with self.assertRaisesRegex(xmlrpc.client.Fault, "by hand"):
            clerk("sale.order.line", "write", [special_line], {"is_nonstandard": False})
        [review_id] = clerk("sale.order", "read", [special], ["technical_review_ids"])[
            0
        ]["technical_review_ids"]
        for caller in (clerk, tech):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "by hand"):
                caller(
                    "order_workflow.technical.review",
                    "write",
                    [review_id],
                    {"order_id": fair, "round": 2},
                )
        self.assertEqual(stage(special), "technical_review")
        # 5. a blocked customer moved under a qualified company
        person = self.env["res.partner"].create({"name": "RPC blocked person"})
        manager("res.partner", "action_block", [person.id], "Unpaid")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Sales Manager"):
            clerk("res.partner", "write", [person.id], {"parent_id": customer.id})
        self.assertEqual(person.qualification_state, "blocked")

    def test_approvals_by_amount_over_rpc(self):
        """50,000 / 200,000 / 800,000 need 1 / 2 / 3 levels, approved in sequence."""
        self.env.company.order_workflow_price_tolerance = 1e9
        self.env.company.order_workflow_check_all_prices = False  # not the topic
        customer = self.env["res.partner"].create(
            {
                "name": "RPC approval customer",
                "is_company": True,
                "street": "9 Bund",
                "city": "Shanghai",
                "phone": "+86 21 1",
            }
        )
        attach_customer_documents(customer).action_qualify()
        product = self.env["product.product"].create(
            {"name": "RPC press", "list_price": 1.0, "taxes_id": False}
        )
        _uid, clerk = self._login("clerk")
        approvers = {
            login: self._login(login)[1] for login in ("manager", "director", "gm")
        }
        term = self.env.ref("account.account_payment_term_30days").id
        for amount, levels in ((50000, 1), (200000, 2), (800000, 3)):
            order_id = clerk(
                "sale.order",
                "create",
                {
                    "partner_id": customer.id,
                    "requested_date": "2030-06-30",
                    "payment_term_id": term,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": product.id,
                                "price_unit": amount,
                                "tax_id": [],
                            },
                        )
                    ],
                },
            )
            self.assertIs(clerk("sale.order", "action_review_pass", [order_id]), True)
            reviews = clerk(
                "tier.review",
                "search_read",
                [("model", "=", "sale.order"), ("res_id", "=", order_id)],
                ["id", "status"],
            )
            self.assertEqual(len(reviews), levels, amount)
            # nobody writes a review by hand
            with self.assertRaisesRegex(xmlrpc.client.Fault, "can't be edited by hand"):
                clerk(
                    "tier.review", "write", [reviews[0]["id"]], {"status": "approved"}
                )
            with self.assertRaisesRegex(xmlrpc.client.Fault, "before it is approved"):
                clerk("sale.order", "action_quotation_send", [order_id])
            order_of = ["manager", "director", "gm"][:levels]
            for position, login in enumerate(order_of):
                for later in order_of[position + 1 :]:
                    with self.assertRaisesRegex(xmlrpc.client.Fault, "waiting for you"):
                        approvers[later]("sale.order", "action_approve", [order_id])
                self.assertIs(
                    approvers[login]("sale.order", "action_approve", [order_id]), True
                )
            [order] = clerk("sale.order", "read", [order_id], ["workflow_stage"])
            self.assertEqual(order["workflow_stage"], "customer_confirmation")

    def test_confirmation_and_deposit_over_rpc(self):
        """Signed copy verified → held for the deposit; only finance waives it; a
        bank payment reconciling the deposit invoice releases production."""
        self.env.company.order_workflow_price_tolerance = 1e9
        self.env.company.order_workflow_check_all_prices = False  # not the topic
        customer = self.env["res.partner"].create(
            {
                "name": "RPC deposit customer",
                "is_company": True,
                "email": "buyer@rpc-deposit.example.com",
                "street": "1 Canal Road",
                "city": "Wuxi",
                "phone": "+86 510 1",
            }
        )
        attach_customer_documents(
            customer
        ).action_qualify()  # new customers are class C: 30 % deposit
        product = self._mto_product("RPC valve body")
        _uid, clerk = self._login("clerk")
        _uid, manager = self._login("manager")
        _uid, finance = self._login("finance")
        _uid, production = self._login("production")
        order_id = clerk(
            "sale.order",
            "create",
            {
                "partner_id": customer.id,
                "requested_date": "2030-06-30",
                "payment_term_id": self.env.ref(
                    "account.account_payment_term_30days"
                ).id,
                "order_line": [
                    (0, 0, {"product_id": product.id, "price_unit": 1000, "tax_id": []})
                ],
            },
        )
        clerk("sale.order", "action_review_pass", [order_id])
        manager("sale.order", "action_approve", [order_id])
        self.assertIs(
            clerk("sale.order", "action_send_for_confirmation", [order_id]), True
        )
        with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|Only"):
            finance("sale.order", "action_verify_confirmation", [order_id])
        clerk(
            "sale.order",
            "action_register_signed_confirmation",
            [order_id],
            "Wang Fang",
            "2030-01-10",
        )
        self.assertIs(
            clerk("sale.order", "action_verify_confirmation", [order_id]), True
        )
        fields = ["workflow_stage", "deposit_state", "deposit_amount", "invoice_ids"]
        [order] = clerk("sale.order", "read", [order_id], fields)
        self.assertEqual(order["workflow_stage"], "deposit")
        self.assertEqual(order["deposit_amount"], 300.0)
        mos = [("origin", "=", self.env["sale.order"].browse(order_id).name)]
        self.assertFalse(production("mrp.production", "search", mos))
        # nobody but finance lifts the hold
        for call in (clerk, manager):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|Only"):
                call("sale.order", "action_waive_deposit", [order_id], "trust me")
            with self.assertRaisesRegex(xmlrpc.client.Fault, "wait for their deposit"):
                call("sale.order", "action_remove_delivery_block", [order_id])
        # finance posts the proposed deposit invoice and registers the bank payment
        [invoice_id] = order["invoice_ids"]
        self._pay_over_rpc(finance, invoice_id, 300.0)
        [order] = clerk(
            "sale.order", "read", [order_id], fields + ["production_released"]
        )
        self.assertEqual(order["deposit_state"], "paid")
        self.assertTrue(order["production_released"])
        self.assertEqual(order["workflow_stage"], "production")
        mo_ids = production("mrp.production", "search", mos)
        self.assertTrue(mo_ids)
        # the instruction is acknowledged by the production supervisor, nobody else
        _uid, qc = self._login("qc")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|Only"):
            qc("mrp.production", "action_acknowledge_instruction", mo_ids)
        self.assertIs(
            production("mrp.production", "action_acknowledge_instruction", mo_ids), True
        )
        [mo] = production(
            "mrp.production", "read", mo_ids[:1], ["instruction_acknowledged_by_id"]
        )
        self.assertIn(
            "Wu Production Supervisor", mo["instruction_acknowledged_by_id"][1]
        )

    def _mto_product(self, name):
        mto = self.env.ref("stock.route_warehouse0_mto")
        mto.active = True
        product = self.env["product.product"].create(
            {
                "name": name,
                "is_storable": True,
                "taxes_id": False,
                "route_ids": [
                    (
                        6,
                        0,
                        [mto.id, self.env.ref("mrp.route_warehouse0_manufacture").id],
                    )
                ],
            }
        )
        component = self.env["product.product"].create({"name": f"{name} part"})
        self.env["mrp.bom"].create(
            {
                "product_tmpl_id": product.product_tmpl_id.id,
                "bom_line_ids": [
                    (0, 0, {"product_id": component.id, "product_qty": 1})
                ],
            }
        )
        return product

    def _pay_over_rpc(self, finance, invoice_id, amount):
        finance("account.move", "action_post", [invoice_id])
        ctx = {"active_model": "account.move", "active_ids": [invoice_id]}
        wizard_id = finance(
            "account.payment.register", "create", {"amount": amount}, context=ctx
        )
        finance(
            "account.payment.register",
            "action_create_payments",
            [wizard_id],
            context=ctx,
        )

    def test_whole_lifecycle_of_one_order_over_rpc(self):
        """Intake to closed, as the roles do it: a class C customer pays a deposit,
        is held for the balance, pays, and the goods ship and are signed for."""
        self.env.company.order_workflow_price_tolerance = 1e9
        customer = self.env["res.partner"].create(
            {
                "name": "RPC lifecycle customer",
                "is_company": True,
                "email": "buyer@rpc-lifecycle.example.com",
                "street": "8 River Road",
                "city": "Hangzhou",
                "phone": "+86 571 1",
            }
        )
        attach_customer_documents(
            customer
        ).action_qualify()  # class C: 30 % deposit, pays before shipping
        product = self._mto_product("RPC gearbox")
        logins = "clerk manager finance production shipping".split()
        clerk, manager, finance, production, shipping = (
            self._login(login)[1] for login in logins
        )

        def stage():
            [order] = clerk("sale.order", "read", [order_id], ["workflow_stage"])
            return order["workflow_stage"]

        order_id = clerk(
            "sale.order",
            "create",
            {
                "partner_id": customer.id,
                "requested_date": "2030-06-30",
                "payment_term_id": self.env.ref(
                    "account.account_payment_term_30days"
                ).id,
                "order_line": [
                    (0, 0, {"product_id": product.id, "price_unit": 2000, "tax_id": []})
                ],
            },
        )
        stages = [stage()]
        clerk("sale.order", "action_review_pass", [order_id])
        stages.append(stage())
        finance("sale.order", "action_price_approve", [order_id])  # every price
        stages.append(stage())
        manager("sale.order", "action_approve", [order_id])
        stages.append(stage())
        clerk("sale.order", "action_send_for_confirmation", [order_id])
        clerk(
            "sale.order",
            "action_register_signed_confirmation",
            [order_id],
            "Chen Jie",
            "2030-01-10",
        )
        clerk("sale.order", "action_verify_confirmation", [order_id])
        stages.append(stage())
        [deposit_invoice] = clerk("sale.order", "read", [order_id], ["invoice_ids"])[0][
            "invoice_ids"
        ]
        self._pay_over_rpc(finance, deposit_invoice, 600.0)
        stages.append(stage())
        name = self.env["sale.order"].browse(order_id).name
        [mo_id] = production("mrp.production", "search", [("origin", "=", name)])
        production("mrp.production", "action_acknowledge_instruction", [mo_id])
        production("mrp.production", "button_mark_done", [mo_id])
        stages.append(stage())
        # every finished product is inspected before shipping
        _uid, qc = self._login("qc")
        inspections = qc("qc.inspection", "search", [("production_id", "=", mo_id)])
        self.assertEqual(len(inspections), 1)
        for line in qc(
            "qc.inspection.line",
            "search_read",
            [("inspection_id", "in", inspections)],
            ["possible_ql_values"],
        ):
            ok = qc(
                "qc.test.question.value",
                "search",
                [("id", "in", line["possible_ql_values"]), ("ok", "=", True)],
                limit=1,
            )
            qc(
                "qc.inspection.line",
                "write",
                [line["id"]],
                {"qualitative_value": ok[0]},
            )
        self.assertIs(qc("qc.inspection", "action_confirm", inspections), True)
        stages.append(stage())
        [picking_id] = shipping(
            "stock.picking",
            "search",
            [("origin", "=", name), ("picking_type_code", "=", "outgoing")],
        )
        with self.assertRaisesRegex(xmlrpc.client.Fault, "1,400.00 is still due"):
            shipping("stock.picking", "button_validate", [picking_id])
        with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|Only"):
            clerk("sale.order", "action_override_shipping", [order_id], "urgent")
        [balance_invoice] = [
            i
            for i in clerk("sale.order", "read", [order_id], ["invoice_ids"])[0][
                "invoice_ids"
            ]
            if i != deposit_invoice
        ]
        self._pay_over_rpc(finance, balance_invoice, 1400.0)
        stages.append(stage())
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Shipping Request"):
            shipping("stock.picking", "button_validate", [picking_id])
        clerk("sale.order", "action_issue_shipping_request", [order_id])
        shipping("stock.picking", "button_validate", [picking_id])
        stages.append(stage())
        shipping(
            "stock.picking",
            "action_register_receipt",
            [picking_id],
            "Chen Jie",
            "2030-02-01",
        )
        stages.append(stage())
        followup = self.env.ref("order_workflow.activity_followup").id
        [activity_id] = clerk(
            "mail.activity",
            "search",
            [
                ("res_model", "=", "sale.order"),
                ("res_id", "=", order_id),
                ("activity_type_id", "=", followup),
            ],
        )
        clerk("mail.activity", "action_feedback", [activity_id], feedback="Happy")
        stages.append(stage())
        # closed when 100 % is invoiced and paid: the clerk invoices (the final
        # invoice deducts the deposit and the balance), finance posts
        ctx = {"active_model": "sale.order", "active_ids": [order_id]}
        wizard_id = clerk(
            "sale.advance.payment.inv",
            "create",
            {"advance_payment_method": "delivered"},
            context=ctx,
        )
        clerk("sale.advance.payment.inv", "create_invoices", [wizard_id], context=ctx)
        [order] = clerk("sale.order", "read", [order_id], ["invoice_ids"])
        finance("account.move", "action_post", [max(order["invoice_ids"])])
        stages.append(stage())
        self.assertEqual(
            stages,
            CLASS_C_PATH,
        )

    def test_class_a_ships_override_and_disputed_receipt_over_rpc(self):
        self.env.company.order_workflow_price_tolerance = 1e9
        self.env.company.order_workflow_check_all_prices = False  # not the topic
        customer_a = self.env["res.partner"].create(
            {
                "name": "RPC class A customer",
                "is_company": True,
                "email": "a@rpc.example.com",
                "street": "1 Lake Road",
                "city": "Suzhou",
                "phone": "+86 512 2",
            }
        )
        attach_customer_documents(customer_a).action_qualify()
        customer_a.credit_class = "A"
        customer_b = customer_a.copy({"name": "RPC class B customer"})
        attach_customer_documents(customer_b).action_qualify()
        customer_b.write({"credit_class": "B", "deposit_percent": 0.0})
        product = self._mto_product("RPC pump")
        product.ships_without_inspection = True  # the quality gate is not the topic
        logins = "clerk manager production shipping service finance".split()
        clerk, manager, production, shipping, service, finance = (
            self._login(login)[1] for login in logins
        )
        pickings = {}
        for customer in (customer_a, customer_b):
            order_id = clerk(
                "sale.order",
                "create",
                {
                    "partner_id": customer.id,
                    "requested_date": "2030-06-30",
                    "payment_term_id": self.env.ref(
                        "account.account_payment_term_30days"
                    ).id,
                    "order_line": [
                        (
                            0,
                            0,
                            {"product_id": product.id, "price_unit": 500, "tax_id": []},
                        )
                    ],
                },
            )
            clerk("sale.order", "action_review_pass", [order_id])
            manager("sale.order", "action_approve", [order_id])
            clerk("sale.order", "action_send_for_confirmation", [order_id])
            clerk(
                "sale.order",
                "action_register_signed_confirmation",
                [order_id],
                "Li Lei",
                "2030-01-10",
            )
            clerk("sale.order", "action_verify_confirmation", [order_id])
            name = self.env["sale.order"].browse(order_id).name
            [mo_id] = production("mrp.production", "search", [("origin", "=", name)])
            production("mrp.production", "button_mark_done", [mo_id])
            [picking_id] = shipping(
                "stock.picking",
                "search",
                [("origin", "=", name), ("picking_type_code", "=", "outgoing")],
            )
            pickings[customer] = (order_id, picking_id)
        # class A: released on its terms; ships once the request is issued
        order_a, picking_a = pickings[customer_a]
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Shipping Request"):
            shipping("stock.picking", "button_validate", [picking_a])
        clerk("sale.order", "action_issue_shipping_request", [order_a])
        with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|Only"):
            clerk("stock.picking", "button_validate", [picking_a])
        shipping("stock.picking", "button_validate", [picking_a])
        shipping(
            "stock.picking",
            "action_register_receipt",
            [picking_a],
            "Li Lei",
            "2030-02-01",
            "Two cartons wet",
        )
        [picking] = clerk("stock.picking", "read", [picking_a], ["receipt_state"])
        self.assertEqual(picking["receipt_state"], "disputed")
        self.assertTrue(
            service(
                "helpdesk.ticket",
                "search",
                [("picking_id", "=", picking_a), ("is_complaint", "=", True)],
            )
        )
        # class B: held for the balance; finance releases it on credit, then the
        # service supervisor overrides the paperwork, not the clerk
        order_b, picking_b = pickings[customer_b]
        with self.assertRaisesRegex(xmlrpc.client.Fault, "500.00 is still due"):
            shipping("stock.picking", "button_validate", [picking_b])
        with self.assertRaisesRegex(xmlrpc.client.Fault, "shipping request only"):
            service("sale.order", "action_override_shipping", [order_b], "urgent")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|Only"):
            service("sale.order", "action_release_on_credit", [order_b], "urgent")
        finance("sale.order", "action_release_on_credit", [order_b], "Pays monthly")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "AccessError|Only"):
            clerk("sale.order", "action_override_shipping", [order_b], "urgent")
        service(
            "sale.order", "action_override_shipping", [order_b], "Customer line stop"
        )
        shipping("stock.picking", "button_validate", [picking_b])
        [order] = clerk(
            "sale.order",
            "read",
            [order_b],
            ["workflow_stage", "shipping_override_by_id"],
        )
        self.assertEqual(order["workflow_stage"], "shipped")
        self.assertTrue(order["shipping_override_by_id"])
