# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The lifecycle is one table (models/sale_order.py LIFECYCLE): it agrees with DESIGN.md
and the README, and no gate's file decides the order of the stages."""

import re
from pathlib import Path

from odoo.tests import tagged

from odoo.addons.order_workflow.models import sale_order
from odoo.addons.order_workflow.models.sale_order import ENDS, LIFECYCLE

from .test_intake_review import ReviewCase

REPO = Path(__file__).resolve().parents[2]
DESIGN = REPO.parent / "shared" / "DESIGN.md"
# Stages DESIGN.md plans that are not built yet, and the issue that builds them.
PLANNED = {}


def _table_rows(text, heading):
    """The cells of the first table under ``heading``, without its header row."""
    rows = []
    for line in text.split(heading, 1)[1].splitlines():
        if line.startswith("|"):
            if not line.startswith("|---"):
                rows.append([cell.strip() for cell in line.strip("| ").split("|")])
        elif rows:
            break
    return rows[1:]


@tagged("post_install", "-at_install")
class TestLifecycleTable(ReviewCase):
    def test_the_table_is_design_md_s(self):
        keys = [key for key, _label, _waits, _arrival in LIFECYCLE]
        readme = (REPO / "README.md").read_text(encoding="utf-8")
        labels = [row[0] for row in _table_rows(readme, "## The order lifecycle")]
        expected = [
            label
            for key, label, waits, _arrival in LIFECYCLE
            if waits and key not in ENDS
        ]
        expected.append(
            " / ".join(
                label for key, label, _w, _a in LIFECYCLE if key in ("closed", *ENDS)
            )
        )
        self.assertEqual(labels, expected, "README.md's lifecycle table")
        if not DESIGN.exists():  # a clone without the project's shared folder
            return
        rows = _table_rows(DESIGN.read_text(encoding="utf-8"), "## The order lifecycle")
        design = [re.sub(r"`", "", row[0]) for row in rows]
        self.assertEqual(
            [key for key in design if key not in PLANNED],
            keys,
            "DESIGN.md's lifecycle table and sale_order.LIFECYCLE disagree",
        )
        design_labels = {re.sub(r"`", "", row[0]): row[1] for row in rows}
        for key, label, _waits, _arrival in LIFECYCLE:
            self.assertEqual(label, design_labels[key], key)

    def test_the_stage_field_is_the_table(self):
        field = self.env["sale.order"]._fields["workflow_stage"]
        self.assertEqual(
            [key for key, _label in field.selection],
            [key for key, _label, _waits, _arrival in LIFECYCLE],
        )
        order = self.env["sale.order"]
        for _key, _label, waits, arrival in LIFECYCLE:
            for method in (waits, arrival):
                if method:
                    self.assertTrue(callable(getattr(order, method)), method)
        self.assertEqual([key for key, *_rest in LIFECYCLE if not _rest[1]], ["closed"])

    def test_no_gate_file_orders_the_stages(self):
        """Only sale_order.py reads the table; the gates add predicates."""
        owners = [
            cls.__module__
            for cls in type(self.env["sale.order"]).__mro__
            if cls.__module__.startswith("odoo.addons.order_workflow")
            and (
                "_get_workflow_stage" in vars(cls)
                or "_compute_workflow_stage" in vars(cls)
            )
        ]
        self.assertEqual(owners, [sale_order.__name__] * len(owners))
        self.assertEqual(len(set(owners)), 1)

    def test_technical_review_comes_before_price_review(self):
        order = self._complete_order(price=50.0)  # deviates from the price list
        order.order_line.write({"is_nonstandard": True, "nonstandard_note": "Big"})
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.technical_review_state, "pending")
        self.assertEqual(order.price_review_state, "pending")
        self.assertEqual(order.workflow_stage, "technical_review")
        review = order.technical_review_ids
        review.with_user(self.tech).action_assess("feasible", "Can be made")
        review.with_user(self.clerk).action_record_drawing_approval("2026-11-20")
        review.with_user(
            self.users["group_purchase_reviewer"]
        ).action_sign_material_statement("In stock")
        review.with_user(self.tech).action_confirm_feasible()
        self.assertEqual(order.workflow_stage, "price_review")
        self.assertFalse(order.sudo().review_ids)  # approval not requested yet
        order.with_user(self.finance).action_price_approve()
        self.assertEqual(order.workflow_stage, "approval")
        self.assertTrue(order.sudo().review_ids)  # requested on arrival
