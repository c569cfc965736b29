# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_shipping import ShippingCase


@tagged("post_install", "-at_install")
class TestKpiDates(ShippingCase):
    def _shipped(self, order):
        order.with_user(self.clerk).action_issue_shipping_request()
        return self._ship(order)

    def test_early_order_is_on_time(self):
        order = self._released_order()
        self.assertFalse(order.finished_on)
        self.assertFalse(order.on_time, "unknown until finished")
        promised = order.promised_date
        self.assertTrue(promised)
        finished = datetime.combine(promised - timedelta(days=2), time(9))
        with freeze_time(finished):
            self._produce(order)
        self.assertEqual(order.finished_on, finished)
        self.assertEqual(order.finished_on, order.ow_production_ids.date_finished)
        self.assertTrue(order.on_time)
        order.with_user(self.clerk).planned_ship_date = promised
        self.assertFalse(order.on_time, "unknown until shipped by the agreed date")
        shipped_at = datetime.combine(promised, time(15))
        with freeze_time(shipped_at):
            picking = self._shipped(order)
        self.assertEqual(order.shipped_on, picking.date_done)
        self.assertEqual(order.shipped_on, shipped_at)
        self.assertTrue(order.on_time)

    def test_late_order_is_not_on_time(self):
        order = self._released_order()
        finished = datetime.combine(order.promised_date + timedelta(days=3), time(9))
        with freeze_time(finished):
            self._produce(order)
        self.assertEqual(order.finished_on, finished)
        self.assertFalse(order.on_time)

    def test_finished_in_time_but_shipped_after_the_agreed_date_is_late(self):
        order = self._released_order()
        promised = order.promised_date
        order.with_user(self.clerk).planned_ship_date = promised + timedelta(days=1)
        with freeze_time(datetime.combine(promised, time(8))):
            self._produce(order)
        self.assertFalse(order.on_time)
        with freeze_time(datetime.combine(promised + timedelta(days=4), time(8))):
            self._shipped(order)
        self.assertTrue(order.shipped_on)
        self.assertFalse(order.on_time)

    def test_goods_from_stock_are_finished_at_the_release(self):
        stock_product = self.env["product.product"].create(
            {"name": "Catalogue part", "type": "consu", "list_price": 10.0}
        )
        stock_product.ships_without_inspection = True
        order = self._released_order(
            order_line=[Command.create({"product_id": stock_product.id})]
        )
        self.assertFalse(order.ow_production_ids)
        self.assertEqual(order.workflow_stage, "ready")
        self.assertEqual(order.finished_on, order.production_released_on)
        self.assertTrue(order.finished_on)

    def test_first_pass_review(self):
        straight = self._complete_order()
        self.assertFalse(straight.first_pass_review, "not reviewed yet")
        straight.with_user(self.clerk).action_review_pass()
        self.assertTrue(straight.first_pass_review)
        asked = self._complete_order()
        asked.with_user(self.clerk).action_review_need_info("Which colour?")
        self.assertFalse(asked.first_pass_review)
        asked.with_user(self.clerk).action_record_customer_answer("Blue")
        asked.with_user(self.clerk).action_review_pass()
        self.assertEqual(asked.review_state, "passed")
        self.assertFalse(asked.first_pass_review)

    def test_the_dates_are_set_by_the_workflow_only(self):
        order = self._released_order()
        for field, value in (
            ("finished_on", datetime.now()),
            ("shipped_on", datetime.now()),
            ("on_time", True),
            ("first_pass_review", False),
        ):
            with self.assertRaises(AccessError, msg=field):
                order.with_user(self.manager).write({field: value})

    def test_orders_outside_the_workflow_have_no_kpi_dates(self):
        team_off = self.env["crm.team"].create(
            {"name": "No workflow", "use_order_workflow": False}
        )
        order = self._create_order(team=team_off)
        order.action_confirm()
        self.assertFalse(order.first_pass_review)
        self.assertFalse(order.finished_on)
        self.assertFalse(order.on_time)
