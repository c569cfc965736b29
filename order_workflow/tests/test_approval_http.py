# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Approving from the e-mail link and from the chatter activity, as real users."""

import re
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .common import attach_customer_documents


@tagged("post_install", "-at_install")
class TestApprovalHttp(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.order_workflow_price_tolerance = 1e9
        cls.env.company.order_workflow_check_all_prices = False
        customer = cls.env["res.partner"].create(
            {
                "name": "HTTP Customer",
                "is_company": True,
                "street": "1 Road",
                "city": "Hangzhou",
                "phone": "1",
            }
        )
        attach_customer_documents(customer).action_qualify()
        product = cls.env["product.product"].create(
            {"name": "HTTP machine", "list_price": 1.0, "taxes_id": False}
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "requested_date": fields.Date.today() + timedelta(days=45),
                "payment_term_id": cls.env.ref(
                    "account.account_payment_term_30days"
                ).id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "price_unit": 200000,
                            "tax_id": False,
                        }
                    )
                ],
            }
        )
        cls.order.action_review_pass()
        assert cls.order.workflow_stage == "approval"

    def _url(self, decision):
        return f"/order_workflow/approval/{self.order.id}/{decision}"

    def test_email_link_get_changes_nothing_post_decides(self):
        self.authenticate("manager", "manager")
        page = self.url_open(self._url("approve"))
        self.assertEqual(page.status_code, 200)
        self.assertIn("Approve", page.text)
        self.assertIn("csrf_token", page.text)
        self.assertNotEqual(
            self.order.review_ids.sorted("sequence")[0].status, "approved"
        )
        # the director's turn has not come: the page refuses, and so does the POST
        self.authenticate("director", "director")
        refused = self.url_open(self._url("approve"))
        self.assertEqual(refused.status_code, 403)
        refused = self.url_open(
            self._url("approve"),
            data={"csrf_token": self._csrf()},
            allow_redirects=False,
        )
        self.assertEqual(refused.status_code, 403)
        self.assertNotIn("approved", self.order.review_ids.mapped("status"))
        # the manager decides with a POST
        self.authenticate("manager", "manager")
        done = self.url_open(self._url("approve"), data={"csrf_token": self._csrf()})
        self.assertEqual(done.status_code, 200)
        self.order.invalidate_recordset()
        self.assertEqual(self.order.review_ids.sorted("sequence")[0].status, "approved")
        # the director rejects from the link, with a reason
        self.authenticate("director", "director")
        page = self.url_open(self._url("reject"))
        self.assertIn("textarea", page.text)
        done = self.url_open(
            self._url("reject"),
            data={"csrf_token": self._csrf(), "reason": "Margin too thin"},
        )
        self.assertEqual(done.status_code, 200)
        self.order.invalidate_recordset()
        self.assertEqual(self.order.validation_status, "rejected")
        self.assertEqual(self.order.ow_approval_rejected_reason, "Margin too thin")

    def test_post_without_csrf_is_refused(self):
        self.authenticate("manager", "manager")
        response = self.url_open(self._url("approve"), data={"x": "1"})
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn("approved", self.order.review_ids.mapped("status"))

    def _csrf(self):
        """The session's CSRF token, as the web client page carries it."""
        page = self.url_open("/odoo").text
        return re.search(r'csrf_token: "([^"]+)"', page).group(1)

    def test_manager_approves_from_the_chatter_activity(self):
        self.start_tour(
            f"/odoo/action-order_workflow.action_order_workflow_orders/{self.order.id}",
            "order_workflow_approval_tour",
            login="manager",
        )
        self.order.invalidate_recordset()
        first = self.order.review_ids.sorted("sequence")[0]
        self.assertEqual(first.status, "approved")
        self.assertEqual(first.done_by.login, "manager")
