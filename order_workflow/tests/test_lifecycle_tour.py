# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One order from intake to closed in Chromium, each role doing its part."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .common import attach_customer_documents
from .test_confirmation_portal import SIGNATURE

ORDERS = "/odoo/action-order_workflow.action_order_workflow_orders"


@tagged("post_install", "-at_install")
class TestLifecycleTour(HttpCase):
    def _tour(self, name, login, url=None):
        self.env.flush_all()
        self.start_tour(url or f"{ORDERS}/{self.order.id}", name, login=login)
        self.env.invalidate_all()

    def test_one_order_from_intake_to_closed(self):
        env = self.env
        env.company.order_workflow_price_tolerance = 1e9
        customer = env["res.partner"].create(
            {
                "name": "Lifecycle Tour Customer",
                "is_company": True,
                "street": "5 Lake Road",
                "city": "Wuxi",
                "phone": "+86 510 5",
                "email": "tour@lifecycle.example.com",
            }
        )
        attach_customer_documents(customer).action_qualify()
        # class A ships on its terms; a deposit agreed all the same
        customer.write({"credit_class": "A", "deposit_percent": 30.0})
        valve = env.ref("order_workflow.demo_product_valve")
        clerk = env.ref("order_workflow.user_demo_clerk")
        self.order = (
            env["sale.order"]
            .with_user(clerk)
            .create(
                {
                    "partner_id": customer.id,
                    "user_id": clerk.id,
                    "requested_date": fields.Date.today() + timedelta(days=45),
                    "payment_term_id": env.ref(
                        "account.account_payment_term_30days"
                    ).id,
                    "order_line": [
                        Command.create({"product_id": valve.id, "price_unit": 900})
                    ],
                }
            )
        )
        order = self.order
        self._tour("order_workflow_lifecycle_clerk_review", "clerk")
        self._tour("order_workflow_lifecycle_finance_prices", "finance")
        self._tour("order_workflow_approval_tour", "manager")
        self._tour("order_workflow_lifecycle_clerk_send", "clerk")
        # the customer signs on the portal
        response = self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {
                "access_token": order._portal_ensure_token(),
                "name": "Lifecycle Buyer",
                "signature": SIGNATURE,
            },
        )
        self.assertFalse(response.get("error"), response)
        self.assertEqual(order.confirmation_state, "returned")
        self._tour("order_workflow_lifecycle_clerk_verify", "clerk")
        self.assertEqual(order.state, "sale")
        self._tour("order_workflow_lifecycle_finance_waive", "finance")
        production = order.sudo().ow_production_ids
        self.assertEqual(len(production), 1)
        self._tour(
            "order_workflow_lifecycle_production",
            "production",
            url=f"/odoo/action-mrp.mrp_production_action/{production.id}",
        )
        self.assertEqual(production.state, "done")
        # finished goods are inspected before shipping (OCA's inspection form)
        self.assertEqual(order.workflow_stage, "quality")
        inspection = production.qc_inspections_ids
        for line in inspection.inspection_lines:
            line.qualitative_value = line.test_line.ql_values.filtered("ok")[:1]
        inspection.with_user(env.ref("order_workflow.user_demo_qc")).action_confirm()
        self.assertEqual(order.workflow_stage, "ready")
        self._tour("order_workflow_lifecycle_clerk_request", "clerk")
        picking = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        self._tour(
            "order_workflow_lifecycle_shipping",
            "shipping",
            url=f"/odoo/action-stock.action_picking_tree_all/{picking.id}",
        )
        self.assertEqual(picking.receipt_state, "received")
        self._tour("order_workflow_lifecycle_followup", "clerk")
        self.assertEqual(order.workflow_stage, "collection", "closed once paid")
        self.assertTrue(order.followup_feedback)
        self.assertEqual(order.satisfaction_service, 4, "scored in the follow-up form")
