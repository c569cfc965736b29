# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import datetime, timedelta
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2 import errors

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_deposit import DepositCase


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))


class ProductionCase(DepositCase):
    """Released orders of a class A customer (no deposit) for a manufactured product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = cls.users["group_production_supervisor"]
        cls.qc = cls.users["group_qc_inspector"]
        cls.service = cls.users["group_service_supervisor"]
        cls.director = cls.users["group_sales_director"]
        cls.clerk.email = "clerk@example.com"
        # inspected by default: the quality gate has its own tests
        # (test_production_quality), the others ship without inspection
        cls.product.ships_without_inspection = True

    def _released_order(self, **vals):
        vals.setdefault("user_id", self.clerk.id)
        order = self._verified_order(customer=self.good_customer, **vals)
        self.assertTrue(order.production_released)
        return order

    def _produce(self, order, user=None):
        for production in order.ow_production_ids:
            production = production.with_user(user or self.supervisor)
            production.action_assign()
            production.qty_producing = production.product_qty
            production.move_raw_ids.picked = True
            production.button_mark_done()

    def _out_picking(self, order):
        return order.picking_ids.filtered(lambda p: p.picking_type_code == "outgoing")


@tagged("post_install", "-at_install")
class TestProductionInstruction(ProductionCase):
    def test_mo_carries_the_order_data_and_prints_the_instruction(self):
        order = self._released_order(
            client_order_ref="PO-7781",
            quantity_tolerance=5.0,
            packaging_requirements="Wooden crates, 2 per crate",
            note="<p>Paint RAL 5015</p>",
        )
        production = order.ow_production_ids
        self.assertEqual(len(production), 1)
        self.assertEqual(production.sale_id, order)
        self.assertEqual(production.client_order_ref, "PO-7781")
        self.assertEqual(production.partner_id, order.partner_id)
        self.assertEqual(production.ow_promised_date, order.promised_date)
        self.assertEqual(production.ow_quantity_tolerance, 5.0)
        self.assertEqual(production.ow_packaging, "Wooden crates, 2 per crate")
        self.assertIn("RAL 5015", production.ow_special_requirements)
        report = self.env["ir.actions.report"].with_user(self.supervisor)
        for name, ids in (
            ("order_workflow.report_production_instruction_mo", production.ids),
            ("order_workflow.report_production_instruction_order", order.ids),
        ):
            html, _fmt = report._render_qweb_html(name, ids)
            text = _text(html)
            for expected in (
                "Production Instruction",
                production.name,
                order.name,
                "PO-7781",
                "± 5",
                "Wooden crates",
                "RAL 5015",
                f"{order.promised_date:%m/%d/%Y}",
                "Production supervisor: signature and date",
            ):
                self.assertIn(expected, text, name)

    def test_acknowledgement_by_the_production_supervisor_only(self):
        order = self._released_order()
        production = order.ow_production_ids
        for user in (self.clerk, self.qc, self.manager):
            with self.assertRaises(AccessError):
                production.with_user(user).action_acknowledge_instruction()
        self.assertFalse(production.instruction_acknowledged_by_id)
        self.assertIs(
            production.with_user(self.supervisor).action_acknowledge_instruction(), True
        )
        self.assertEqual(production.instruction_acknowledged_by_id, self.supervisor)
        self.assertTrue(production.instruction_acknowledged_on)

    def test_unacknowledged_instruction_raises_an_activity_after_a_working_day(self):
        activity = self.env.ref("order_workflow.activity_instruction")
        self.env.company.resource_calendar_id.tz = "UTC"  # 8-12, 13-17, Mon-Fri
        with freeze_time("2026-11-20 09:00:00"):  # a Friday
            order = self._released_order()
        production = order.ow_production_ids
        # the database stamps create_date with its own clock, not freezegun's
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE mrp_production SET create_date = '2026-11-20 09:00' WHERE id = %s",
            [production.id],
        )
        production.invalidate_recordset(["create_date"])
        with freeze_time("2026-11-22 10:00:00"):  # Sunday: not a working day later
            self.env["mrp.production"]._cron_remind_instructions()
        self.assertFalse(
            production.activity_ids.filtered(lambda a: a.activity_type_id == activity)
        )
        with freeze_time("2026-11-23 18:00:00"):  # Monday evening
            self.env["mrp.production"]._cron_remind_instructions()
            self.env["mrp.production"]._cron_remind_instructions()
        reminders = production.activity_ids.filtered(
            lambda a: a.activity_type_id == activity
        )
        self.assertEqual(len(reminders), 1, "once")
        self.assertEqual(reminders.user_id, self.supervisor)
        production.with_user(self.supervisor).action_acknowledge_instruction()
        self.assertFalse(
            production.activity_ids.filtered(lambda a: a.activity_type_id == activity)
        )


@tagged("post_install", "-at_install")
class TestProgress(ProductionCase):
    def test_delay_risk_follows_the_mo_dates_and_the_promised_date(self):
        order = self._released_order()
        production = order.ow_production_ids
        self.assertFalse(order.delay_risk)
        late = datetime.combine(
            order.promised_date + timedelta(days=3), datetime.min.time()
        )
        production.with_user(self.supervisor).date_finished = late
        self.assertTrue(order.delay_risk)
        self.assertIn(
            order,
            self.env["sale.order"].search([("delay_risk", "=", True)]),
        )
        self.assertEqual(order.production_finish_date, late)
        # fixed by the production plan…
        production.with_user(self.supervisor).date_finished = late - timedelta(days=5)
        self.assertFalse(order.delay_risk)
        # …or by a later promised date
        production.with_user(self.supervisor).date_finished = late
        self.assertTrue(order.delay_risk)
        # (after confirmation only a change request moves it: test_change_request)
        order.promised_date = order.promised_date + timedelta(days=5)
        self.assertFalse(order.delay_risk)
        self.assertEqual(
            production.date_deadline.date(),
            order.production_committed_date,
            "the MO keeps the date production committed to",
        )

    def test_daily_move_of_the_promised_date_updates_the_delay_risk(self):
        """Released but waiting for the letter of credit: the cron moves the date in
        SQL and the delay risk with it."""
        with freeze_time("2026-11-02 10:00:00"):
            order = self._released_order(lc_required=True)
            self.assertFalse(order.clock_start_date)
            production = order.ow_production_ids
            production.date_finished = datetime(2026, 12, 30, 12, 0)
            order.promised_date = datetime(2026, 12, 31).date()
            self.assertFalse(order.delay_risk)
            order.promised_date = datetime(2026, 12, 20).date()
            self.assertTrue(order.delay_risk)
        self.env["sale.order"].browse(order.id).write({"lead_days": 60})
        with freeze_time("2026-11-03 01:00:00"):
            self.env["sale.order"]._cron_move_promised_dates()
        order.invalidate_recordset()
        self.assertEqual(order.promised_date, datetime(2027, 1, 2).date())
        self.assertFalse(order.delay_risk)

    def test_progress_then_ready_and_the_clerk_is_told(self):
        order = self._released_order(lines=2)
        self.assertEqual(order.workflow_stage, "production")
        self.assertEqual(order.production_qty_planned, 3.0)
        self.assertEqual(order.production_progress, 0.0)
        first = order.ow_production_ids.sorted("product_qty")[0]
        first.with_user(self.supervisor).action_assign()
        first.with_user(self.supervisor).qty_producing = first.product_qty
        first.move_raw_ids.picked = True
        first.with_user(self.supervisor).button_mark_done()
        self.assertAlmostEqual(order.production_progress, 100.0 / 3, places=1)
        self.assertEqual(order.workflow_stage, "production")
        by_line = {
            line.product_uom_qty: (line.ow_qty_produced, line.ow_qty_planned)
            for line in order.order_line
        }
        self.assertEqual(by_line, {1.0: (1.0, 1.0), 2.0: (0.0, 2.0)})
        self._produce(order)
        order.order_line.invalidate_recordset()
        self.assertEqual(
            order.order_line.mapped("ow_qty_produced"),
            order.order_line.mapped("ow_qty_planned"),
        )
        self.assertEqual(order.production_qty_produced, 3.0)
        self.assertTrue(order.production_done)
        self.assertEqual(order.qc_state, "not_needed")
        self.assertEqual(order.workflow_stage, "ready")
        self.assertTrue(order.ready_notified_on)
        self._send_queued()  # the notice is posted after the click
        told = order.message_ids.filtered(lambda m: "ready to ship" in (m.body or ""))
        self.assertEqual(len(told), 1)
        self.assertIn(self.clerk.partner_id, told.partner_ids)

    def test_last_mo_cancelled_the_goods_made_are_released(self):
        order = self._released_order(lines=2)
        first, second = order.ow_production_ids
        first = first.with_user(self.supervisor)
        first.action_assign()
        first.qty_producing = first.product_qty
        first.move_raw_ids.picked = True
        first.button_mark_done()
        self.assertEqual(order.workflow_stage, "production")
        second.with_user(self.supervisor).action_cancel()
        self.assertTrue(order.production_done)
        self.assertEqual(order.workflow_stage, "ready")
        self.assertEqual(order.shipping_release_state, "released")
        self.assertTrue(order.ready_notified_on)

    def test_digest_commits_when_a_user_changed_an_order_meanwhile(self):
        """A serialization failure on one order's snapshot keeps that order's
        snapshot, stores the others' and the e-mails still go."""
        order = self._released_order()
        other = self._released_order()
        busy = order.id
        model = type(self.env["sale.order"])
        original = model._ow_write_snapshots

        def write(self, values):
            if any(oid == busy for oid, _snap in values):
                raise errors.SerializationFailure("could not serialize access")
            return original(self, values)

        mails = self.env["mail.mail"].sudo()
        before = mails.search([])
        with patch.object(model, "_ow_write_snapshots", write):
            self.assertTrue(self.env["sale.order"]._cron_production_digest())
        self.assertTrue(mails.search([]) - before, "the digest went out")
        self.assertFalse(order.ow_digest_snapshot, "kept: reported again tomorrow")
        self.assertEqual(other.ow_digest_snapshot["progress"], 0.0)

    def test_daily_digest_to_each_salesperson(self):
        order = self._released_order()
        gm = self.users["group_general_manager"]
        gm.email = "gm@example.com"
        other = self._released_order(user_id=gm.id)
        mails = self.env["mail.mail"].sudo()
        before = mails.search([])
        self.env["sale.order"]._cron_production_digest()
        new = mails.search([]) - before
        mine = new.filtered(lambda m: self.clerk.partner_id in m.recipient_ids)
        self.assertEqual(len(mine), 1)
        self.assertIn(order.name, mine.body_html)
        self.assertNotIn(other.name, mine.body_html)
        self.assertIn("new in production", mine.body_html)
        self.assertEqual(order.ow_digest_snapshot["progress"], 0.0)
        self._produce(other)
        order.ow_production_ids.with_user(
            self.supervisor
        ).date_finished = datetime.combine(
            order.promised_date + timedelta(days=2), datetime.min.time()
        )
        before = mails.search([])
        self.env["sale.order"]._cron_production_digest()
        mine = (mails.search([]) - before).filtered(
            lambda m: self.clerk.partner_id in m.recipient_ids
        )
        self.assertIn("delay risk appeared", mine.body_html)
        self.assertIn("At risk", mine.body_html)
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "order_workflow.report_daily_production", order.ids
        )
        self.assertIn("Daily Production Report", html.decode())
        self.assertIn(order.name, html.decode())

    def _bulk_orders_in_production(self, count):
        order = self._released_order()
        self.env.flush_all()
        cr = self.env.cr

        def columns(table, skip):
            cr.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = %s AND NOT column_name = ANY(%s)",
                [table, list(skip)],
            )
            return [c for (c,) in cr.fetchall()]

        so_cols = ", ".join(
            f'"{c}"' for c in columns("sale_order", ("id", "name", "access_token"))
        )
        cr.execute(
            f"""
            INSERT INTO sale_order (name, {so_cols})
            SELECT 'BULK-' || n, {so_cols}
              FROM sale_order, generate_series(1, %s) AS n
             WHERE id = %s
         RETURNING id
            """,
            [count, order.id],
        )
        ids = [r[0] for r in cr.fetchall()]
        mo_names = columns("mrp_production", ("id", "name", "sale_id"))
        mo_cols = ", ".join(f'"{c}"' for c in mo_names)
        mo_values = ", ".join(f'm."{c}"' for c in mo_names)
        cr.execute(
            f"""
            INSERT INTO mrp_production (name, sale_id, {mo_cols})
            SELECT 'BULK-MO-' || o.id, o.id, {mo_values}
              FROM mrp_production m, unnest(%s::int[]) AS o(id)
             WHERE m.id = %s
            """,
            [ids, order.ow_production_ids.id],
        )
        self.env.invalidate_all()
        return self.env["sale.order"].browse(ids)

    def test_delay_risk_and_digest_for_many_orders_are_batched(self):
        counts = {}
        for count in (10, 1000):
            orders = self._bulk_orders_in_production(count)
            field = orders._fields["delay_risk"]

            def recompute(orders=orders, field=field):
                self.env.add_to_compute(field, orders)
                orders._recompute_recordset(["delay_risk"])

            counts[("risk", count)] = self._queries(recompute)
            counts[("digest", count)] = self._queries(
                self.env["sale.order"]._cron_production_digest
            )
            self.env.cr.execute(
                "DELETE FROM mrp_production WHERE name LIKE 'BULK-MO-%%';"
                "DELETE FROM sale_order WHERE name LIKE 'BULK-%%'"
            )
            self.env.invalidate_all()
        for kind in ("risk", "digest"):
            self.assertLessEqual(
                counts[(kind, 1000)] - counts[(kind, 10)], 6, (kind, counts)
            )
