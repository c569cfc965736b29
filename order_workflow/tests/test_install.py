# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Installing on a live database blocks nobody.

``make test`` installs the module on a copy of a database that already holds Odoo's
demo orders and customers, then upgrades it. These tests look at what that did.
"""

import ast
from pathlib import Path

from odoo.modules.module import adapt_version
from odoo.tests import TransactionCase, tagged

from odoo.addons.order_workflow.hooks import PARAM_PARTNER_MAX_ID

MANIFEST = Path(__file__).resolve().parent.parent / "__manifest__.py"


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_module_installed_at_manifest_version(self):
        # the database runs the code of this checkout: installed, then upgraded to
        # the version its manifest declares
        manifest = ast.literal_eval(MANIFEST.read_text(encoding="utf-8"))
        module = self.env["ir.module.module"].search([("name", "=", "order_workflow")])
        self.assertEqual(module.state, "installed")
        self.assertEqual(module.latest_version, adapt_version(manifest["version"]))
        self.assertTrue(module.demo, "make test installs with demo data")
        # the hook's bookkeeping is gone once the install is over
        self.assertFalse(
            self.env["ir.config_parameter"].sudo().get_param(PARAM_PARTNER_MAX_ID)
        )

    def test_orders_existing_at_install_stay_outside_the_workflow(self):
        # Odoo's demo orders were there before order_workflow was installed
        existing = self.env.ref("sale.sale_order_1") | self.env.ref("sale.sale_order_7")
        self.assertEqual(existing.mapped("use_order_workflow"), [False, False])
        self.assertEqual(existing.mapped("workflow_stage"), [False, False])
        # and nothing in the database put them in it
        self.assertFalse(
            self.env["sale.order"].search_count(
                [
                    ("use_order_workflow", "=", True),
                    ("create_date", "<", self.env.ref("sale.sale_order_1").write_date),
                ]
            )
        )
        # confirming such an order works exactly as without the module: Odoo's demo
        # quotation sale_order_1 (sale_order_7 is confirmed by the demo data itself)
        order = self.env.ref("sale.sale_order_1")
        self.assertEqual(order.state, "draft", "a quotation before the install")
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.use_order_workflow)
        self.assertFalse(order.workflow_stage)
        self.assertFalse(order.delivery_block_id, "no deposit hold")
        self.assertTrue(order.picking_ids, "the delivery is created at once")

    def test_customers_existing_at_install_are_qualified_class_a(self):
        customer = self.env.ref("sale.sale_order_1").partner_id.commercial_partner_id
        self.assertEqual(customer.qualification_state, "qualified")
        self.assertEqual(customer.credit_class, "A")
        # contacts of that customer share its file
        for contact in customer.child_ids:
            self.assertEqual(contact.qualification_state, "qualified")
        # every partner with an order from before the install is qualified
        partners = (
            self.env["sale.order"]
            .search([("use_order_workflow", "=", False)])
            .partner_id
        )
        self.assertTrue(partners)
        self.assertEqual(set(partners.mapped("qualification_state")), {"qualified"})

    def test_partners_existing_at_install_without_orders_stay_new_class_c(self):
        # the hook qualifies customers only (a sale order or a customer rank in the
        # family): Odoo's other demo partners keep the defaults of a new customer
        existing = self.env["res.partner"].browse(
            self.env["ir.model.data"]
            .search([("model", "=", "res.partner"), ("module", "=", "base")])
            .mapped("res_id")
        )
        Partner = self.env["res.partner"].with_context(active_test=False)
        customers = (
            Partner.search([("customer_rank", ">", 0)])
            | self.env["sale.order"].search([]).partner_id
        ).commercial_partner_id
        others = existing.filtered(lambda p: p.commercial_partner_id not in customers)
        self.assertTrue(others, "Odoo's demo data has partners that are no customers")
        self.assertEqual(set(others.mapped("qualification_state")), {"new"})
        self.assertEqual(set(others.mapped("credit_class")), {"C"})

    def test_every_team_uses_the_workflow_after_install(self):
        teams = self.env["crm.team"].with_context(active_test=False).search([])
        self.assertTrue(teams)
        self.assertTrue(all(teams.mapped("use_order_workflow")))
