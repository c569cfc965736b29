# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Off means off: what the add-on leaves in the database and in Odoo's code paths does
not change Odoo for orders outside the workflow, nor for the modules below this one
while they load without the add-on's Python (make test-compat runs their suites)."""

from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.base_tier_validation.models.tier_validation import TierValidation
from odoo.addons.quality_control_mrp_oca.models.mrp_production import (
    MrpProduction as OcaMrpProduction,
)
from odoo.addons.quality_control_oca.models.qc_inspection import (
    QcInspection as OcaQcInspection,
)

from ..models.guard import QC_TRIGGERS, internal, is_internal
from .common import OrderWorkflowCase

# the required fields the add-on adds to Odoo's own tables
REQUIRED_ON_ODOO_TABLES = {
    "res.partner": ("credit_class", "qualification_state"),
    "sale.order": (
        "review_state",
        "price_review_state",
        "confirmation_state",
        "shipping_release_state",
    ),
    "stock.picking": ("receipt_state",),
}
WORKFLOW_TIERS = (
    "order_workflow.tier_definition_manager",
    "order_workflow.tier_definition_director",
    "order_workflow.tier_definition_gm",
)


@tagged("post_install", "-at_install")
class TestRowsWrittenWithoutTheAddOn(OrderWorkflowCase):
    """A registry without the add-on (the modules below it, while they load) inserts
    rows without the add-on's columns: they get the fields' defaults."""

    def _insert_without(self, record, fnames):
        """Copy ``record``'s row in SQL, leaving out ``fnames`` as a registry without
        the add-on would; return the new row's values of ``fnames``."""
        table = record._table
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = %s",
            [table],
        )
        columns = [
            name
            for (name,) in self.env.cr.fetchall()
            if name != "id" and name not in fnames
        ]
        values = [
            SQL("%s || ' (raw)'", SQL.identifier(name))
            if name == "name"
            else SQL.identifier(name)
            for name in columns
        ]
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) SELECT %s FROM %s WHERE id = %s RETURNING %s",
                SQL.identifier(table),
                SQL(", ").join(SQL.identifier(name) for name in columns),
                SQL(", ").join(values),
                SQL.identifier(table),
                record.id,
                SQL(", ").join(SQL.identifier(name) for name in fnames),
            )
        )
        return self.env.cr.fetchone()

    def test_required_columns_have_database_defaults(self):
        outside = self.env["crm.team"].create(
            {"name": "Outside", "use_order_workflow": False}
        )
        order = self._create_order(team=outside)
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.env.ref("stock.picking_type_out").id,
                "location_id": self.env.ref("stock.stock_location_stock").id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "partner_id": self.customer.id,
            }
        )
        records = {
            "res.partner": self.customer,
            "sale.order": order,
            "stock.picking": picking,
        }
        for model, fnames in REQUIRED_ON_ODOO_TABLES.items():
            with self.subTest(model=model):
                fields_ = [self.env[model]._fields[name] for name in fnames]
                # the ORM semantics stay: the fields are required
                self.assertTrue(all(field.required for field in fields_))
                row = self._insert_without(records[model], fnames)
                self.assertEqual(
                    row,
                    tuple(field.default(self.env[model]) for field in fields_),
                )


@tagged("post_install", "-at_install")
class TestWorkflowTiers(OrderWorkflowCase):
    """OCA evaluates tier definitions with the registry at hand, also while the modules
    below this one load and run their tests, when the workflow's fields don't exist."""

    def test_oca_evaluation_never_names_the_workflows_fields(self):
        # a record of a model without the workflow's fields, as sale.order is in a
        # registry without the add-on
        stranger = self.env["res.country"].search([], limit=1)
        order = self._create_order()
        self.assertTrue(order.use_order_workflow)
        for xmlid in WORKFLOW_TIERS:
            tier = self.env.ref(xmlid)
            with self.subTest(tier=xmlid):
                self.assertFalse(TierValidation.evaluate_tier(stranger, tier))
                # OCA's evaluation alone never picks them, not even for a workflow
                # order: the workflow evaluates its tiers
                self.assertFalse(TierValidation.evaluate_tier(order, tier))

    def test_workflow_tiers_follow_the_approval_level(self):
        order = self._create_order()
        outside = self._create_order(
            team=self.env["crm.team"].create(
                {"name": "Outside", "use_order_workflow": False}
            )
        )
        self.assertEqual(order.ow_approval_level, 1)
        manager, director, gm = (self.env.ref(xmlid) for xmlid in WORKFLOW_TIERS)
        self.assertEqual(order.evaluate_tier(manager), order)
        self.assertFalse(order.evaluate_tier(director))
        self.assertFalse(order.evaluate_tier(gm))
        for tier in (manager, director, gm):
            self.assertFalse(outside.evaluate_tier(tier))
        self.assertFalse(outside.need_validation)

    def test_tiers_of_older_databases_are_converted(self):
        director = self.env.ref("order_workflow.tier_definition_director")
        director.write(
            {
                "definition_type": "domain",
                "definition_domain": "[('use_order_workflow', '=', True), "
                "('ow_approval_level', '>=', 2)]",
                "ow_min_approval_level": 1,
            }
        )
        self.env["tier.definition"]._ow_convert_workflow_tiers()
        self.assertRecordValues(
            director,
            [
                {
                    "definition_type": "order_workflow",
                    "definition_domain": "[('id', '=', False)]",
                    "ow_min_approval_level": 2,
                }
            ],
        )


