# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How the deposit reaches the customer and how it gets paid: the forms, the
promised date, a letter of credit, online payment."""

import re
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .test_deposit import DepositCase, fields_today


@tagged("post_install", "-at_install")
class TestDepositTerms(DepositCase):
    def test_confirmation_form_shows_the_deposit_and_the_promised_date(self):
        order = self._complete_order(partner_id=self.customer_c.id)
        order.with_user(self.clerk).action_review_pass()
        order.with_user(self.manager).action_approve()
        order.with_user(self.clerk).action_send_for_confirmation()
        html, _fmt = (
            self.env["ir.actions.report"]
            .with_user(self.clerk)
            ._render_qweb_html("order_workflow.report_order_confirmation", order.ids)
        )
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html.decode()))
        symbol = order.currency_id.symbol  # the company's: ¥ in the demo database
        self.assertIn(
            f"Deposit (30%), before production {symbol} {order.deposit_amount:,.2f}",
            text,
        )
        self.assertIn(
            f"Promised date (finished goods): {order.promised_date:%m/%d/%Y}", text
        )
        self.assertIn(
            f"not the ship date: {order.lead_days} days counted from the latest of the "
            "receipt of this signed confirmation and of the deposit;",
            text,
        )

    def test_order_form_shows_the_deposit_from_the_customer(self):
        form = Form(
            self.env["sale.order"]
            .with_user(self.clerk)
            .with_context(default_team_id=self.team.id)
        )
        form.partner_id = self.customer_c
        self.assertEqual(form.deposit_percent, 30.0)
        self.assertEqual(form.deposit_state, "waiting")
        form.partner_id = self.good_customer
        self.assertEqual(form.deposit_state, "not_required")
        form.lc_required = True
        with form.order_line.new() as line:
            line.product_id = self.product
            line.price_unit = 100.0
        order = form.save()
        self.assertTrue(order.lc_required)
        self.assertEqual(order.deposit_state, "not_required")

    def test_deposit_follows_the_customer_until_the_confirmation_is_sent(self):
        order = self._complete_order(partner_id=self.customer_c.id)
        self.assertEqual(order.deposit_percent, 30.0)
        self.customer_c.with_user(self.manager).write({"deposit_percent": 50.0})
        self.assertEqual(order.deposit_percent, 50.0)
        order.with_user(self.clerk).action_review_pass()
        order.with_user(self.manager).action_approve()
        order.with_user(self.clerk).action_send_for_confirmation()
        self.customer_c.with_user(self.manager).write({"deposit_percent": 10.0})
        self.assertEqual(order.deposit_percent, 50.0, "fixed once sent")

    def test_promised_date_moves_while_the_deposit_is_late(self):
        with freeze_time("2026-11-02 10:00:00"):
            order = self._verified_order()
            first = order.promised_date
        with freeze_time("2026-11-03 01:00:00"):
            self.env["sale.order"]._cron_move_promised_dates()
        order.invalidate_recordset(["promised_date"])
        self.assertEqual(order.promised_date, first + timedelta(days=1))
        self.assertTrue(
            order.message_ids.filtered(lambda m: "deposit" in (m.body or ""))
        )

    def test_letter_of_credit_starts_the_clock(self):
        with freeze_time("2026-11-02 10:00:00"):
            order = self._verified_order(customer=self.good_customer, lc_required=True)
            self.assertTrue(
                order.production_released, "the LC does not hold production"
            )
            self.assertFalse(order.clock_start_date, "but the clock waits for it")
        with self.assertRaises(AccessError):
            order.with_user(self.clerk).action_register_letter_of_credit("2026-11-06")
        with self.assertRaisesRegex(UserError, "date"):
            order.with_user(self.finance).action_register_letter_of_credit(False)
        order.with_user(self.finance).action_register_letter_of_credit("2026-11-06")
        self.assertEqual(order.clock_start_date, date(2026, 11, 6))
        self.assertEqual(
            order.promised_date, date(2026, 11, 6) + timedelta(days=order.lead_days)
        )

    def test_online_payment_counts_towards_the_deposit(self):
        order = self._verified_order()
        provider, method = self._online_provider()
        # the payment the provider's journal would get (its set-up is not our concern)
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": self.customer_c.id,
                "amount": order.deposit_amount,
                "journal_id": self.bank.id,
            }
        )

        def transaction(amount, reference):
            return self.env["payment.transaction"].create(
                {
                    "provider_id": provider.id,
                    "payment_method_id": method.id,
                    "amount": amount,
                    "currency_id": order.currency_id.id,
                    "partner_id": self.customer_c.id,
                    "reference": reference,
                    "sale_order_ids": [Command.set(order.ids)],
                    "payment_id": payment.id,
                }
            )

        pending = transaction(order.deposit_amount, "OW-DEPOSIT-1")
        pending._set_pending()
        pending._post_process()
        self.assertEqual(order.deposit_state, "waiting", "pending is not paid")
        pending._set_done()
        pending._post_process()
        self.assertEqual(order.deposit_state, "paid")
        self.assertTrue(self._mos(order))

    def test_deposit_paid_online_before_verification_releases_at_once(self):
        order = self._complete_order(partner_id=self.customer_c.id)
        order.with_user(self.clerk).action_review_pass()
        order.with_user(self.manager).action_approve()
        order.with_user(self.clerk).action_send_for_confirmation()
        provider, method = self._online_provider()
        tx = self.env["payment.transaction"].create(
            {
                "provider_id": provider.id,
                "payment_method_id": method.id,
                "amount": order.deposit_amount,
                "currency_id": order.currency_id.id,
                "partner_id": self.customer_c.id,
                "reference": "OW-PREPAY-1",
                "sale_order_ids": [Command.set(order.ids)],
            }
        )
        tx._set_done()
        self.assertEqual(order.state, "sent", "a prepayment does not confirm it")
        order.with_user(self.clerk).action_register_signed_confirmation(
            "Li Na", fields_today()
        )
        order.with_user(self.clerk).action_verify_confirmation()
        self.assertEqual(order.deposit_state, "paid")
        self.assertTrue(self._mos(order))
        self.assertFalse(order._ow_deposit_invoices(), "nothing left to invoice")
