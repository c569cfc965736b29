# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The gates can't be walked around: not by writing the workflow's fields, not by a
context key, not by a credit note, not by cancelling and starting over."""

import base64
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_shipping import ShippingCase


@tagged("post_install", "-at_install")
class TestIntegrity(ShippingCase):
    def test_the_workflow_fields_are_not_written_by_hand(self):
        order = self._verified_order(user_id=self.clerk.id)
        self.assertEqual(order.deposit_state, "waiting")
        forged = {
            self.clerk: {"deposit_state": "waived"},
            self.supervisor: {"production_released": True},
            self.shipper: {"shipping_release_state": "released"},
            self.finance: {"deposit_paid_date": "2026-11-01"},
            self.manager: {"confirmation_state": "not_sent"},
        }
        for user, vals in forged.items():
            with self.assertRaisesRegex(AccessError, "by hand"):
                order.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            order.with_user(self.clerk).copy({"review_state": "passed"})
        # a context key is not a pass: the deposit hold stays
        with self.assertRaisesRegex(UserError, "wait for their deposit"):
            order.with_user(self.clerk).with_context(_ow_deposit_hold=True).write(
                {"delivery_block_id": False}
            )
        self.assertEqual(order.deposit_state, "waiting")
        self.assertTrue(order.delivery_block_id)
        self.assertFalse(self._mos(order))

    def test_picking_mo_and_customer_fields_are_not_written_by_hand(self):
        order = self._ready_order()
        picking = self._out_picking(order)
        for vals in (
            {"shipping_override_on": "2026-01-01 00:00:00"},
            {"receipt_state": "received"},
        ):
            with self.assertRaisesRegex(AccessError, "by hand"):
                picking.with_user(self.shipper).write(vals)
        with self.assertRaisesRegex(AccessError, "by hand"):
            order.ow_production_ids[:1].with_user(self.supervisor).write(
                {"instruction_acknowledged_by_id": self.supervisor.id}
            )
        with self.assertRaisesRegex(AccessError, "by hand"):
            self.customer_c.with_user(self.clerk).write(
                {"qualified_by_id": self.clerk.id}
            )
        # Odoo copying the company's fields to a new contact is not a change
        contact = (
            self.env["res.partner"]
            .with_user(self.clerk)
            .create({"name": "Buyer", "parent_id": self.customer_c.id})
        )
        self.assertEqual(contact.qualified_by_id, self.customer_c.qualified_by_id)

    def test_a_context_key_does_not_approve_a_tier(self):
        order = self._complete_order()
        order.with_user(self.clerk).action_review_pass()
        review = order.sudo().review_ids[:1]
        self.assertNotEqual(review.status, "approved")
        with self.assertRaises(AccessError):
            review.with_user(self.clerk).with_context(_ow_tier_ok=True).write(
                {"status": "approved"}
            )
        self.assertNotEqual(review.status, "approved")

    def test_cancel_in_approval_then_back_to_quotation_starts_again(self):
        order = self._complete_order()
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.workflow_stage, "approval")
        self.assertTrue(order.sudo().review_ids)
        order.with_user(self.clerk).action_cancel()
        self.assertEqual(order.workflow_stage, "cancelled")
        self.assertFalse(order.sudo().review_ids)
        order.with_user(self.clerk).action_draft()
        self.assertEqual(order.workflow_stage, "intake")
        self.assertEqual(order.review_state, "pending")
        self.assertEqual(order.confirmation_state, "not_sent")
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.workflow_stage, "approval")
        self.assertTrue(order.sudo().review_ids, "approval requested again")

    def test_verified_order_cancelled_and_requoted_is_signed_again(self):
        order = self._verified_order()
        self.assertEqual(order.confirmation_state, "verified")
        # as the cancel wizard does it; cancelling the draft deposit invoice needs
        # invoicing rights, as in Odoo without the workflow
        order.with_context(disable_cancel_warning=True).action_cancel()
        self.assertEqual(order.workflow_stage, "cancelled")
        order.with_user(self.clerk).action_draft()
        self.assertEqual(order.confirmation_state, "not_sent")
        self.assertEqual(order.deposit_state, "waiting")
        self.assertFalse(order.production_released)

    def test_credit_note_on_the_deposit_invoice_is_not_a_payment(self):
        order = self._verified_order()
        invoice = order._ow_deposit_invoices()
        invoice.with_user(self.finance).action_post()
        wizard = (
            self.env["account.move.reversal"]
            .with_user(self.finance)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "wrong amount"})
        )
        wizard.refund_moves()
        refund = order.invoice_ids.filtered(lambda m: m.move_type == "out_refund")
        refund.with_user(self.finance).action_post()  # matched with the invoice
        self.assertEqual(invoice.payment_state, "reversed")
        self.assertEqual(order.deposit_paid_amount, 0.0)
        self.assertEqual(order.deposit_state, "waiting")
        self.assertFalse(self._mos(order), "no money came in: nothing is made")
        again = order.with_user(self.finance).action_create_deposit_invoice()
        self.assertTrue(again)
        new = order._ow_deposit_invoices().filtered(lambda m: m.state == "draft")
        self.assertAlmostEqual(new.amount_total, order.deposit_amount)

    def test_paying_the_regular_invoice_releases_the_goods(self):
        order = self._verified_order()
        deposit = order._ow_deposit_invoices()
        deposit.with_user(self.finance).action_post()
        self._pay(deposit, order.deposit_amount, date.today())
        invoice = order.sudo()._create_invoices(final=True)  # finance invoices early
        invoice.action_post()
        self._produce(order)
        self.assertEqual(order.shipping_release_state, "blocked")
        self.assertFalse(
            order._ow_deposit_invoices().filtered(lambda m: m.state == "draft"),
            "no second invoice for the same goods",
        )
        self._pay(invoice, invoice.amount_residual, date.today())
        self.assertEqual(order.shipping_release_state, "released")

    def test_follow_up_call_only_after_delivery(self):
        order = self._ready_order()
        activity = order.activity_schedule(
            "order_workflow.activity_followup", user_id=self.clerk.id
        )
        with self.assertRaisesRegex(UserError, "not delivered yet"):
            activity.with_user(self.clerk).action_feedback(feedback="Fine")
        self.assertFalse(order.followup_done_on)
        self.assertNotEqual(order.workflow_stage, "closed")

    def test_receipt_wizard_takes_only_the_users_uploads(self):
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        picking = self._ship(order)
        other = self.env["ir.attachment"].create(
            {
                "name": "payroll.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 secret"),
                "res_model": "res.company",
                "res_id": self.env.company.id,
            }
        )
        wizard = (
            self.env["order_workflow.receipt.wizard"]
            .with_user(self.shipper)
            .create(
                {
                    "picking_id": picking.id,
                    "signed_by": "Li Na",
                    "scan_ids": [(6, 0, other.ids)],
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.action_register()
        self.assertEqual(other.res_model, "res.company")
        self.assertEqual(picking.receipt_state, "awaiting")
        mine = (
            self.env["ir.attachment"]
            .with_user(self.shipper)
            .create(
                {
                    "name": "receipt.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 receipt"),
                    "res_model": "order_workflow.receipt.wizard",
                    "res_id": 0,
                }
            )
        )
        wizard.scan_ids = [(6, 0, mine.ids)]
        wizard.action_register()
        self.assertEqual(picking.receipt_scan_ids, mine)
        self.assertEqual(picking.receipt_state, "received")

    def test_a_backorder_does_not_inherit_the_tracking_reference(self):
        order = self._ready_order()
        picking = self._out_picking(order)
        picking.write({"ow_carrier": "SF", "ow_tracking_ref": "SF1"})
        copy = picking.copy()
        self.assertFalse(copy.ow_carrier or copy.ow_tracking_ref)

    def test_wrong_arguments_over_rpc_say_what_is_wrong(self):
        sent = self._complete_order(partner_id=self.customer_c.id)
        sent.with_user(self.clerk).action_review_pass()
        sent.with_user(self.manager).action_approve()
        sent.with_user(self.clerk).action_send_for_confirmation()
        with self.assertRaisesRegex(UserError, "not a date"):
            sent.with_user(self.clerk).action_register_signed_confirmation(
                "Li Na", "yesterday"
            )
        self.assertEqual(sent.confirmation_state, "sent")
        order = self._verified_order()
        with self.assertRaisesRegex(UserError, "Expected a text"):
            order.with_user(self.finance).action_waive_deposit(123)
        order.sudo().lc_required = True
        with self.assertRaisesRegex(UserError, "not a date"):
            order.with_user(self.finance).action_register_letter_of_credit("soon")
        self.assertFalse(order.lc_date)
        self.assertEqual(order.deposit_state, "waiting")
        ready = self._ready_order()
        ready.with_user(self.clerk).action_issue_shipping_request()
        picking = self._ship(ready)
        with self.assertRaisesRegex(UserError, "not a date"):
            picking.with_user(self.shipper).action_register_receipt("Li Na", "32/13")
        with self.assertRaisesRegex(UserError, "Expected a text"):
            picking.with_user(self.shipper).action_register_receipt(
                ["Li Na"], "2026-11-25"
            )
        self.assertEqual(picking.receipt_state, "awaiting")

    def test_only_finance_or_a_sales_manager_removes_a_delivery_block(self):
        order = self._verified_order()
        invoice = order._ow_deposit_invoices()
        invoice.with_user(self.finance).action_post()
        self._pay(invoice, order.deposit_amount, date.today())
        reason = self.env["sale.delivery.block.reason"].create({"name": "Credit hold"})
        order.sudo().delivery_block_id = reason
        for user in (self.clerk, self.shipper, self.supervisor):
            with self.assertRaises(AccessError):
                order.with_user(user).action_remove_delivery_block()
        self.assertEqual(order.delivery_block_id, reason)
        order.with_user(self.finance).action_remove_delivery_block()
        self.assertFalse(order.delivery_block_id)

    def test_disputed_receipt_complaint_closes_only_through_its_owners(self):
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        picking = self._ship(order)
        picking.with_user(self.shipper).action_register_receipt(
            "Li Na", "2026-11-25", "Two cartons wet"
        )
        complaint = picking.complaint_ids
        service = self.users["group_service_supervisor"]
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        with self.assertRaisesRegex(AccessError, "by hand"):
            complaint.with_user(self.clerk).write({"resolution": "explained"})
        with self.assertRaisesRegex(UserError, "can't be closed"):
            complaint.with_user(service).write({"stage_id": done.id})
        with self.assertRaises(AccessError):
            complaint.with_user(self.clerk).action_resolve("explained", "Dried.")
        with self.assertRaisesRegex(UserError, "valid"):
            complaint.with_user(service).action_resolve("explained", "Dried.")
        complaint.with_user(service).action_assess_complaint(
            True, "Wet on arrival", "shipping"
        )
        complaint.with_user(service).action_resolve("repair", "Replaced the cartons.")
        self.assertEqual(complaint.complaint_state, "closed")
        self.assertTrue(complaint.stage_id.closed)

    def test_a_closed_anomaly_is_not_reopened_by_hand(self):
        order = self._ready_order()
        anomaly = (
            self.env["order_workflow.production.anomaly"]
            .with_user(self.supervisor)
            .create(
                {
                    "production_id": order.ow_production_ids[:1].id,
                    "anomaly_type": "other",
                    "description": "Late paint.",
                }
            )
        )
        with self.assertRaises(AccessError):
            anomaly.with_user(self.finance).action_close()
        anomaly.with_user(self.supervisor).action_close()
        with self.assertRaisesRegex(AccessError, "by hand"):
            anomaly.with_user(self.clerk).write({"state": "open"})
        self.assertEqual(anomaly.state, "closed")
