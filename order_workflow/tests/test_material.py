# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Material follow-up (sale_order_material.py): a component bought to order for the
MO, its PO's date against the promised date, the risk and what it gives."""

from datetime import datetime, time, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .test_production import ProductionCase

PRODUCE_DAYS = 3


class MaterialCase(ProductionCase):
    """The workflow product's BoM takes a component bought to order (MTO + Buy)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Actuator Supplier", "is_company": True}
        )
        cls.buyer = cls.env["res.users"].create(
            {
                "name": "Buyer",
                "login": "ow_material_buyer",
                "email": "buyer@example.com",
                "password": "ow_material_buyer",
                "groups_id": [
                    Command.set(
                        [
                            cls.env.ref("base.group_user").id,
                            cls.env.ref("purchase.group_purchase_user").id,
                        ]
                    )
                ],
            }
        )
        routes = cls.env.ref("stock.route_warehouse0_mto") | cls.env.ref(
            "purchase_stock.route_warehouse0_buy"
        )
        cls.bought = cls.env["product.product"].create(
            {
                "name": "Bought actuator",
                "is_storable": True,
                "route_ids": [Command.set(routes.ids)],
                "seller_ids": [
                    Command.create(
                        {"partner_id": cls.vendor.id, "price": 50.0, "delay": 5}
                    )
                ],
            }
        )
        bom = cls.product.bom_ids[:1]
        bom.produce_delay = PRODUCE_DAYS
        bom.bom_line_ids = [
            Command.create({"product_id": cls.bought.id, "product_qty": 1})
        ]

    def _purchase_line(self, order):
        moves = order.ow_production_ids.move_raw_ids.filtered(
            lambda m: m.product_id == self.bought
        )
        line = moves.created_purchase_line_ids
        self.assertEqual(len(line), 1, "the MO's component is bought on one PO line")
        return line

    def _at(self, day):
        return datetime.combine(day, time(9))


@tagged("post_install", "-at_install")
class TestMaterialState(MaterialCase):
    def test_late_po_puts_the_order_at_risk_until_received(self):
        order = self._released_order()
        production = order.ow_production_ids
        line = self._purchase_line(order)
        self.assertEqual(order.material_state, "waiting")
        self.assertEqual(
            order.material_expected_date, line.date_planned.date(), "from the PO"
        )
        # the PO promises the component one day before the promised date: the MO
        # needs 3 days more, so the goods come 2 days late
        promised = order.promised_date
        line.date_planned = self._at(promised - timedelta(days=1))
        self.assertGreater(line.date_planned, production.date_start)
        self.assertEqual(order.material_state, "at_risk")
        self.assertEqual(order.material_risk_days, PRODUCE_DAYS - 1)
        self.assertEqual(order.material_expected_date, promised - timedelta(days=1))
        self.assertRecordValues(
            self.env["sale.order"].search(
                [("material_state", "=", "at_risk"), ("id", "=", order.id)]
            ),
            [{"material_risk_days": 2}],
        )
        # the supplier can deliver earlier: no risk any more
        line.date_planned = self._at(promised - timedelta(days=PRODUCE_DAYS + 2))
        self.assertEqual(order.material_state, "waiting")
        self.assertEqual(order.material_risk_days, 0)
        # received: the MO's component is reserved, the materials are ready
        purchase = line.order_id
        purchase.button_confirm()
        receipt = purchase.picking_ids
        receipt.move_ids.quantity = line.product_qty
        receipt.button_validate()
        self.assertEqual(receipt.state, "done")
        self.assertEqual(order.material_state, "ready")
        self.assertFalse(order.material_expected_date)

    def test_the_materials_are_not_set_by_hand(self):
        order = self._released_order()
        for user in (self.clerk, self.manager, self.supervisor):
            with self.assertRaises(AccessError):
                order.with_user(user).write({"material_state": "ready"})
            with self.assertRaises(AccessError):
                order.with_user(user).write({"material_risk_days": 5})
        form = Form(order.with_user(self.clerk))
        self.assertEqual(form.material_state, "waiting")

    def test_missing_component_waits_without_a_date(self):
        order = self._released_order()
        line = self._purchase_line(order)
        line.order_id.button_cancel()
        self.assertEqual(order.material_state, "waiting")
        self.assertFalse(order.material_expected_date)

    def test_the_risk_gives_one_activity_to_the_clerk_and_the_supervisor(self):
        order = self._released_order()
        line = self._purchase_line(order)
        activity_type = self.env.ref("order_workflow.activity_material_risk")

        def risk_activities():
            return order.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )

        promised = order.promised_date
        line.date_planned = self._at(promised + timedelta(days=4))
        self.env.cr.flush()  # as the transaction commits
        activities = risk_activities()
        self.assertEqual(
            sorted(activities.user_id.ids), sorted((self.clerk | self.supervisor).ids)
        )
        self.assertIn(line.order_id.name, activities[0].note)
        self.assertIn(self.bought.name, activities[0].note)
        # later still: still at risk, no second activity
        line.date_planned = self._at(promised + timedelta(days=6))
        self.env.cr.flush()
        self.assertEqual(order.material_risk_days, 6 + PRODUCE_DAYS)
        self.assertEqual(risk_activities(), activities)
        # cleared: the activities go
        line.date_planned = self._at(promised - timedelta(days=10))
        self.env.cr.flush()
        self.assertFalse(risk_activities())

    def test_propose_a_new_date_opens_a_date_change_request(self):
        order = self._released_order()
        line = self._purchase_line(order)
        with self.assertRaises(UserError):  # not at risk: nothing to propose
            order.with_user(self.clerk).action_propose_material_date()
        promised = order.promised_date
        line.date_planned = self._at(promised + timedelta(days=2))
        self.assertEqual(order.material_state, "at_risk")
        with self.assertRaises(AccessError):
            order.with_user(self.supervisor).action_propose_material_date()
        action = order.with_user(self.clerk).action_propose_material_date()
        request_model = self.env["order_workflow.change.request"].with_user(self.clerk)
        form = Form(request_model.with_context(**action["context"]))
        self.assertEqual(form.change_type, "date")
        expected = promised + timedelta(days=2 + PRODUCE_DAYS)
        self.assertEqual(form.new_requested_date, expected)
        request = form.save()
        self.assertEqual(request.order_id, order)
        self.assertEqual(request.new_requested_date, expected)

    def test_recompute_is_batched(self):
        """The recomputation of many orders runs as many queries as of few."""
        orders = self.env["sale.order"]
        for _i in range(6):
            orders |= self._released_order()
        # their components are bought on one PO line (Odoo merges them): the
        # promised dates differ
        arrival = self._at(max(orders.mapped("promised_date")) + timedelta(days=10))
        self._purchase_line(orders[0]).date_planned = arrival
        for index, order in enumerate(orders):
            order.sudo().promised_date = arrival.date() + timedelta(
                days=PRODUCE_DAYS - index
            )
        counts = [
            self._queries(lambda few=few: few._ow_recompute_material())
            for few in (orders[:2], orders)
        ]
        self.assertEqual(counts[0], counts[1])
        self.assertEqual(
            orders.mapped("material_risk_days"),
            list(range(6)),
        )

    def test_orders_outside_the_workflow_are_untouched(self):
        vanilla_team = self.env["crm.team"].create(
            {"name": "Outside", "use_order_workflow": False}
        )
        order = self._create_order(team=vanilla_team, user_id=self.clerk.id)
        self.assertFalse(order.use_order_workflow)
        order.action_confirm()
        production = order.mrp_production_ids
        self.assertTrue(production, "Odoo's own MTO makes the MO")
        moves = production.move_raw_ids.filtered(lambda m: m.product_id == self.bought)
        line = moves.created_purchase_line_ids
        self.assertTrue(line, "and buys the component as in standard Odoo")
        line.date_planned = self._at(order.commitment_date or datetime.now()) + (
            timedelta(days=400)
        )
        self.assertEqual(order.material_state, "not_needed")
        self.assertFalse(line.order_id.ow_sale_order_ids)
        line.order_id.button_confirm()
        line.order_id.date_approve = datetime.now() - timedelta(days=30)
        self.env["purchase.order"]._cron_remind_supplier_acknowledgement()
        self.assertFalse(line.order_id.activity_ids)
