# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer sees a workflow order's progress on the portal (issue 21): its stage in
customer-facing words and the promised date; nothing for an order outside the
workflow."""

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import format_date

from ..models.sale_order import LIFECYCLE
from ..models.sale_order_portal import PORTAL_STAGE_OF, PORTAL_STAGES


@tagged("post_install", "-at_install")
class TestPortalProgress(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.customer = env.ref("order_workflow.demo_customer_a")
        cls.contact = env["res.partner"].create(
            {
                "name": "Li Na",
                "parent_id": cls.customer.id,
                "email": "li.na@example.com",
            }
        )
        new_test_user(
            env,
            login="ow_portal_progress",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        cls.orders = env["sale.order"].search(
            [
                ("partner_id", "=", cls.customer.id),
                ("use_order_workflow", "=", True),
            ]
        )

    def _order_in(self, stage):
        order = self.orders.filtered(lambda o: o.workflow_stage == stage)[:1]
        self.assertTrue(order, f"the demo data has an order of customer A in {stage}")
        return order

    def _page(self, order):
        response = self.url_open(order.get_portal_url())
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_every_stage_has_a_customer_label(self):
        keys = dict(PORTAL_STAGES)
        for stage, _label, _waits, _arrival in LIFECYCLE:
            self.assertIn(PORTAL_STAGE_OF.get(stage), keys, stage)
        # the internal gates are one step for the customer
        for stage in ("intake", "technical_review", "price_review", "approval"):
            self.assertEqual(keys[PORTAL_STAGE_OF[stage]], "Being reviewed")

    def test_portal_shows_stage_and_promised_date(self):
        self.authenticate("ow_portal_progress", "ow_portal_progress")
        order = self._order_in("production")
        self.assertTrue(order.promised_date)
        self.assertEqual(order.portal_stage, "production")
        html = self._page(order)
        self.assertIn("o_ow_portal_stage", html)
        self.assertIn("In production", html)
        self.assertIn("o_ow_portal_promised_date", html)
        self.assertIn(format_date(self.env, order.promised_date), html)
        # an internal gate: "Being reviewed"; no promised date yet
        order = self._order_in("technical_review")
        self.assertFalse(order.promised_date)
        html = self._page(order)
        self.assertIn("Being reviewed", html)
        self.assertNotIn("Technical review", html)
        self.assertNotIn("o_ow_portal_promised_date", html)
        # the page follows the stage
        order = self._order_in("customer_confirmation")
        self.assertIn("Awaiting your confirmation", self._page(order))

    def test_nothing_shown_outside_the_workflow(self):
        team = self.env["crm.team"].create(
            {"name": "Portal plain team", "use_order_workflow": False}
        )
        product = self.env["product.product"].create(
            {"name": "Portal plain product", "list_price": 10, "type": "consu"}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "team_id": team.id,
                "order_line": [Command.create({"product_id": product.id})],
            }
        )
        order.action_confirm()
        self.assertFalse(order.use_order_workflow)
        self.assertFalse(order.portal_stage)
        self.authenticate("ow_portal_progress", "ow_portal_progress")
        html = self._page(order)
        self.assertIn(order.name, html)
        self.assertNotIn("o_ow_portal_stage", html)
        self.assertNotIn("o_ow_portal_promised_date", html)
