# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Orders kanban stays fast over many orders (make bench measures it over 100,000):
the queries that count its columns are answered by one index, and the cards' waiting
lines are not translated card by card."""

import re
from datetime import timedelta
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tools import SQL

from .common import OrderWorkflowCase, load_chinese

INDEX = "sale_order_ow_stage_kanban_index"
PROGRESS_BAR = {
    "field": "activity_state",
    "colors": {"planned": "success", "today": "warning", "overdue": "danger"},
}


@tagged("post_install", "-at_install")
class TestKanbanScale(OrderWorkflowCase):
    def _kanban_counts(self):
        """The statements that count orders when the web client opens the kanban
        (as the clerk): the columns, their progress bars, each column's count."""
        Order = self.env["sale.order"].with_user(self.clerk)
        domain = [("use_order_workflow", "=", True)]
        cr = self.env.cr
        statements = []
        execute = type(cr).execute

        def spy(cursor, query, params=None, log_exceptions=True):
            if isinstance(query, SQL) and "COUNT(" in query.code:
                statements.append(query)
            return execute(cursor, query, params, log_exceptions)

        with patch.object(type(cr), "execute", spy):
            groups = Order.web_read_group(domain, [], ["workflow_stage"], lazy=True)
            Order.read_progress_bar(domain, "workflow_stage", PROGRESS_BAR)
            column = next(g for g in groups["groups"] if g["workflow_stage_count"])
            # the column's count: more orders than the cards it shows
            Order.web_search_read(
                column["__domain"], {"name": {}}, limit=1, count_limit=10001
            )
        return statements

    def _index(self):
        """(columns, predicate) of the kanban's index."""
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [INDEX]
        )
        row = self.env.cr.fetchone()
        self.assertTrue(row, f"{INDEX} exists")
        match = re.search(r"\((.*)\) WHERE (.*)$", row[0])
        return [c.strip() for c in match[1].split(",")], match[2]

    def test_the_kanban_counts_from_the_index_alone(self):
        """Every column of the table that the counting statements read is in the
        index: PostgreSQL answers them without reading the (wide) table. make bench
        measures the effect over 100,000 orders."""
        self._create_order()
        self._create_order()
        columns, predicate = self._index()
        self.assertEqual(columns, ["workflow_stage", "company_id", "id"])
        self.assertEqual(predicate, "use_order_workflow")
        statements = self._kanban_counts()
        self.assertEqual(len(statements), 3, statements)
        for sql in statements:
            read = set(re.findall(r'"sale_order"\."(\w+)"', sql.code))
            self.assertIn("workflow_stage", read, sql.code)
            self.assertLessEqual(read, {*columns, predicate}, sql.code)

    def test_waiting_line_in_chinese(self):
        load_chinese(self.env)
        orders = self._create_order() | self._create_order()
        clerk = (
            self.env.ref("order_workflow.group_order_clerk")
            .with_context(lang="zh_CN")
            .name
        )
        lines = orders.with_context(lang="zh_CN").mapped("ow_waiting_for")
        self.assertEqual(lines[0], lines[1])
        self.assertTrue(lines[0].startswith("等待"), lines[0])
        self.assertIn(clerk, lines[0])
        self.assertNotIn("Waiting for", lines[0])

    def test_a_column_loads_twenty_cards(self):
        """17 columns, 10 opened at once: each loads 20 cards, Load more the rest."""
        view = self.env.ref("order_workflow.view_order_workflow_kanban")
        arch = self.env["sale.order"].get_views([(view.id, "kanban")])["views"]
        self.assertIn('limit="20"', arch["kanban"]["arch"])

    def test_cards_do_not_fetch_the_whole_order(self):
        """A column's cards are read with the kanban's fields only: the record rules
        are checked on them (company_id is among them) and the 2-hour rule reads the
        order's creation alone, so no statement fetches the order's ~200 columns
        (make bench: each column cost a second, wide read of every card). An intake
        order old enough for the 2-hour rule is among the cards."""
        order = self._create_order()
        self.env.cr.execute(
            "UPDATE sale_order SET create_date = %s WHERE id = %s",
            [order.create_date - timedelta(days=1), order.id],
        )
        self.env.invalidate_all()
        Order = self.env["sale.order"].with_user(self.clerk)
        view = self.env.ref("order_workflow.view_order_workflow_kanban")
        names = re.findall(
            r'<field name="(\w+)"',
            Order.get_views([(view.id, "kanban")])["views"]["kanban"]["arch"],
        )
        spec = {name: {} for name in names}
        cr = self.env.cr
        read = []
        execute = type(cr).execute

        def spy(cursor, query, params=None, log_exceptions=True):
            code = query.code if isinstance(query, SQL) else str(query)
            if code.startswith('SELECT "sale_order"."id", '):
                read.append(set(re.findall(r'"sale_order"\."(\w+)"', code)))
            return execute(cursor, query, params, log_exceptions)

        domain = [("use_order_workflow", "=", True), ("workflow_stage", "=", "intake")]
        with patch.object(type(cr), "execute", spy):
            cards = Order.web_search_read(domain, spec, limit=20)
        card = next(card for card in cards["records"] if card["id"] == order.id)
        self.assertEqual(card["contact_overdue"], not order.review_complete)
        self.assertTrue(read)
        for columns in read:
            self.assertLess(len(columns), 40, sorted(columns))
            self.assertNotIn("validation_status", columns)
