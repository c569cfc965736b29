# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import attach_customer_documents


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    def test_menu_and_quotation_form(self):
        """A clerk opens Order Workflow, sees the stage kanban, creates a quotation."""
        partner = self.env["res.partner"].create(
            {"name": "Tour Customer 巡回客户", "is_company": True}
        )
        self.start_tour("/odoo", "order_workflow_menu_tour", login="clerk")
        order = self.env["sale.order"].search(
            [("partner_id", "=", partner.id)], order="id desc", limit=1
        )
        self.assertTrue(order, "the tour saved a quotation")
        self.assertTrue(order.use_order_workflow)
        self.assertEqual(order.workflow_stage, "intake")

    def test_intake_info_needed_then_pass(self):
        """Issue 3: new customer, missing information asked, answered, review passed."""
        self.env["product.product"].create(
            {"name": "Tour Widget", "list_price": 50.0, "type": "consu"}
        )
        self.start_tour(
            "/odoo/action-order_workflow.action_order_workflow_orders",
            "order_workflow_intake_tour",
            login="clerk",
        )
        order = self.env["sale.order"].search(
            [("partner_id.name", "=", "Brand New Tour Customer")], limit=1
        )
        self.assertEqual(order.workflow_stage, "info_needed")
        self.assertTrue(order.info_due_at)
        customer = order.partner_id
        self.assertEqual(customer.qualification_state, "new")
        # the customer answered; the sales manager files and qualifies the customer
        customer.write(
            {"street": "8 Canal Road", "city": "Ningbo", "phone": "+86 574 1"}
        )
        attach_customer_documents(customer).with_user(
            self.env.ref("order_workflow.user_demo_manager")
        ).action_qualify()
        order.requested_date = "2026-12-31"
        self.env.flush_all()  # the browser's requests read the database, not this cache
        self.start_tour(
            f"/odoo/action-order_workflow.action_order_workflow_orders/{order.id}",
            "order_workflow_pass_review_tour",
            login="clerk",
        )
        self.assertEqual(order.review_state, "passed")
        # finance checks the prices of every order (company setting, on by default)
        self.assertEqual(order.workflow_stage, "price_review")
        self.assertEqual(str(order.requested_date), "2026-12-31")

    def test_technical_reviewer_assesses(self):
        """Issue 4: the technical reviewer opens the review waiting for them."""
        customer = self.env["res.partner"].create(
            {"name": "Tour Tech Customer", "is_company": True}
        )
        product = self.env["product.product"].create(
            {"name": "Tour special", "list_price": 10.0}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create({"product_id": product.id, "is_nonstandard": True})
                ],
            }
        )
        review = self.env["order_workflow.technical.review"]._open_for(order)
        self.start_tour(
            "/odoo/action-order_workflow.action_technical_review",
            "order_workflow_technical_tour",
            login="tech",
        )
        self.assertEqual(review.assessment, "feasible")
        self.assertEqual(review.assessed_by_id.login, "tech")
        self.assertEqual(review.assessment_note, "Standard tooling, 3 extra days.")
