# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_intake_review import ReviewCase


class ConfirmationCase(ReviewCase):
    """Approved orders of a customer with an e-mail address (no tests of its own)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.order_workflow_price_tolerance = 1e9
        cls.good_customer.email = "buyer@qualified.example.com"
        # class A: no deposit, production is released at verification
        cls.good_customer.credit_class = "A"

    def _approved_order(self):
        order = self._complete_order()
        order.with_user(self.clerk).action_review_pass()
        order.with_user(self.manager).action_approve()
        self.assertEqual(order.workflow_stage, "customer_confirmation")
        return order


@tagged("post_install", "-at_install")
class TestCustomerConfirmation(ConfirmationCase):
    def test_sending_before_approval_is_refused(self):
        order = self._complete_order()
        order.with_user(self.clerk).action_review_pass()
        with self.assertRaisesRegex(UserError, "stage"):
            order.with_user(self.clerk).action_send_for_confirmation()
        self.assertEqual(order.confirmation_state, "not_sent")

    def test_send_e_mails_the_confirmation_with_the_form(self):
        order = self._approved_order()
        with self.assertRaises(AccessError):
            order.with_user(self.tech).action_send_for_confirmation()
        self.assertIs(order.with_user(self.clerk).action_send_for_confirmation(), True)
        self.assertEqual(order.confirmation_state, "sent")
        self.assertEqual(order.state, "sent")
        self.assertTrue(order.require_signature)
        self.assertFalse(
            order.message_ids.filtered(lambda m: m.attachment_ids),
            "the PDF is rendered after the click",
        )
        self._send_queued()
        message = order.message_ids.filtered(
            lambda m: "please sign and return" in (m.subject or "")
        )
        self.assertTrue(message)
        self.assertIn(self.good_customer, message.partner_ids)
        self.assertTrue(
            message.attachment_ids.filtered(lambda a: "Order Confirmation" in a.name)
        )

    def test_customer_without_e_mail(self):
        order = self._approved_order()
        self.good_customer.email = False
        with self.assertRaisesRegex(UserError, "no e-mail address"):
            order.with_user(self.clerk).action_send_for_confirmation()
        self.assertEqual(order.confirmation_state, "not_sent")

    def test_scanned_copy_then_verification_confirms(self):
        order = self._approved_order()
        order.with_user(self.clerk).action_send_for_confirmation()
        with self.assertRaisesRegex(UserError, "before the customer's signed"):
            order.with_user(self.clerk).action_confirm()
        with self.assertRaisesRegex(UserError, "Verify|verify|returned"):
            order.with_user(self.clerk).action_verify_confirmation()
        with self.assertRaisesRegex(UserError, "who signed"):
            order.with_user(self.clerk).action_register_signed_confirmation(
                "", "2026-11-20"
            )
        self.assertIs(
            order.with_user(self.clerk).action_register_signed_confirmation(
                "Zhang Wei", "2026-11-20"
            ),
            True,
        )
        self.assertEqual(order.confirmation_state, "returned")
        self.assertEqual(order.signed_by, "Zhang Wei")
        with self.assertRaises(AccessError):
            order.with_user(self.finance).action_verify_confirmation()
        self.assertIs(order.with_user(self.clerk).action_verify_confirmation(), True)
        self.assertEqual(order.confirmation_state, "verified")
        self.assertEqual(order.confirmation_verified_by_id, self.clerk)
        self.assertEqual(order.state, "sale")
        # goods from stock, nothing to manufacture: ready to ship at once
        self.assertEqual(order.workflow_stage, "ready")

    def test_failed_verification_goes_back_to_sent(self):
        order = self._approved_order()
        order.with_user(self.clerk).action_send_for_confirmation()
        order.with_user(self.clerk).action_register_signed_confirmation(
            "Unreadable", "2026-11-20"
        )
        with self.assertRaisesRegex(UserError, "what is wrong"):
            order.with_user(self.clerk).action_reject_returned_confirmation(" ")
        order.with_user(self.clerk).action_reject_returned_confirmation(
            "Stamp missing, quantity on line 2 changed by hand"
        )
        self.assertEqual(order.confirmation_state, "sent")
        self.assertFalse(order.signed_by)
        self.assertIn("Stamp missing", order.confirmation_problem)
        self.assertTrue(
            order.activity_ids.filtered(lambda a: "new signed" in (a.summary or ""))
        )
        self.assertEqual(order.state, "sent")

    def test_register_wizard_attaches_the_scan(self):
        order = self._approved_order()
        order.with_user(self.clerk).action_send_for_confirmation()
        scan = (
            self.env["ir.attachment"]
            .with_user(self.clerk)
            .create({"name": "signed.pdf", "raw": b"%PDF-1.4"})
        )
        action = order.with_user(self.clerk).action_open_register_confirmation_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.clerk)
            .with_context(**action["context"])
            .create({"signed_on": "2026-11-21", "scan_ids": [Command.link(scan.id)]})
        )
        self.assertEqual(wizard.signed_by, self.good_customer.name)
        wizard.action_register()
        self.assertEqual(order.confirmation_scan_ids, scan)
        self.assertEqual(order.confirmation_state, "returned")

    def test_prepayment_does_not_confirm(self):
        order = self._approved_order()
        order.with_user(self.clerk).action_send_for_confirmation()
        self.assertFalse(order._is_confirmation_amount_reached())

    def test_customer_form_not_printed_before_approval(self):
        order = self._complete_order()
        report = self.env["ir.actions.report"].with_user(self.clerk)
        with self.assertRaisesRegex(UserError, "printed for the customer"):
            report._render_qweb_html(
                "order_workflow.report_order_confirmation", order.ids
            )
        order = self._approved_order()
        html, _fmt = report._render_qweb_html(
            "order_workflow.report_order_confirmation", order.ids
        )
        for text in ("Order Confirmation", order.name, "signature and stamp"):
            self.assertIn(text, html.decode())

    def test_change_after_sending_voids_the_confirmation(self):
        order = self._approved_order()
        order.with_user(self.clerk).action_send_for_confirmation()
        order.with_user(self.clerk).action_register_signed_confirmation(
            "Zhang Wei", "2026-11-20"
        )
        order.order_line.with_user(self.clerk).product_uom_qty = 5
        self.assertEqual(order.workflow_stage, "approval")
        self.assertEqual(order.confirmation_state, "not_sent")
        self.assertFalse(order.signed_by)
        order.with_user(self.manager).action_approve()
        self.assertEqual(order.workflow_stage, "customer_confirmation")
        with self.assertRaisesRegex(UserError, "is Not sent"):
            order.with_user(self.clerk).action_verify_confirmation()
