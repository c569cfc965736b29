# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A sale ends when the customer has paid 100 % (收款中 → closed), overdue invoices of
delivered orders are chased, and the balance follows the produced quantity
(按生产成品数量)."""

from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import tagged

from .test_shipping import ShippingCase


class CollectionCase(ShippingCase):
    def _delivered_order(self):
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        picking = self._ship(order)
        picking.with_user(self.shipper).action_register_receipt(
            "Zhou Min", fields.Date.today()
        )
        followup = self._collection_activities(order, "activity_followup")
        followup.with_user(self.clerk).action_feedback(feedback="Satisfied")
        return order

    def _invoice(self, order):
        invoice = order._create_invoices()
        invoice.action_post()
        return invoice

    def _collection_activities(self, order, xmlid="activity_collection"):
        return order.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(f"order_workflow.{xmlid}")
        )

    def _cron(self):
        later = fields.Date.today() + timedelta(days=90)
        with freeze_time(later):
            self.env["sale.order"]._cron_collection_reminders()


@tagged("post_install", "-at_install")
class TestClosedOnlyWhenPaid(CollectionCase):
    def test_delivered_order_waits_for_the_money(self):
        order = self._delivered_order()
        self.assertEqual(order.workflow_stage, "collection")
        invoice = self._invoice(order)
        self.assertEqual(order.workflow_stage, "collection")
        self._pay(invoice, invoice.amount_total / 2, date.today())
        self.assertEqual(order.workflow_stage, "collection", "half paid")
        self._cron()
        self.assertTrue(self._collection_activities(order))
        self._pay(invoice, invoice.amount_residual, date.today())
        self.assertEqual(order.workflow_stage, "closed")
        self.assertFalse(self._collection_activities(order))

    def test_paid_before_the_follow_up_closes_at_the_follow_up(self):
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        self._ship(order)
        invoice = self._invoice(order)
        self._pay(invoice, invoice.amount_total, date.today())
        self.assertEqual(order.workflow_stage, "shipped")
        self._out_picking(order).with_user(self.shipper).action_register_receipt(
            "Zhou Min", fields.Date.today()
        )
        self._collection_activities(order, "activity_followup").with_user(
            self.clerk
        ).action_feedback(feedback="Fine")
        self.assertEqual(order.workflow_stage, "closed")

    def test_overdue_invoices_are_chased_once_per_collector(self):
        first, second = self._delivered_order(), self._delivered_order()
        self._invoice(first)
        self._cron()
        activity = self._collection_activities(first)
        self.assertEqual(activity.user_id, first.user_id)
        self.assertIn(first.invoice_ids.name, activity.note)
        self._cron()
        self.assertEqual(self._collection_activities(first), activity, "no duplicate")
        activity.unlink()
        one = self._queries(self._cron)
        self._collection_activities(first).unlink()
        self._invoice(second)
        two = self._queries(self._cron)
        self.assertEqual(len(self._collection_activities(first)), 1)
        self.assertEqual(len(self._collection_activities(second)), 1)
        self.assertLessEqual(two, one, "the cron's queries do not grow with orders")


@tagged("post_install", "-at_install")
class TestBalanceOnProducedGoods(CollectionCase):
    def test_balance_invoice_and_notice_follow_the_produced_quantity(self):
        order = self._verified_order(
            customer=self.customer_c,
            user_id=self.clerk.id,
            order_line=[
                Command.create(
                    {
                        "product_id": self.product.id,
                        "product_uom_qty": 10,
                        "price_unit": 100.0,
                    }
                )
            ],
        )
        deposit = order._ow_deposit_invoices()
        deposit.action_post()
        self._pay(deposit, order.deposit_amount, date.today())
        production = order.ow_production_ids.with_user(self.supervisor)
        production.action_assign()
        production.qty_producing = 8
        production._set_qty_producing()
        production.move_raw_ids.picked = True
        production.with_context(skip_backorder=True).button_mark_done()
        self.assertEqual(production.state, "done")
        self.assertEqual(order.shipping_release_state, "blocked")
        goods = order.currency_id.round(order.amount_total * 0.8)
        self.assertAlmostEqual(order.ow_goods_amount, goods)
        due = goods - order.deposit_amount
        self.assertAlmostEqual(order.ow_balance_due, due)
        balance = order._ow_deposit_invoices().filtered(lambda m: m.state == "draft")
        self.assertAlmostEqual(balance.amount_total, due)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("order_workflow.report_balance_notice", order.ids)[0]
            .decode()
        )
        self.assertIn("8.00", html)
        self.assertNotIn("10.00", html)
        self.assertIn(f"{due:,.2f}</span>", html)
        balance.action_post()
        self._pay(balance, due, date.today())
        self.assertEqual(order.shipping_release_state, "released", "produced: paid")
