# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Installing on a live database blocks nobody.

``make test`` installs the module on a copy of a database that already holds Odoo's
demo orders and customers, then upgrades it. These tests look at what that did.
"""

from odoo.tests import TransactionCase, tagged

from odoo.addons.order_workflow.hooks import PARAM_PARTNER_MAX_ID


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_module_installed_at_manifest_version(self):
        module = self.env["ir.module.module"].search([("name", "=", "order_workflow")])
        self.assertEqual(module.state, "installed")
        self.assertEqual(module.latest_version, "18.0.1.1.0")
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
        # confirming such an order works exactly as without the module
        order = self.env.ref("sale.sale_order_7")
        if order.state in ("draft", "sent"):
            order.action_confirm()
            self.assertEqual(order.state, "sale")
            self.assertFalse(order.workflow_stage)

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

    def test_new_customer_starts_new_class_c(self):
        partner = self.env["res.partner"].create({"name": "Brand new customer"})
        self.assertEqual(partner.qualification_state, "new")
        self.assertEqual(partner.credit_class, "C")

    def test_every_team_uses_the_workflow_after_install(self):
        teams = self.env["crm.team"].with_context(active_test=False).search([])
        self.assertTrue(teams)
        self.assertTrue(all(teams.mapped("use_order_workflow")))
