# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A complaint's steps run a constant number of queries, whatever the order's size,
and the overdue cron's run costs the same over 10,000 open complaints as over a
handful (one batch per run)."""

from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .test_complaint import REGISTERED, ComplaintCase

# the queries of each step, as measured; a step that grows fails here
STEPS = {"open": 61, "response": 31, "assess": 3, "resolve": 23}


@tagged("post_install", "-at_install")
class TestComplaintQueries(ComplaintCase):
    def _steps(self, order):
        """The queries of each of the complaint's steps on ``order``."""
        counts = {}
        ticket = self.Ticket
        clerk_order = order.with_user(self.clerk)

        def open_():
            nonlocal ticket
            ticket = self.Ticket.browse(
                clerk_order.action_open_complaint(
                    "quality", "Cracked housings", complaint_qty=1
                )
            )

        counts["open"] = self._queries(open_)
        counts["response"] = self._queries(
            lambda: ticket.with_user(self.clerk).action_first_response("On it")
        )
        counts["assess"] = self._queries(
            lambda: ticket.with_user(self.service).action_assess_complaint(
                True, "Confirmed", "production"
            )
        )
        counts["resolve"] = self._queries(
            lambda: ticket.with_user(self.service).action_resolve(
                "replace", "New units"
            )
        )
        self.assertEqual(ticket.complaint_state, "waiting")
        self.assertEqual(len(ticket.complaint_rma_ids), 1)
        return counts

    def test_steps_do_not_grow_with_the_order(self):
        self._steps(self._released_order())  # warm: the registry's caches
        small = self._steps(self._released_order())
        large = self._steps(self._released_order(lines=4))
        self.assertEqual(small, large)
        for step, count in large.items():
            self.assertLessEqual(count, STEPS[step], f"{step}: {large}")

    def test_steps_have_a_pinned_query_count(self):
        order = self._released_order(lines=3)
        self._steps(order)  # warm: the registry's caches
        order = self._released_order(lines=2)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(STEPS["open"]):
            ticket = self.Ticket.browse(
                order.with_user(self.clerk).action_open_complaint(
                    "quality", "Cracked", complaint_qty=1
                )
            )
        self.env.invalidate_all()
        with self.assertQueryCount(STEPS["response"]):
            ticket.with_user(self.clerk).action_first_response("On it")
        self.env.invalidate_all()
        with self.assertQueryCount(STEPS["assess"]):
            ticket.with_user(self.service).action_assess_complaint(
                True, "Confirmed", "production"
            )
        self.env.invalidate_all()
        with self.assertQueryCount(STEPS["resolve"]):
            ticket.with_user(self.service).action_resolve("replace", "New units")

    def _insert_complaints(self, model, count):
        """``count`` copies of the complaint ``model`` by SQL, as many open
        complaints waiting for their first response."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            INSERT INTO helpdesk_ticket (
                name, description, number, company_id, partner_id, team_id,
                user_id, stage_id, type_id, is_complaint, sale_order_id,
                complaint_category, first_response_due, active, create_uid,
                create_date, write_uid, write_date
            )
            SELECT t.name || ' ' || n, t.description, t.number || '-' || n,
                t.company_id, t.partner_id, t.team_id, t.user_id, t.stage_id,
                t.type_id, t.is_complaint, t.sale_order_id, t.complaint_category,
                t.first_response_due, TRUE, t.create_uid, t.create_date,
                t.write_uid, t.write_date
              FROM helpdesk_ticket t, generate_series(1, %s) n
             WHERE t.id = %s
            """,
            [count, model.id],
        )
        self.env.invalidate_all()

    def _open_overdue(self):
        return self.Ticket.search_count(
            [
                ("is_complaint", "=", True),
                ("response_overdue", "=", False),
                ("first_response_on", "=", False),
            ]
        )

    def test_cron_costs_the_same_over_ten_thousand_complaints(self):
        order = self._released_order()
        with freeze_time(REGISTERED):
            model = self._complaint(order, complaint_qty=1)
        late = REGISTERED + timedelta(hours=30)

        def run():
            with freeze_time(late):
                return self._queries(self.Ticket._cron_complaint_response_overdue)

        self._insert_complaints(model, 3)
        waiting = self._open_overdue()
        few = run()  # the 4 complaints
        self.assertEqual(self._open_overdue(), waiting - 4)
        self._insert_complaints(model, 300)
        batch = run()  # 200 of 300
        self._insert_complaints(model, 10000)
        many = run()  # 200 of 10,100
        self.assertEqual(self._open_overdue(), waiting - 4 + 10300 - 400)
        activities = self.env["mail.activity"].search_count(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("activity_type_id", "=", self.response_type.id),
            ]
        )
        self.assertEqual(activities, 2 * (4 + 400))
        self.assertEqual(many, batch, "one run's queries don't grow with complaints")
        # a full batch differs from a handful only by the ORM's insert chunks
        self.assertLessEqual(many - few, 12, (few, batch, many))
