# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Preliminary Review Form (订单初步审核表) and the Order Review Checklist
(合同/订单评审检查清单), checked in their HTML rendering (the PDF is checked in
test_review_forms_pdf.py, in an HttpCase)."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .test_intake_review import ReviewCase

PRELIMINARY = "order_workflow.report_preliminary_review"
CHECKLIST = "order_workflow.report_order_review_checklist"


@tagged("post_install", "-at_install")
class TestReviewForms(ReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.purchase = cls.users["group_purchase_reviewer"]

    def _html(self, report, orders, user=None):
        """The form as ``user`` (the order clerk by default) prints it."""
        html, _fmt = (
            self.env["ir.actions.report"]
            .with_user(user or self.clerk)
            ._render_qweb_html(report, orders.ids)
        )
        return html.decode()

    # -- Preliminary Review Form -------------------------------------------------------
    def test_preliminary_form_of_an_incomplete_order(self):
        self.env["order_workflow.review.check"].create(
            {
                "name": "Drawing number given",
                "domain": "[('client_order_ref', 'like', 'DRW')]",
            }
        )
        order = self._create_order(client_order_ref="PO-7781")
        html = self._html(PRELIMINARY, order)
        for expected in (
            "Preliminary Review Form",
            order.name,
            "PO-7781",
            "Workflow product",
            "is not qualified yet",
            "Delivery address: street missing.",
            "Requested date: missing.",
            "Payment terms: missing.",
            "Drawing number given",
            "Pending",
        ):
            self.assertIn(expected, html)
        # customer, address, contact, requested date, payment terms and the extra
        # check are missing; the product line is complete
        self.assertEqual(html.count("ow-check-missing"), 6)
        self.assertEqual(html.count("ow-check-ok"), 1)
        self.assertNotIn("Nothing missing.", html)

    def test_preliminary_form_after_the_review_passed(self):
        order = self._complete_order(client_order_ref="PO-1200")
        order.with_user(self.clerk).action_review_pass()
        html = self._html(PRELIMINARY, order)
        for expected in (
            "PO-1200",
            "Qualified Customer Ltd",
            "1 Factory Road",
            "+86 512 0000 0000",
            self.payment_term.name,
            "Passed",
            self.clerk.name,
            "Nothing missing.",
        ):
            self.assertIn(expected, html)
        self.assertEqual(html.count("ow-check-ok"), 6)
        self.assertNotIn("ow-check-missing", html)

    def test_preliminary_form_shows_what_was_asked_of_the_customer(self):
        order = self._complete_order()
        order.with_user(self.clerk).action_review_need_info("Send the drawing number")
        html = self._html(PRELIMINARY, order)
        self.assertIn("Info needed", html)
        self.assertIn("Send the drawing number", html)
        self.assertIn("Information due", html)

    # -- Order Review Checklist --------------------------------------------------------
    def _first_order(self):
        self.product.inspection_before_shipping = True
        order = self._complete_order(
            price=80.0,
            client_order_ref="PO-FIRST",
            packaging_requirements="Wooden crates, 10 per crate",
        )
        order.order_line.write(
            {"is_nonstandard": True, "nonstandard_note": "Stainless housing"}
        )
        order.with_user(self.clerk).action_review_pass()
        return order

    def test_checklist_of_a_first_order_before_the_decisions(self):
        order = self._first_order()
        self.assertTrue(order.first_order_of_customer)
        html = self._html(CHECKLIST, order)
        for expected in (
            "Order Review Checklist",
            order.name,
            "PO-FIRST",
            "ow-first-order",
            "Stainless housing",
            "-20.0",
            "Wooden crates, 10 per crate",
            "Inspected before shipping",
        ):
            self.assertIn(expected, html)
        # price, technical review and approval are still open
        self.assertEqual(html.count("ow-result-open"), 3)
        self.assertEqual(html.count("ow-result-manual"), 2)  # quality, shipping

    def test_checklist_shows_the_decisions_and_who_made_them(self):
        order = self._first_order()
        review = order.technical_review_ids
        review.with_user(self.tech).action_assess("feasible", "Can be made")
        review.with_user(self.clerk).action_record_drawing_approval("2026-11-20")
        review.with_user(self.purchase).action_sign_material_statement("Sheet in stock")
        review.with_user(self.tech).action_confirm_feasible()
        order.with_user(self.finance).action_price_approve()
        self.assertEqual(order.workflow_stage, "approval")
        order.with_user(self.manager).action_approve()
        html = self._html(CHECKLIST, order)
        for name in (self.clerk, self.tech, self.purchase, self.finance, self.manager):
            self.assertIn(name.name, html)
        self.assertIn(review.name, html)
        # price, date, technical, payment terms, credit and approval are settled
        self.assertEqual(html.count("ow-result-ok"), 6)
        self.assertNotIn("ow-result-open", html)
        self.assertNotIn("ow-result-problem", html)

    def test_checklist_flags_a_requested_date_inside_the_lead_time(self):
        order = self._complete_order(
            requested_date=fields.Date.today() + timedelta(days=3)
        )
        self.assertEqual(order.lead_days, 15)
        html = self._html(CHECKLIST, order)
        self.assertIn("earlier than the lead time allows", html)
        self.assertEqual(html.count("ow-result-open"), 2)  # the date and the approval

    def test_checklist_of_a_blocked_customer_and_missing_terms(self):
        order = self._complete_order(payment_term_id=False)
        self.good_customer.with_user(self.manager).action_block("Unpaid invoices")
        html = self._html(CHECKLIST, order)
        self.assertIn("Unpaid invoices", html)
        self.assertEqual(html.count("ow-result-problem"), 2)  # payment terms, credit

    def test_first_order_of_customer_stays_after_confirmation(self):
        quotation = self._complete_order()
        self.assertTrue(quotation.first_order_of_customer)
        with freeze_time("2031-01-10 10:00:00"):
            first = self._complete_order(team=self.team_off)
            first.action_confirm()
        with freeze_time("2031-02-10 10:00:00"):
            second = self._complete_order(team=self.team_off)
            second.action_confirm()
        (quotation | first | second).invalidate_recordset(["first_order_of_customer"])
        self.assertTrue(first.first_order_of_customer)
        self.assertFalse(second.first_order_of_customer)
        self.assertFalse(quotation.first_order_of_customer)
        self.assertFalse(quotation.is_first_order)
        html = self._html(CHECKLIST, first | quotation)
        self.assertEqual(html.count("ow-first-order"), 1)
        self.assertEqual(html.count("ow-not-first-order"), 1)

    def test_forms_are_in_the_print_menu_and_on_the_review_page(self):
        for xmlid in (
            "order_workflow.action_report_preliminary_review",
            "order_workflow.action_report_order_review_checklist",
        ):
            action = self.env.ref(xmlid)
            self.assertEqual(action.binding_model_id.model, "sale.order")
            self.assertEqual(action.report_type, "qweb-pdf")
        arch = (
            self.env["sale.order"]
            .with_user(self.clerk)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        arch = arch.decode() if isinstance(arch, bytes) else arch
        self.assertIn("Print preliminary review form", arch)
        self.assertIn("Print order review checklist", arch)
