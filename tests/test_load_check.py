"""The load test's end check (bench/load_check.py) on the demo data: clean as
installed, and each invariant reported when it is broken."""

import importlib.util
from pathlib import Path

from odoo.tests import TransactionCase, tagged

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "load_check.py"


def _load_check():
    spec = importlib.util.spec_from_file_location("load_check", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestLoadCheck(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.load_check = _load_check()

    def _check(self, driven=()):
        self.env.flush_all()
        self.env.invalidate_all()
        return self.load_check.check(self.env, list(driven))

    def test_the_demo_data_is_consistent(self):
        result = self._check()
        self.assertGreater(result["orders"], 10)
        self.assertEqual(result["violations"], [])
        self.assertEqual(result["stock_drift"], [])

    def test_each_broken_invariant_is_reported(self):
        orders = self.env["sale.order"].search(
            [("use_order_workflow", "=", True), ("state", "=", "sale")]
        )
        paid = orders.filtered(lambda o: o.ow_amount_paid)[:1]
        self.assertTrue(paid, "the demo has paid orders")
        other = (orders - paid).filtered(lambda o: o.workflow_stage != "closed")[:1]
        # a stage written behind the workflow's back
        self.env.cr.execute(
            "UPDATE sale_order SET workflow_stage = 'closed' WHERE id = %s", [other.id]
        )
        # the same reminder twice
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "sale.order")], limit=1
        )
        activity.copy()
        # a reserved quantity no move line explains
        quant = self.env["stock.quant"].search(
            [("location_id.usage", "=", "internal"), ("quantity", ">", 1)], limit=1
        )
        self.env.cr.execute(
            "UPDATE stock_quant SET reserved_quantity = reserved_quantity + 1 "
            "WHERE id = %s",
            [quant.id],
        )
        driven = [
            {
                "id": paid.id,
                "name": paid.name,
                "ref": "acknowledged but lost",
                "paid": paid.ow_amount_paid + 100,
            }
        ]
        result = self._check(driven)
        text = "\n".join(result["violations"])
        self.assertIn(f"{other.name}: stage closed, its records say", text)
        self.assertIn("stage log open", text)
        self.assertIn("2 open activities", text)
        lost = "\n".join(result["lost"])
        self.assertIn("acknowledged 'acknowledged but lost'", lost)
        self.assertIn("acknowledged", lost.split("\n")[-1])
        self.assertEqual(len(result["lost"]), 2)
        self.assertEqual(len(result["stock_drift"]), 1)
