# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A payment or a cron job meeting a user's decision on the same order (issue 23):
released once, nothing lost. Real transactions, see concurrency_common.py."""

from datetime import timedelta

from odoo import SUPERUSER_ID, fields
from odoo.tests import tagged

from .concurrency_common import ConcurrencyCase
from .test_concurrency import duplicated_activities

PACKAGING = "Wooden crates, 2 per crate"


@tagged("post_install", "-at_install")
class TestDepositWhileEditing(ConcurrencyCase):
    def prepare(self, env):
        users = self.demo_users(env)
        self.clerk, self.finance = users["clerk"].id, users["finance"].id
        product = self.new_product(env, "Race deposit valve")
        order = self.to_signed(self.new_order(env, users, "c", product), users)
        order.with_user(users["clerk"]).action_verify_confirmation()
        self.assertEqual(order.workflow_stage, "deposit")
        invoice = order._ow_deposit_invoices()
        invoice.with_user(users["finance"]).action_post()
        self.order, self.invoice = order.id, invoice.id

    def pay(self, env):
        order = env["sale.order"].browse(self.order)
        wizard = (
            env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=[self.invoice])
            .create({"amount": order.sudo().deposit_amount})
        )
        return wizard.action_create_payments()

    def edit(self, env):
        return (
            env["sale.order"]
            .browse(self.order)
            .write({"packaging_requirements": PACKAGING})
        )

    def check(self, clerk):
        def check(env):
            order = env["sale.order"].browse(self.order)
            self.assertEqual(order.deposit_state, "paid")
            self.assertTrue(order.production_released)
            self.assertTrue(order.production_released_on)
            self.assertEqual(len(order.ow_production_ids), 1, "one MO batch")
            self.assertEqual(order.workflow_stage, "production")
            paid = order.message_ids.filtered(
                lambda m: "Deposit paid" in (m.body or "")
            )
            self.assertEqual(len(paid), 1, "released once")
            released = order.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "production_released"
            )
            self.assertLessEqual(len(released), 1)
            self.assertFalse(duplicated_activities(order))
            if clerk.error is None:
                self.assertEqual(order.packaging_requirements, PACKAGING, "not lost")
            else:  # refused: the clerk was told, and nothing half-written
                self.assertFalse(order.packaging_requirements)

        self.read_committed(check)

    def test_payment_then_edit(self):
        payment, clerk = self.race(self.pay, self.edit, self.finance, self.clerk)
        self.assertIsNone(payment.error)
        self.assertTrue(clerk.blocked, "the clerk waited on the payment's order row")
        self.assertEqual(clerk.attempts, 2, "and was retried on the committed state")
        self.assertIsNone(clerk.error)
        self.check(clerk)

    def test_edit_then_payment(self):
        clerk, payment = self.race(self.edit, self.pay, self.clerk, self.finance)
        self.assertIsNone(clerk.error)
        self.assertTrue(payment.blocked, "the payment waited on the clerk's order row")
        self.assertIsNone(payment.error)
        self.check(clerk)


@tagged("post_install", "-at_install")
class TestPromisedDateCronWhileVerifying(ConcurrencyCase):
    """The daily cron moves the promised date of orders whose signed copy is late;
    the clerk verifies one of them at that moment."""

    def prepare(self, env):
        users = self.demo_users(env)
        self.clerk = users["clerk"].id
        product = self.new_product(env, "Race cron valve")
        orders = [
            self.to_signed(self.new_order(env, users, "a", product), users)
            for _i in range(2)
        ]
        self.verified, self.late = (o.id for o in orders)
        # both promised 3 days too early: the cron would move them
        env.flush_all()
        env.cr.execute(
            "UPDATE sale_order SET promised_date = %s::date + lead_days - 3"
            " WHERE id = ANY(%s)",
            [self.cron_today(env), [o.id for o in orders]],
        )
        self.lead_days = orders[0].lead_days

    @staticmethod
    def cron_today(env):
        """Today as the cron sees it (its user's time zone)."""
        return fields.Date.context_today(env["sale.order"].with_user(SUPERUSER_ID))

    def verify(self, env):
        return env["sale.order"].browse(self.verified).action_verify_confirmation()

    def cron(self, env):
        return env["sale.order"]._cron_move_promised_dates()

    def check(self, env):
        order = env["sale.order"].browse(self.verified)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.clock_start_date, order.confirmation_verified_on.date())
        promised = order.clock_start_date + timedelta(days=self.lead_days)
        self.assertEqual(order.promised_date, promised)
        self.assertEqual(order.production_committed_date, promised)
        self.assertEqual(order.commitment_date.date(), promised)
        checked = order.message_ids.filtered(
            lambda m: "Signed confirmation checked" in (m.body or "")
        )
        self.assertEqual(len(checked), 1, "verified once")
        late = env["sale.order"].browse(self.late)
        self.assertEqual(
            late.promised_date,
            self.cron_today(env) + timedelta(days=self.lead_days),
            "the other late order moved",
        )
        moved = late.message_ids.filtered(lambda m: "is late" in (m.body or ""))
        self.assertEqual(len(moved), 1)

    def test_verification_then_cron(self):
        clerk, cron = self.race(
            self.verify, self.cron, self.clerk, SUPERUSER_ID, retry_second=False
        )
        self.assertIsNone(clerk.error)
        # ir.cron does not retry: a failure moves no order until the next day
        self.assertIsNone(cron.error, "the cron skips the order being verified")
        self.assertFalse(cron.blocked)
        self.read_committed(self.check)

    def test_cron_then_verification(self):
        cron, clerk = self.race(
            self.cron, self.verify, SUPERUSER_ID, self.clerk, retry_first=False
        )
        self.assertIsNone(cron.error)
        self.assertTrue(clerk.blocked, "the verification waited on the cron's rows")
        self.assertEqual(clerk.attempts, 2, "and was retried on the moved date")
        self.assertIsNone(clerk.error)
        self.read_committed(self.check)
