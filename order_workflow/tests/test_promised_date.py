# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_confirmation import ConfirmationCase

CRON_QUERIES = 10  # measured, plus one INSERT per 100 chatter lines


@tagged("post_install", "-at_install")
class TestPromisedDate(ConfirmationCase):
    def _sent_order(self):
        order = self._approved_order()
        order.with_user(self.clerk).action_send_for_confirmation()
        return order

    def test_lead_days_default_and_from_manufacturing_lead_times(self):
        order = self._complete_order()
        self.assertEqual(order.lead_days, 15)
        self.env.company.order_workflow_lead_margin = 2
        self.env["mrp.bom"].create(
            {
                "product_tmpl_id": self.product.product_tmpl_id.id,
                "produce_delay": 10,
                "days_to_prepare_mo": 1,
                "bom_line_ids": [
                    Command.create(
                        {
                            "product_id": self.env["product.product"]
                            .create({"name": "Sheet", "type": "consu"})
                            .id,
                            "product_qty": 1,
                        }
                    )
                ],
            }
        )
        order = self._complete_order()
        self.assertEqual(order.lead_days, 13)
        order.lead_days = 20  # the production supervisor's estimate
        self.assertEqual(order.lead_days, 20)

    def test_promised_date_moves_one_day_per_late_day_then_is_fixed(self):
        with freeze_time("2026-11-02 09:00:00"):
            order = self._sent_order()
            self.assertEqual(order.promised_date, date(2026, 11, 17))
        for day, expected in (
            ("2026-11-03", date(2026, 11, 18)),
            ("2026-11-04", date(2026, 11, 19)),
            ("2026-11-05", date(2026, 11, 20)),
        ):
            with freeze_time(f"{day} 01:00:00"):
                self.env["sale.order"]._cron_move_promised_dates()
                order.invalidate_recordset(["promised_date"])
                self.assertEqual(order.promised_date, expected)
        moves = order.message_ids.filtered(lambda m: "is late" in (m.body or ""))
        self.assertEqual(len(moves), 3)
        with freeze_time("2026-11-05 10:00:00"):
            order.with_user(self.clerk).action_register_signed_confirmation(
                "Zhang Wei", "2026-11-05"
            )
            order.with_user(self.clerk).action_verify_confirmation()
        self.assertEqual(order.clock_start_date, date(2026, 11, 5))
        self.assertEqual(order.promised_date, date(2026, 11, 20))
        self.assertEqual(order.commitment_date.date(), date(2026, 11, 20))
        with freeze_time("2026-11-06 01:00:00"):
            self.env["sale.order"]._cron_move_promised_dates()
        self.assertEqual(order.promised_date, date(2026, 11, 20), "the clock started")

    def test_after_confirmation_only_a_change_request_moves_it(self):
        order = self._sent_order()
        order.with_user(self.clerk).action_register_signed_confirmation(
            "Li", "2026-11-05"
        )
        order.with_user(self.clerk).action_verify_confirmation()
        self.assertEqual(order.state, "sale")
        promised = order.promised_date
        with self.assertRaisesRegex(AccessError, "Request a change"):
            order.with_user(self.clerk).promised_date = promised.replace(day=28)
        with self.assertRaisesRegex(UserError, "not brought forward"):
            order.with_user(self.clerk).promised_date = promised.replace(day=1)
        self.assertEqual(order.promised_date, promised)

    def _waiting_orders(self, count):
        template = self._sent_order()
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT column_name FROM information_schema.columns
             WHERE table_name = 'sale_order' AND column_name NOT IN ('id', 'name',
                   'access_token')
            """
        )
        columns = ", ".join(f'"{c}"' for (c,) in self.env.cr.fetchall())
        self.env.cr.execute(
            f"""
            INSERT INTO sale_order (name, {columns})
            SELECT 'BULK-' || n, {columns}
              FROM sale_order, generate_series(1, %s) AS n
             WHERE id = %s
            """,
            [count, template.id],
        )
        self.env.invalidate_all()
        return template

    def test_cron_is_batched(self):
        """10,000 waiting orders: one UPDATE moves them all; the chatter lines are
        inserted by the ORM 100 rows per INSERT. Nothing is done order by order."""
        counts = {}
        for count in (10, 10000):
            with freeze_time("2026-11-02 09:00:00"):
                self._waiting_orders(count)
            with freeze_time(f"2026-11-{3 if count == 10 else 4} 01:00:00"):
                self.env.invalidate_all()
                with self.assertQueryCount(CRON_QUERIES + count // 100):
                    counts[count] = self._queries(
                        self.env["sale.order"]._cron_move_promised_dates
                    )
        self.assertLessEqual(counts[10000] - counts[10], 10000 // 100 + 1, counts)
        moved = self.env["sale.order"].search_count(
            [("name", "like", "BULK-"), ("promised_date", "=", "2026-11-19")]
        )
        self.assertEqual(moved, 10010)
