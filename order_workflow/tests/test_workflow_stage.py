# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.order_workflow.models.sale_order import WORKFLOW_STAGES

from .common import OrderWorkflowCase

# measured; a transition must not cost more with more lines (11 since after-sales:
# OCA rma_sale reads the order's RMAs among its invoices, with or without the workflow;
# 12 since Odoo's purchase_stock and purchase_mrp are installed: measured the same with
# order_workflow's own material code disabled; 13 with the stage log's one statement)
CANCEL_QUERIES = 13


@tagged("post_install", "-at_install")
class TestWorkflowStage(OrderWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_off = cls.env["crm.team"].create(
            {"name": "Team without workflow", "use_order_workflow": False}
        )

    def test_new_quotation_is_in_intake(self):
        order = self._create_order(user=self.clerk)
        self.assertTrue(order.use_order_workflow)
        self.assertEqual(order.workflow_stage, "intake")

    def test_quotation_created_in_the_form_is_in_intake(self):
        form = Form(self.env["sale.order"].with_user(self.clerk))
        form.partner_id = self.customer
        form.team_id = self.team
        with form.order_line.new() as line:
            line.product_id = self.product
        order = form.save()
        self.assertTrue(order.use_order_workflow)
        self.assertEqual(order.workflow_stage, "intake")

    def test_cancelled_order_is_cancelled(self):
        order = self._create_order(user=self.clerk)
        order.with_user(self.clerk).action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.workflow_stage, "cancelled")
        order.with_user(self.clerk).action_draft()
        self.assertEqual(order.workflow_stage, "intake")

    def test_team_without_workflow_gives_plain_odoo_orders(self):
        order = self._create_order(team=self.team_off)
        self.assertFalse(order.use_order_workflow)
        self.assertFalse(order.workflow_stage)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.workflow_stage)

    def test_switch_is_fixed_at_creation(self):
        on = self._create_order()
        off = self._create_order(team=self.team_off)
        # switching the teams afterwards changes nothing on existing orders
        self.team.use_order_workflow = False
        self.team_off.use_order_workflow = True
        on.team_id = self.team_off
        self.assertTrue(on.use_order_workflow)
        self.assertFalse(off.use_order_workflow)
        # ...and the flag can't be flipped by hand
        with self.assertRaisesRegex(UserError, "fixed when it is created"):
            on.write({"use_order_workflow": False})
        with self.assertRaisesRegex(UserError, "fixed when it is created"):
            off.write({"use_order_workflow": True})
        # writing the same value is harmless (imports, generic clients)
        on.write({"use_order_workflow": True})
        # a copy is a new order: it follows its team now
        self.assertTrue(off.copy().use_order_workflow)
        on.team_id = self.team
        self.assertFalse(on.copy().use_order_workflow)

    def test_kanban_shows_every_stage(self):
        groups = self.env["sale.order"].read_group(
            [("use_order_workflow", "=", True)],
            ["workflow_stage"],
            ["workflow_stage"],
        )
        self.assertEqual(
            [g["workflow_stage"] for g in groups], [k for k, _l in WORKFLOW_STAGES]
        )

    def test_kanban_folds_the_finished_orders(self):
        """Closed, rejected and cancelled hold most orders: their columns are folded
        (the web client loads their cards when the user opens them)."""
        groups = self.env["sale.order"].web_read_group(
            [("use_order_workflow", "=", True)], [], ["workflow_stage"]
        )["groups"]
        folded = {g["workflow_stage"] for g in groups if g["__fold"]}
        self.assertEqual(folded, {"closed", "rejected", "cancelled"})
        # grouped by anything else, nothing is folded
        groups = self.env["sale.order"].web_read_group(
            [("use_order_workflow", "=", True)], [], ["state"]
        )["groups"]
        self.assertFalse([g for g in groups if g.get("__fold")])

    def test_waiting_line_names_what_and_who(self):
        order = self._create_order()
        clerk = self.env.ref("order_workflow.group_order_clerk").name
        self.assertEqual(
            order.ow_waiting_for,
            f"Waiting for the preliminary review: {clerk}",
        )
        self.assertFalse(self._create_order(team=self.team_off).ow_waiting_for)

    def test_waiting_line_costs_the_same_for_a_column_of_cards(self):
        """A kanban column reads the line of up to 40 cards at once."""

        def read(orders):
            return lambda: orders.read(["ow_waiting_for"])

        one = self._create_order()
        many = one | self._create_order() | self._create_order() | self._create_order()
        self._queries(read(one))  # the role's xmlid is cached after its first use
        self.assertEqual(self._queries(read(many)), self._queries(read(one)))
        self.assertEqual(len(set(many.mapped("ow_waiting_for"))), 1)

    def test_stage_is_searchable_and_indexed(self):
        field = self.env["sale.order"]._fields["workflow_stage"]
        self.assertTrue(field.store)
        self.assertTrue(field.index)
        order = self._create_order()
        self.assertIn(
            order,
            self.env["sale.order"].search([("workflow_stage", "=", "intake")]),
        )

    def test_cancel_query_count_does_not_grow_with_lines(self):
        """The workflow's cost on cancel is fixed: same for 1 and for 30 lines.

        Odoo's own cancel reads each line's currency once (one query per line), with or
        without this module; so the workflow's share is measured against orders of a
        team without the workflow.
        """
        self._create_order(lines=2).action_cancel()  # warm the caches
        counts = {}
        for lines in (1, 30):
            on = self._create_order(lines=lines)
            off = self._create_order(lines=lines, team=self.team_off)
            with self.assertQueryCount(CANCEL_QUERIES + lines):
                counts[lines, "on"] = self._queries(on.action_cancel)
            counts[lines, "off"] = self._queries(off.action_cancel)
            self.assertEqual(on.workflow_stage, "cancelled")
        overhead_small = counts[1, "on"] - counts[1, "off"]
        overhead_large = counts[30, "on"] - counts[30, "off"]
        self.assertEqual(overhead_small, overhead_large, counts)
        # the stage's recompute and the stage log's statement (stage_log.py)
        self.assertLessEqual(overhead_small, 2, counts)