@tagged("post_install", "-at_install")
class TestPricingOutsideTheWorkflow(OrderWorkflowCase):
    """Rules for a customer or a class price that customer's workflow orders only; any
    other pricing picks among the other rules exactly as Odoo does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outside = cls.env["crm.team"].create(
            {"name": "Outside", "use_order_workflow": False}
        )
        cls.pricelist = cls.env["product.pricelist"].create({"name": "Prices"})
        Item = cls.env["product.pricelist.item"]
        common = {
            "pricelist_id": cls.pricelist.id,
            "compute_price": "fixed",
            "applied_on": "0_product_variant",
            "product_id": cls.product.id,
        }
        cls.everyone_rules = Item.create(
            [
                {**common, "applied_on": "3_global", "fixed_price": 90.0},
                {**common, "fixed_price": 80.0},
                {**common, "fixed_price": 78.0, "min_quantity": 5},
                {**common, "fixed_price": 79.0},
            ]
        )
        cls.customer.credit_class = "B"
        cls.customer_rule = Item.create(
            {**common, "fixed_price": 70.0, "ow_partner_id": cls.customer.id}
        )
        cls.class_rule = Item.create(
            {**common, "fixed_price": 75.0, "ow_credit_class": "B"}
        )

    def _odoo_rule(self, qty):
        """The rule Odoo picks among the rules for everyone: the first applicable one
        in the rules' order."""
        rules = self.env["product.pricelist.item"].search(
            [("id", "in", self.everyone_rules.ids)]
        )
        return next(r for r in rules if r._is_applicable_for(self.product, qty))

    def _line(self, team, qty):
        order = self._create_order(lines=0, team=team, pricelist_id=self.pricelist.id)
        order.order_line = [
            Command.create({"product_id": self.product.id, "product_uom_qty": qty})
        ]
        return order.order_line

    def test_orders_outside_the_workflow_are_priced_as_in_odoo(self):
        for qty in (1, 5):
            with self.subTest(qty=qty):
                line = self._line(self.outside, qty)
                self.assertFalse(line.order_id.use_order_workflow)
                expected = self._odoo_rule(qty)
                self.assertEqual(line.pricelist_item_id, expected)
                self.assertEqual(line.price_unit, expected.fixed_price)
        # pricing without an order (a product's price) ignores them too
        price = self.pricelist._get_product_price(self.product, 1.0)
        self.assertEqual(price, self._odoo_rule(1).fixed_price)

    def test_workflow_orders_get_their_customers_rules(self):
        line = self._line(self.team, 1)
        self.assertTrue(line.order_id.use_order_workflow)
        self.assertEqual(line.pricelist_item_id, self.customer_rule)
        self.customer_rule.unlink()
        line = self._line(self.team, 1)
        self.assertEqual(line.pricelist_item_id, self.class_rule)
        self.class_rule.unlink()
        # without such rules, the order's rule is Odoo's
        for qty in (1, 5):
            self.assertEqual(
                self._line(self.team, qty).pricelist_item_id, self._odoo_rule(qty)
            )


@tagged("post_install", "-at_install")
class TestInspectionsOutsideTheWorkflow(OrderWorkflowCase):
    """Inspections are made as the system only for MOs of workflow orders; any other
    is made as the user, as OCA does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mo_user = new_test_user(
            cls.env, login="ow_mo_user", groups="mrp.group_mrp_user"
        )
        cls.outside = cls.env["crm.team"].create(
            {"name": "Outside", "use_order_workflow": False}
        )
        cls.product.is_storable = True

    def _production(self, team):
        order = self._create_order(team=team)
        return self.env["mrp.production"].create(
            {
                "product_id": self.product.id,
                "product_qty": 1,
                "sale_line_id": order.order_line.id,
            }
        )

    def _made_as_superuser(self, team):
        production = self._production(team)
        finished_move = production.move_finished_ids
        self.assertEqual(len(finished_move), 1)
        seen = []

        def make(inspections, object_ref, trigger_line, date=None):
            seen.append(inspections.env.su)
            return inspections.browse()

        inspections = self.env["qc.inspection"].with_user(self.mo_user)
        with patch.object(OcaQcInspection, "_make_inspection", make):
            for object_ref in (production, finished_move):
                inspections._make_inspection(object_ref, None)
        return seen

    def test_sudo_only_for_workflow_orders(self):
        self.assertEqual(self._made_as_superuser(self.team), [True, True])
        self.assertEqual(self._made_as_superuser(self.outside), [False, False])

    def test_trigger_lookup_as_system_only_for_workflow_mos(self):
        workflow_mo = self._production(self.team)
        outside_mo = self._production(self.outside)
        seen = []

        def post(productions, cancel_backorder=False):
            flag = is_internal(QC_TRIGGERS)
            seen.append((productions, flag))
            return True

        with patch.object(OcaMrpProduction, "_post_inventory", post):
            (workflow_mo | outside_mo)._post_inventory()
        self.assertEqual(seen, [(outside_mo, False), (workflow_mo, True)])
        # the look-up runs as OCA runs it, but for the MOs of workflow orders
        trigger = self.env.ref("quality_control_mrp_oca.qc_trigger_mrp")
        for model in (
            "qc.trigger.product_category_line",
            "qc.trigger.product_template_line",
            "qc.trigger.product_line",
        ):
            lines = self.env[model].with_user(self.mo_user)
            args = (
                trigger.with_user(self.mo_user),
                ["after"],
                self.product.with_user(self.mo_user),
            )
            with self.subTest(model=model), self.assertRaises(AccessError):
                lines.get_trigger_line_for_product(*args)
            with self.assertRaises(AccessError):  # a context key is not a pass
                lines.with_context(
                    ow_qc_triggers_as_system=True
                ).get_trigger_line_for_product(*args)
            with internal(QC_TRIGGERS):
                lines.get_trigger_line_for_product(*args)
