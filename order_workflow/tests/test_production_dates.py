# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Seed fidelity of production and delivery dates: production keeps the date it
committed to, and the follow-up counts from the delivery."""

from datetime import date, datetime, time, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .test_shipping import ShippingCase


@tagged("post_install", "-at_install")
class TestProductionKeepsItsDate(ShippingCase):
    """生产部所确认的交货期以先期书写说明上的预定交货日期为准."""

    def _deadline(self, day):
        return datetime.combine(day, time(12))

    def _mo_day(self, production):
        return production.date_deadline.date()

    def test_widening_the_promised_date_does_not_relax_the_mos(self):
        order = self._released_order()
        production = order.ow_production_ids
        committed = order.clock_start_date + timedelta(days=order.lead_days)
        self.assertEqual(order.production_committed_date, committed)
        self.assertEqual(order.promised_date, committed)
        self.assertEqual(self._mo_day(production), committed)
        # the customer gets a later date: production keeps its own
        # (the write a customer date change request does: test_change_request)
        order.promised_date = committed + timedelta(days=10)
        self.assertEqual(self._mo_day(production), committed)
        order.write({"commitment_date": self._deadline(committed + timedelta(days=10))})
        self.env.flush_all()
        production.invalidate_recordset(["date_deadline"])
        self.assertEqual(self._mo_day(production), committed)
        self.assertEqual(order.production_committed_date, committed)
        # the delivery keeps the customer's date
        self.assertEqual(
            self._out_picking(order).move_ids.date_deadline,
            self._deadline(committed + timedelta(days=10)),
        )

    def test_the_committed_date_is_protected(self):
        order = self._released_order()
        with self.assertRaises(Exception):  # noqa: B017  (AccessError or UserError)
            order.with_user(self.clerk).production_committed_date = date(2030, 1, 1)

    def test_an_accepted_production_anomaly_moves_production_too(self):
        order = self._released_order()
        production = order.ow_production_ids
        committed = order.production_committed_date
        anomaly = (
            self.env["order_workflow.production.anomaly"]
            .with_user(self.supervisor)
            .create(
                {
                    "production_id": production.id,
                    "anomaly_type": "material",
                    "description": "Steel sheet late.",
                    "impact_days": 4,
                    "response_plan": "Partial delivery.",
                }
            )
        )
        anomaly.with_user(self.clerk).action_accept_new_date("customer agreed")
        new = committed + timedelta(days=4)
        self.assertEqual(order.production_committed_date, new)
        self.assertEqual(self._mo_day(production), new)


@tagged("post_install", "-at_install")
class TestFollowUpFromTheDelivery(ShippingCase):
    def test_follow_up_counts_from_the_delivery_not_the_receipt(self):
        self.env.company.resource_calendar_id.tz = "UTC"
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        with freeze_time("2026-11-20 09:00:00"):  # delivered on a Friday
            picking = self._ship(order)
        self.assertEqual(picking.date_done, datetime(2026, 11, 20, 9, 0))
        with freeze_time("2026-11-27 15:00:00"):  # the receipt comes back a week later
            picking.with_user(self.shipper).action_register_receipt(
                "Zhou Min", "2026-11-27"
            )
        self.assertEqual(order.workflow_stage, "delivered")
        self.assertEqual(order.delivered_on, picking.date_done)
        followup = order.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("order_workflow.activity_followup")
        )
        self.assertEqual(followup.date_deadline, date(2026, 11, 25), "Wednesday")
        self.assertEqual(
            order._ow_followup_date(fields.Datetime.to_datetime("2026-11-20 09:00")),
            date(2026, 11, 25),
        )
