# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What goes wrong in production: anomalies, and the quality gate."""

from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_production import ProductionCase


@tagged("post_install", "-at_install")
class TestAnomalies(ProductionCase):
    def test_anomaly_notifies_four_roles_and_a_new_date_is_accepted(self):
        salesperson = self.users["group_general_manager"]
        order = self._released_order(user=self.clerk, user_id=salesperson.id)
        production = order.ow_production_ids
        with self.assertRaises(AccessError):
            self.env["order_workflow.production.anomaly"].with_user(self.clerk).create(
                {
                    "production_id": production.id,
                    "anomaly_type": "material",
                    "description": "x",
                }
            )
        anomaly = (
            self.env["order_workflow.production.anomaly"]
            .with_user(self.supervisor)
            .create(
                {
                    "production_id": production.id,
                    "anomaly_type": "material",
                    "description": "Steel sheet delivery late.",
                    "impact_days": 4,
                    "response_plan": "Offer a partial delivery.",
                }
            )
        )
        self.assertEqual(anomaly.order_id, order)
        activities = order.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("order_workflow.activity_anomaly")
        )
        for user in (salesperson, self.clerk, self.service, self.director):
            self.assertIn(user, activities.user_id, user.login)
        self.assertIn("Steel sheet delivery late", activities[0].note)
        self.assertIn(anomaly, order.ow_anomaly_ids)
        self.assertIn(anomaly, production.ow_anomaly_ids)
        old = order.promised_date
        with self.assertRaises(AccessError):
            anomaly.with_user(self.supervisor).action_accept_new_date()
        self.assertIs(
            anomaly.with_user(self.clerk).action_accept_new_date("customer agreed"),
            True,
        )
        self.assertEqual(order.promised_date, old + timedelta(days=4))
        self.assertEqual(anomaly.state, "date_accepted")
        self.assertTrue(
            order.message_ids.filtered(
                lambda m: "after a production anomaly" in (m.body or "")
            )
        )
        with self.assertRaisesRegex(UserError, "no longer open"):
            anomaly.with_user(self.clerk).action_accept_new_date()


@tagged("post_install", "-at_install")
class TestQualityGate(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.ships_without_inspection = False  # the default

    def _answer(self, inspection, conform):
        for line in inspection.inspection_lines:
            line.qualitative_value = line.test_line.ql_values.filtered(
                lambda v: v.ok == conform
            )[:1]

    def test_every_product_is_inspected_unless_it_opts_out(self):
        template = self.env["product.template"].create({"name": "New product"})
        self.assertFalse(template.ships_without_inspection)
        self.assertTrue(template.inspection_before_shipping)
        # no trigger to set up per product
        self.assertFalse(
            self.env["qc.trigger.product_template_line"].search(
                [("product_template", "=", self.product.product_tmpl_id.id)]
            )
        )
        order = self._released_order()
        self._produce(order)
        self.assertEqual(len(order.ow_production_ids.qc_inspections_ids), 1)
        self.assertEqual(order.qc_state, "pending")
        self.assertEqual(order.workflow_stage, "quality")
        # an MO of no workflow order is posted as without the workflow
        other = self.env["mrp.production"].create(
            {"product_id": self.product.id, "product_qty": 1}
        )
        other.action_confirm()
        self._produce_mo(other)
        self.assertFalse(other.qc_inspections_ids)
        # a product that opts out ships without inspection
        self.product.ships_without_inspection = True
        later = self._released_order()
        self._produce(later)
        self.assertFalse(later.ow_production_ids.qc_inspections_ids)
        self.assertEqual(later.qc_state, "not_needed")
        self.assertEqual(later.workflow_stage, "ready")

    def _produce_mo(self, production):
        production.action_assign()
        production.qty_producing = production.product_qty
        production.move_raw_ids.picked = True
        production.button_mark_done()

    def test_goods_do_not_ship_before_the_inspection_passes(self):
        order = self._released_order()
        stages = [order.workflow_stage]
        self._produce(order)  # as the production supervisor: no access error
        stages.append(order.workflow_stage)
        inspection = order.ow_production_ids.qc_inspections_ids
        self.assertEqual(len(inspection), 1)
        self.assertEqual(order.qc_state, "pending")
        self.assertEqual(len(inspection.inspection_lines), 4)
        picking = self._out_picking(order)
        picking.with_user(self.users["group_shipping_clerk"]).action_assign()
        with self.assertRaisesRegex(UserError, "not passed the quality inspection"):
            picking.with_user(self.users["group_shipping_clerk"]).button_validate()
        # only QC inspectors decide
        self._answer(inspection, conform=False)
        for user in (self.clerk, self.supervisor):
            with self.assertRaises(AccessError):
                inspection.with_user(user).action_confirm()
        inspection.with_user(self.qc).action_confirm()
        self.assertEqual(inspection.state, "waiting")
        inspection.with_user(self.qc).action_approve()
        self.assertEqual(inspection.state, "failed")
        self.assertEqual(order.qc_state, "failed")
        self.assertEqual(order.workflow_stage, "quality")
        self.assertTrue(
            order.ow_production_ids.activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("order_workflow.activity_rework")
            ),
            "production is told to rework",
        )
        with self.assertRaisesRegex(UserError, "rework or remake"):
            picking.with_user(self.users["group_shipping_clerk"]).button_validate()
        # reworked, inspected again: passed
        inspection.with_user(self.qc).action_draft()
        self._answer(inspection, conform=True)
        inspection.with_user(self.qc).action_todo()
        inspection.with_user(self.qc).action_confirm()
        self.assertEqual(inspection.state, "success")
        self.assertEqual(order.qc_state, "passed")
        stages.append(order.workflow_stage)
        self.assertEqual(stages, ["production", "quality", "ready"])
        self.assertTrue(order.ready_notified_on)
        order.with_user(self.clerk).action_issue_shipping_request()
        picking.with_user(self.users["group_shipping_clerk"]).action_assign()
        picking.with_user(self.users["group_shipping_clerk"]).button_validate()
        self.assertEqual(picking.state, "done")

    def test_cancelling_every_inspection_does_not_pass_the_goods(self):
        order = self._released_order()
        self._produce(order)
        inspection = order.ow_production_ids.qc_inspections_ids
        inspection.with_user(self.qc).action_cancel()
        self.assertEqual(inspection.state, "canceled")
        self.assertEqual(order.qc_state, "pending")
        self.assertEqual(order.workflow_stage, "quality")

    def test_opting_back_in_does_not_reopen_finished_orders(self):
        self.product.ships_without_inspection = True
        order = self._released_order()
        self._produce(order)
        self.assertEqual(order.workflow_stage, "ready")
        self.product.ships_without_inspection = False
        self.assertEqual(order.qc_state, "not_needed")
        self.assertEqual(order.workflow_stage, "ready")
        # the next order of the product is inspected
        later = self._released_order()
        self._produce(later)
        self.assertEqual(later.qc_state, "pending")

    def test_no_new_date_once_the_goods_are_made(self):
        self.product.ships_without_inspection = True
        order = self._released_order()
        anomaly = (
            self.env["order_workflow.production.anomaly"]
            .with_user(self.supervisor)
            .create(
                {
                    "production_id": order.ow_production_ids.id,
                    "anomaly_type": "equipment",
                    "description": "Press down for a day.",
                    "impact_days": 1,
                }
            )
        )
        self._produce(order)
        self.assertEqual(order.workflow_stage, "ready")
        old = order.promised_date
        with self.assertRaisesRegex(UserError, "no longer in production"):
            anomaly.with_user(self.clerk).action_accept_new_date()
        self.assertEqual(order.promised_date, old)
