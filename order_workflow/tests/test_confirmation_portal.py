# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer signs on the portal: the copy is returned, the order not confirmed."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .common import attach_customer_documents

# a 1x1 PNG, as the portal's signature widget sends it
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6"
    "kgAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPortalSignature(HttpCase):
    def test_portal_signature_returns_the_copy_without_confirming(self):
        env = self.env
        env.company.order_workflow_price_tolerance = 1e9
        env.company.order_workflow_check_all_prices = False
        customer = env["res.partner"].create(
            {
                "name": "Portal Customer",
                "is_company": True,
                "street": "3 Lake Road",
                "city": "Wuxi",
                "email": "portal@example.com",
            }
        )
        attach_customer_documents(customer).action_qualify()
        product = env["product.product"].create(
            {"name": "Portal pump", "list_price": 1}
        )
        order = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "requested_date": fields.Date.today() + timedelta(days=45),
                "payment_term_id": env.ref("account.account_payment_term_30days").id,
                "order_line": [
                    Command.create({"product_id": product.id, "price_unit": 500})
                ],
            }
        )
        order.action_review_pass()
        order.with_user(env.ref("order_workflow.user_demo_manager")).action_approve()
        order.with_user(
            env.ref("order_workflow.user_demo_clerk")
        ).action_send_for_confirmation()
        self.assertEqual(order.confirmation_state, "sent")
        self.env.flush_all()
        response = self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {
                "access_token": order._portal_ensure_token(),
                "name": "Li Na",
                "signature": SIGNATURE,
            },
        )
        self.assertFalse(response.get("error"), response)
        order.invalidate_recordset()
        self.assertEqual(order.signed_by, "Li Na")
        self.assertEqual(order.confirmation_state, "returned")
        self.assertIn(order.state, ("draft", "sent"), "the order is not confirmed")
        self.assertEqual(order.workflow_stage, "customer_confirmation")
