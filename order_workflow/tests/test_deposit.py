# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import attach_customer_documents
from .test_confirmation import ConfirmationCase


class DepositCase(ConfirmationCase):
    """A class C customer (30 % deposit) and a make-to-order manufactured product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_c = cls.env["res.partner"].create(
            {
                "name": "Class C Customer Co",
                "is_company": True,
                "email": "buyer@class-c.example.com",
                "street": "9 Harbour Road",
                "city": "Ningbo",
                "phone": "+86 574 0000 0000",
            }
        )
        attach_customer_documents(cls.customer_c)
        cls.customer_c.with_user(cls.manager).action_qualify()
        mto = cls.env.ref("stock.route_warehouse0_mto")
        mto.active = True
        manufacture = cls.env.ref("mrp.route_warehouse0_manufacture")
        cls.product.write(
            {
                "is_storable": True,
                "route_ids": [Command.set((mto | manufacture).ids)],
            }
        )
        cls.component = cls.env["product.product"].create(
            {"name": "Steel sheet", "type": "consu"}
        )
        cls.env["mrp.bom"].create(
            {
                "product_tmpl_id": cls.product.product_tmpl_id.id,
                "bom_line_ids": [
                    Command.create({"product_id": cls.component.id, "product_qty": 2})
                ],
            }
        )
        cls.bank = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.env.company.id)], limit=1
        )

    def _verified_order(self, customer=None, lines=1, **vals):
        customer = customer or self.customer_c
        order = self._complete_order(lines=lines, partner_id=customer.id, **vals)
        return self._verify(order)

    def _verify(self, order):
        """Review, approval, confirmation sent, signed copy registered and verified."""
        order.with_user(self.clerk).action_review_pass()
        order.with_user(self.manager).action_approve()
        order.with_user(self.clerk).action_send_for_confirmation()
        order.with_user(self.clerk).action_register_signed_confirmation(
            "Li Na", fields_today()
        )
        order.with_user(self.clerk).action_verify_confirmation()
        return order

    def _online_provider(self):
        """A test payment provider and its method, for portal payments."""
        method = self.env.ref("payment.payment_method_unknown")
        provider = self.env["payment.provider"].create(
            {
                "name": "Dummy",
                "code": "none",
                "state": "test",
                "payment_method_ids": [Command.set(method.ids)],
            }
        )
        method.active = True
        return provider, method

    def _mos(self, order):
        return self.env["mrp.production"].sudo().search([("origin", "=", order.name)])

    def _pay(self, invoice, amount, on):
        """Finance registers a bank payment against the down-payment invoice."""
        wizard = (
            self.env["account.payment.register"]
            .with_user(self.finance)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"amount": amount, "journal_id": self.bank.id, "payment_date": on})
        )
        wizard.action_create_payments()


def fields_today():
    return date.today().isoformat()


@tagged("post_install", "-at_install")
class TestDepositGate(DepositCase):
    def test_no_deposit_production_released_at_verification(self):
        order = self._verified_order(customer=self.good_customer)
        self.assertEqual(order.deposit_state, "not_required")
        self.assertFalse(order.delivery_block_id)
        self.assertTrue(order.production_released)
        self.assertTrue(order.production_released_on)
        self.assertTrue(self._mos(order), "no deposit: MOs at verification")
        self.assertEqual(order.workflow_stage, "production")
        self.assertTrue(order.clock_start_date)

    def test_the_deposit_invoice_s_assignment_e_mail_waits_for_the_mail_queue(self):
        """Odoo e-mails the salesperson "You have been assigned to" the invoice the
        system drafts: queued for the mail cron, not sent inside the clerk's click
        (make load: the click's send raced with the cron's batch)."""
        self.clerk.notification_type = "email"
        order = self._complete_order(
            partner_id=self.customer_c.id, user_id=self.clerk.id
        ).with_context(tracking_disable=False)  # the tests' default: no auto-subscribe
        self._verify(order)
        invoice = order._ow_deposit_invoices()
        self.assertEqual(invoice.invoice_user_id, self.clerk)
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "account.move"), ("res_id", "=", invoice.id)])
        )
        self.assertEqual(mails.mapped("state"), ["outgoing"])
        self.assertIn(self.clerk.partner_id, mails.recipient_ids)

    def test_no_mo_until_the_bank_payment_reconciles_the_deposit_invoice(self):
        with freeze_time("2026-11-02 10:00:00"):
            order = self._verified_order(lines=2)
            self.assertEqual(order.state, "sale")
            self.assertEqual(order.deposit_percent, 30.0)
            self.assertTrue(order.deposit_required)
            self.assertEqual(
                order.deposit_amount,
                order.currency_id.round(order.amount_total * 0.3),
            )
            self.assertEqual(order.deposit_state, "waiting")
            self.assertEqual(order.workflow_stage, "deposit")
            self.assertEqual(
                order.delivery_block_id,
                self.env.ref("order_workflow.delivery_block_reason_deposit"),
            )
            self.assertFalse(self._mos(order), "no MO while the deposit is unpaid")
            self.assertFalse(order.picking_ids, "no picking either")
            self.assertFalse(order.production_released)
            self.assertFalse(order.clock_start_date, "the clock waits for the deposit")
            invoice = order._ow_deposit_invoices()
            self.assertEqual(len(invoice), 1, "a down-payment invoice is proposed")
            self.assertEqual(invoice.state, "draft")
            self.assertAlmostEqual(invoice.amount_total, order.deposit_amount)
            self.assertTrue(
                order.activity_ids.filtered(
                    lambda a: a.activity_type_id
                    == self.env.ref("order_workflow.activity_deposit")
                )
            )
        with freeze_time("2026-11-05 10:00:00"):
            invoice.with_user(self.finance).action_post()
            part = order.currency_id.round(order.deposit_amount / 3)
            self._pay(invoice, part, date(2026, 11, 5))
            order.invalidate_recordset()
            self.assertAlmostEqual(order.deposit_paid_amount, part)
            self.assertEqual(order.deposit_state, "waiting", "a part is not enough")
            self.assertFalse(self._mos(order))
        with freeze_time("2026-11-09 10:00:00"):
            self._pay(invoice, order.deposit_amount - part, date(2026, 11, 9))
            order.invalidate_recordset()
            self.assertEqual(order.deposit_state, "paid")
            self.assertAlmostEqual(order.deposit_paid_amount, order.deposit_amount)
            self.assertEqual(order.deposit_paid_date, date(2026, 11, 9))
            mos = self._mos(order)
            self.assertEqual(len(mos), 2, "one MO per line, with no manual step")
            self.assertFalse(order.delivery_block_id)
            self.assertTrue(order.picking_ids)
            self.assertTrue(order.production_released)
            self.assertEqual(order.workflow_stage, "production")
            self.assertEqual(
                order.clock_start_date,
                date(2026, 11, 9),
                "the payment came after the verification",
            )
            self.assertEqual(
                order.promised_date,
                date(2026, 11, 9) + timedelta(days=order.lead_days),
            )
            self.assertEqual(order.commitment_date.date(), order.promised_date)
            self.assertFalse(
                order.activity_ids.filtered(
                    lambda a: a.activity_type_id
                    == self.env.ref("order_workflow.activity_deposit")
                )
            )

    def test_deposit_payment_taken_back_after_release_tells_the_salesperson(self):
        order = self._verified_order(user_id=self.clerk.id)
        invoice = order._ow_deposit_invoices()
        invoice.with_user(self.finance).action_post()
        self._pay(invoice, order.deposit_amount, date.today())
        mos = self._mos(order)
        self.assertTrue(mos)
        payment = self.env["account.payment"].search(
            [("partner_id", "=", order.partner_id.id)], order="id desc", limit=1
        )
        payment.with_user(self.finance).action_draft()
        self.assertEqual(order.deposit_paid_amount, 0.0)
        self.assertEqual(order.deposit_state, "paid", "production is running")
        self.assertEqual(self._mos(order), mos, "nothing is undone")
        self.assertIn("no longer fully paid", order.message_ids[0].body)
        todo = order.activity_ids.filtered(
            lambda a: "no longer fully paid" in (a.note or "")
        )
        self.assertEqual(todo.user_id, self.clerk)

    def test_nobody_lifts_the_deposit_block_by_hand(self):
        order = self._verified_order()
        reason = self.env.ref("order_workflow.delivery_block_reason_deposit")
        for user in (self.clerk, self.manager, self.finance):
            with self.assertRaisesRegex(UserError, "wait for their deposit"):
                order.with_user(user).action_remove_delivery_block()
            with self.assertRaisesRegex(UserError, "wait for their deposit"):
                order.with_user(user).write({"delivery_block_id": False})
        # OCA recomputes the block from the payment term: not this one
        order.write(
            {
                "payment_term_id": self.env.ref(
                    "account.account_payment_term_immediate"
                ).id
            }
        )
        self.env.flush_all()
        self.assertEqual(order.delivery_block_id, reason)
        order.partner_id = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.customer_c.id}
        )
        self.env.flush_all()
        self.assertEqual(order.delivery_block_id, reason)
        self.assertFalse(self._mos(order))
        self.assertEqual(order.deposit_state, "waiting")

    def test_finance_drafts_another_deposit_invoice(self):
        order = self._verified_order()
        first = order._ow_deposit_invoices()
        with self.assertRaisesRegex(UserError, "already invoiced"):
            order.with_user(self.finance).action_create_deposit_invoice()
        first.with_user(self.finance).button_cancel()
        self.assertIs(
            order.with_user(self.finance).action_create_deposit_invoice(), True
        )
        second = order._ow_deposit_invoices() - first
        self.assertAlmostEqual(second.amount_total, order.deposit_amount)
        with self.assertRaises(AccessError):
            order.with_user(self.tech).action_create_deposit_invoice()

    def test_waiver_by_finance_only(self):
        with freeze_time("2026-11-02 10:00:00"):
            order = self._verified_order()
        with freeze_time("2026-11-04 10:00:00"):
            for user in (self.clerk, self.manager, self.users["group_general_manager"]):
                with self.assertRaises(AccessError):
                    order.with_user(user).action_waive_deposit("Trusted customer")
            with self.assertRaisesRegex(UserError, "reason"):
                order.with_user(self.finance).action_waive_deposit("  ")
            self.assertEqual(order.deposit_state, "waiting")
            self.assertFalse(self._mos(order))
            self.assertIs(
                order.with_user(self.finance).action_waive_deposit(
                    "Long-standing customer, GM agreed"
                ),
                True,
            )
        self.assertEqual(order.deposit_state, "waived")
        self.assertEqual(order.deposit_waived_by_id, self.finance)
        self.assertIn("GM agreed", order.deposit_waiver_reason)
        self.assertTrue(self._mos(order))
        self.assertTrue(order.production_released)
        self.assertEqual(order.workflow_stage, "production")
        self.assertEqual(order.clock_start_date, date(2026, 11, 4))
        self.assertTrue(
            order.message_ids.filtered(lambda m: "Deposit waived" in (m.body or ""))
        )
        with self.assertRaisesRegex(UserError, "not waiting"):
            order.with_user(self.finance).action_waive_deposit("again")

    def test_waiver_from_the_wizard(self):
        order = self._verified_order()
        action = order.with_user(self.finance).action_open_waive_deposit_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.finance)
            .browse(action["res_id"])
        )
        wizard.reason = "Paid by cheque, cleared"
        wizard.action_confirm()
        self.assertEqual(order.deposit_state, "waived")

    def test_deposit_check_queries_do_not_grow_with_lines(self):
        counts = []
        for lines in (1, 6):
            order = self._verified_order(lines=lines)
            invoice = order._ow_deposit_invoices()
            invoice.action_post()
            self._pay(invoice, 1.0, date.today())
            counts.append(self._queries(order._ow_check_deposit))
            self.assertEqual(order.deposit_state, "waiting")
        self.assertEqual(counts[0], counts[1], counts)
        self.assertLessEqual(counts[0], DEPOSIT_CHECK_QUERIES)

    def test_waiver_queries_do_not_grow_with_lines(self):
        """Waived in advance, on the quotation: confirmation then holds nothing."""
        counts = []
        for lines in (1, 1, 6):  # the first one warms the caches up
            order = self._complete_order(lines=lines, partner_id=self.customer_c.id)
            waive = order.with_user(self.finance).action_waive_deposit
            counts.append(self._queries(lambda waive=waive: waive("Cash on order")))
            self.assertEqual(order.deposit_state, "waived")
        self.assertEqual(counts[1], counts[2], counts)
        self.assertLessEqual(counts[1], WAIVER_QUERIES)


# 12 since after-sales: OCA rma_sale counts an order's RMA refunds among its invoices
# (one query on the order's RMAs)
DEPOSIT_CHECK_QUERIES = 12
WAIVER_QUERIES = 15
