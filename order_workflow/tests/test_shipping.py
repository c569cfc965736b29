# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_production import ProductionCase


class ShippingCase(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shipper = cls.users["group_shipping_clerk"]

    def _ready_order(self, customer=None, lines=1):
        customer = customer or self.good_customer
        order = self._verified_order(
            customer=customer, lines=lines, user_id=self.clerk.id
        )
        if order.deposit_state == "waiting":
            invoice = order._ow_deposit_invoices()
            invoice.action_post()
            self._pay(invoice, order.deposit_amount, date.today())
        self._produce(order)
        return order

    def _ship(self, order):
        picking = self._out_picking(order)
        picking.with_user(self.shipper).action_assign()
        picking.with_user(self.shipper).button_validate()
        return picking


@tagged("post_install", "-at_install")
class TestShippingRelease(ShippingCase):
    def test_class_a_ships_on_its_terms_then_receipt_and_follow_up_close(self):
        order = self._ready_order()
        self.assertEqual(order.shipping_release_state, "released")
        self.assertEqual(order.workflow_stage, "ready")
        picking = self._out_picking(order)
        picking.action_assign()
        with self.assertRaises(AccessError):
            picking.with_user(self.clerk).button_validate()
        with self.assertRaisesRegex(UserError, "Shipping Request"):
            picking.with_user(self.shipper).button_validate()
        with self.assertRaises(AccessError):
            order.with_user(self.shipper).action_issue_shipping_request()
        self.assertIs(order.with_user(self.clerk).action_issue_shipping_request(), True)
        picking.ow_carrier = "SF Express"
        picking.ow_tracking_ref = "SF123456"
        self._ship(order)
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.receipt_state, "awaiting")
        self.assertEqual(order.workflow_stage, "shipped")
        self._send_queued()  # the Shipping Notice is rendered after the click
        notice = picking.message_ids.filtered(
            lambda m: "Shipping Notice" in (m.subject or "")
        )
        self.assertTrue(notice)
        self.assertIn(self.good_customer, notice.partner_ids)
        self.assertIn("SF123456", notice.body)
        self.assertTrue(notice.attachment_ids)
        with self.assertRaises(AccessError):
            picking.with_user(self.supervisor).action_register_receipt(
                "Zhou Min", "2026-11-25"
            )
        with self.assertRaisesRegex(UserError, "who signed"):
            picking.with_user(self.shipper).action_register_receipt("", "2026-11-25")
        self.assertIs(
            picking.with_user(self.shipper).action_register_receipt(
                "Zhou Min", "2026-11-25"
            ),
            True,
        )
        self.assertEqual(picking.receipt_state, "received")
        self.assertEqual(order.workflow_stage, "delivered")
        followup = order.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("order_workflow.activity_followup")
        )
        self.assertEqual(len(followup), 1)
        self.assertEqual(followup.user_id, self.clerk)
        with self.assertRaisesRegex(UserError, "feedback"):
            followup.with_user(self.clerk).action_feedback(feedback="")
        followup.with_user(self.clerk).action_feedback(
            feedback="Satisfied, will reorder"
        )
        self.assertEqual(order.workflow_stage, "collection", "closed once paid")
        invoice = order._create_invoices()
        invoice.action_post()
        self._pay(invoice, invoice.amount_total, date.today())
        self.assertEqual(order.workflow_stage, "closed")
        self.assertIn("reorder", order.followup_feedback)

    def test_class_c_held_until_the_balance_is_paid(self):
        order = self._ready_order(customer=self.customer_c)
        self.assertEqual(order.shipping_release_state, "blocked")
        self.assertEqual(order.workflow_stage, "payment_hold")
        due = order.amount_total - order.deposit_amount
        self.assertAlmostEqual(order.ow_balance_due, due)
        balance = order._ow_deposit_invoices().filtered(lambda m: m.state == "draft")
        self.assertAlmostEqual(balance.amount_total, due)
        self._send_queued()
        notice = order.message_ids.filtered(
            lambda m: "Balance Payment Notice" in (m.subject or "")
        )
        self.assertTrue(notice.attachment_ids)
        self.assertTrue(
            order.activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("order_workflow.activity_balance")
            )
        )
        amount = order._ow_format_amount(due)
        picking = self._out_picking(order)
        with self.assertRaisesRegex(UserError, "still due") as error:
            self._ship(order)
        self.assertIn(amount, str(error.exception))
        with self.assertRaisesRegex(UserError, "balance"):
            order.with_user(self.clerk).action_issue_shipping_request()
        balance.with_user(self.finance).action_post()
        self._pay(balance, due, date.today())
        self.assertEqual(order.shipping_release_state, "released")
        self.assertEqual(order.workflow_stage, "ready")
        order.with_user(self.clerk).action_issue_shipping_request()
        self._ship(order)
        self.assertEqual(picking.state, "done")

    def test_payment_taken_back_holds_the_goods_again(self):
        order = self._ready_order(customer=self.customer_c)
        due = order.ow_balance_due
        balance = order._ow_deposit_invoices().filtered(lambda m: m.state == "draft")
        balance.with_user(self.finance).action_post()
        self._pay(balance, due, date.today())
        self.assertEqual(order.shipping_release_state, "released")
        order.with_user(self.clerk).action_issue_shipping_request()
        payment = self.env["account.payment"].search(
            [("partner_id", "=", self.customer_c.id)], order="id desc", limit=1
        )
        self.assertEqual(payment.amount, due)
        activity = self.env.ref("order_workflow.activity_balance")
        payment.with_user(self.finance).action_draft()  # the cheque bounced
        self.assertEqual(order.shipping_release_state, "blocked")
        self.assertEqual(order.workflow_stage, "payment_hold")
        self.assertAlmostEqual(order.ow_balance_due, due)
        self.assertIn("taken back", order.message_ids[0].body)
        self.assertTrue(
            order.activity_ids.filtered(lambda a: a.activity_type_id == activity)
        )
        with self.assertRaisesRegex(UserError, "still due") as error:
            self._ship(order)
        self.assertIn(order._ow_format_amount(due), str(error.exception))
        # paid again: the same payment posted and matched with the balance invoice
        payment.with_user(self.finance).action_post()
        receivable = (payment.move_id.line_ids | balance.line_ids).filtered(
            lambda line: line.account_type == "asset_receivable" and not line.reconciled
        )
        receivable.reconcile()
        self.assertEqual(order.shipping_release_state, "released")
        picking = self._ship(order)
        self.assertEqual(picking.state, "done")

    def test_gate_rechecks_the_balance_of_a_released_order(self):
        """Whatever path took the money back without telling the order, a class B/C
        order with money due does not ship unless finance released it on credit."""
        order = self._ready_order(customer=self.customer_c)
        due = order.ow_balance_due
        balance = order._ow_deposit_invoices().filtered(lambda m: m.state == "draft")
        balance.with_user(self.finance).action_post()
        self._pay(balance, due, date.today())
        order.with_user(self.clerk).action_issue_shipping_request()
        receivable = balance.line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        )
        # below the order's hook: the partials go, the order is not told
        self.env.cr.execute(
            "DELETE FROM account_partial_reconcile WHERE debit_move_id = %s",
            [receivable.id],
        )
        self.env.invalidate_all()
        balance.line_ids._compute_amount_residual()
        balance._compute_amount()
        self.assertEqual(order.shipping_release_state, "released")
        self.assertAlmostEqual(order.ow_balance_due, due)
        with self.assertRaisesRegex(UserError, "still due"):
            self._ship(order)

    def test_shipping_request_needs_address_recipient_and_contact(self):
        order = self._ready_order()
        order.partner_shipping_id = self.env["res.partner"].create(
            {
                "name": "Site office",
                "parent_id": self.good_customer.id,
                "type": "delivery",
            }
        )
        self.good_customer.write({"phone": False, "email": False})
        with self.assertRaisesRegex(UserError, "street and city") as error:
            order.with_user(self.clerk).action_issue_shipping_request()
        self.assertIn("contact phone or e-mail", str(error.exception))
        self.assertFalse(order.shipping_request_issued_on)

    def test_signature_on_the_device_is_the_receipt(self):
        """Signed after validation (the Sign button of a done delivery) by a stock
        user who holds no workflow role: received, delivered."""
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        picking = self._ship(order)
        self.assertEqual(picking.receipt_state, "awaiting")
        stock_user = self.env["res.users"].create(
            {
                "name": "Driver",
                "login": "ow_driver",
                "email": "driver@example.com",
                "groups_id": [Command.set(self.env.ref("stock.group_stock_user").ids)],
            }
        )
        picking.with_user(stock_user).signature = SIGNATURE
        self.assertEqual(picking.receipt_state, "received")
        self.assertEqual(picking.receipt_signed_by, self.good_customer.name)
        self.assertEqual(picking.receipt_date, date.today())
        self.assertEqual(order.workflow_stage, "delivered")

    def test_signature_before_validation_is_the_receipt_once_shipped(self):
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        picking = self._out_picking(order)
        picking.signature = SIGNATURE
        self.assertEqual(picking.receipt_state, "not_applicable", "not shipped yet")
        self._ship(order)
        self.assertEqual(picking.receipt_state, "received")
        self.assertEqual(order.workflow_stage, "delivered")

    def test_receipt_with_an_issue_opens_a_delivery_complaint(self):
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        picking = self._ship(order)
        action = picking.with_user(self.clerk).action_open_receipt_wizard()
        photo = (  # uploaded in the wizard by the clerk
            self.env["ir.attachment"]
            .with_user(self.clerk)
            .create({"name": "dent.jpg", "raw": b"\xff\xd8\xff photo"})
        )
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.clerk)
            .with_context(**action["context"])
            .create(
                {
                    "receipt_date": "2026-11-26",
                    "issue_note": "One crate dented",
                    "photo_ids": [Command.set(photo.ids)],
                }
            )
        )
        wizard.action_register()
        self.assertEqual(picking.receipt_state, "disputed")
        complaint = picking.complaint_ids
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.complaint_category, "delivery")
        self.assertEqual(complaint.sale_order_id, order)
        self.assertEqual(complaint.description, "<p>One crate dented</p>")
        self.assertIn(photo, complaint.attachment_ids)
        self.assertTrue(complaint.first_response_due)
        # the After-sales team answers it: an activity due at the response time
        self.assertEqual(
            complaint.activity_ids.activity_type_id,
            self.env.ref("order_workflow.activity_complaint_answer"),
        )
        self.assertEqual(order.workflow_stage, "delivered")

    def test_follow_up_is_due_three_working_days_later(self):
        self.env.company.resource_calendar_id.tz = "UTC"
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        with freeze_time("2026-11-27 10:00:00"):  # delivered on a Friday
            picking = self._ship(order)
        with freeze_time("2026-11-27 15:00:00"):
            picking.with_user(self.shipper).action_register_receipt(
                "Zhou Min", "2026-11-27"
            )
        followup = order.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("order_workflow.activity_followup")
        )
        self.assertEqual(followup.date_deadline, date(2026, 12, 2), "Wednesday")

    def test_awaited_receipt_is_chased(self):
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        picking = self._ship(order)
        picking.ow_expected_arrival = date.today() + timedelta(days=2)
        activity = self.env.ref("order_workflow.activity_receipt_chase")
        with freeze_time(date.today() + timedelta(days=5)):
            self.env["stock.picking"]._cron_chase_receipts()
        self.assertFalse(
            picking.activity_ids.filtered(lambda a: a.activity_type_id == activity)
        )
        with freeze_time(date.today() + timedelta(days=6)):
            self.env["stock.picking"]._cron_chase_receipts()
            self.env["stock.picking"]._cron_chase_receipts()
        chase = picking.activity_ids.filtered(lambda a: a.activity_type_id == activity)
        self.assertEqual(len(chase), 1)
        self.assertEqual(chase.user_id, self.clerk)

    def test_gate_queries_do_not_grow_with_move_lines(self):
        counts = []
        for lines in (1, 1, 6):  # the first one warms the caches up
            order = self._ready_order(lines=lines)
            order.with_user(self.clerk).action_issue_shipping_request()
            picking = self._out_picking(order).with_user(self.shipper)
            picking.action_assign()
            counts.append(self._queries(picking._ow_check_can_ship))
        self.assertEqual(counts[1], counts[2], counts)
        self.assertLessEqual(counts[1], GATE_QUERIES)
        self.env.invalidate_all()
        with self.assertQueryCount(GATE_QUERIES):
            picking._ow_check_can_ship()


GATE_QUERIES = 10
# a 1x1 PNG, as the signature widget stores it
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAA"
    "AABJRU5ErkJggg=="
)
