# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import APPROVER_GROUPS, GROUPS, OrderWorkflowCase

# What each group implies directly (DESIGN.md, public contract: groups).
IMPLIED = {
    "group_order_clerk": {
        "sales_team.group_sale_salesman_all_leads",
        "base.group_partner_manager",
        "helpdesk_mgmt.group_helpdesk_user",
    },
    "group_sales_manager": {"order_workflow.group_order_clerk"},
    "group_sales_director": {"order_workflow.group_order_clerk"},
    "group_general_manager": {"order_workflow.group_order_clerk"},
    "group_technical_reviewer": {"mrp.group_mrp_user"},
    "group_purchase_reviewer": {
        "stock.group_stock_user",
        "purchase.group_purchase_user",
    },
    "group_finance_reviewer": {"account.group_account_invoice"},
    "group_production_supervisor": {
        "mrp.group_mrp_user",
        "mgmtsystem.group_mgmtsystem_user",
    },
    "group_qc_inspector": {
        "stock.group_stock_user",
        "quality_control_oca.group_quality_control_user",
        "mgmtsystem.group_mgmtsystem_user",
    },
    "group_shipping_clerk": {"stock.group_stock_user"},
    "group_service_supervisor": {
        "sales_team.group_sale_salesman_all_leads",
        "stock.group_stock_user",
        "helpdesk_mgmt.group_helpdesk_user",
        "rma.rma_group_user_all",
        "mgmtsystem.group_mgmtsystem_user",
    },
}


@tagged("post_install", "-at_install")
class TestGroups(OrderWorkflowCase):
    def _xmlids(self, groups):
        return set(groups.get_external_id().values())

    def test_every_group_exists_with_its_implied_groups(self):
        self.assertEqual(set(IMPLIED), set(GROUPS))
        category = self.env.ref("order_workflow.module_category_order_workflow")
        for xmlid, implied in IMPLIED.items():
            group = self.env.ref(f"order_workflow.{xmlid}")
            self.assertEqual(group.category_id, category, xmlid)
            self.assertEqual(self._xmlids(group.implied_ids), implied, xmlid)
        self.assertEqual(
            len(self.env["res.groups"].search([("category_id", "=", category.id)])),
            len(GROUPS),
        )

    def test_approver_groups_never_imply_one_another(self):
        approvers = [self.env.ref(f"order_workflow.{g}") for g in APPROVER_GROUPS]
        for group in approvers:
            for other in approvers:
                if other != group:
                    self.assertNotIn(other, group.trans_implied_ids)
        # a director is a clerk, but not a manager
        director = self.users["group_sales_director"]
        self.assertTrue(director.has_group("order_workflow.group_order_clerk"))
        self.assertFalse(director.has_group("order_workflow.group_sales_manager"))
        self.assertFalse(director.has_group("order_workflow.group_general_manager"))

    def test_admin_is_in_every_group(self):
        admin = self.env.ref("base.user_admin")
        for xmlid in GROUPS:
            self.assertTrue(admin.has_group(f"order_workflow.{xmlid}"), xmlid)

    def test_clerk_sees_orders_of_other_salespeople(self):
        other = self.users["group_sales_manager"]
        order = self._create_order(user_id=other.id)
        self.assertEqual(order.user_id, other)
        self.assertIn(order, self.env["sale.order"].with_user(self.clerk).search([]))
        order.with_user(self.clerk).check_access("write")

    def test_clerk_cannot_read_accounting_settings(self):
        settings = self.env["res.config.settings"].with_user(self.clerk)
        with self.assertRaises(AccessError):
            settings.check_access("read")
        with self.assertRaises(AccessError):
            settings.create({})
        with self.assertRaises(AccessError):
            self.env["account.account"].with_user(self.clerk).check_access("write")
        menus = self.env["ir.ui.menu"].with_user(self.clerk)._visible_menu_ids()
        self.assertNotIn(self.env.ref("account.menu_finance_configuration").id, menus)
        self.assertIn(
            self.env.ref("order_workflow.menu_order_workflow_orders").id, menus
        )

    def test_clerk_cannot_write_the_groups_of_others(self):
        other = self.users["group_technical_reviewer"]
        system = self.env.ref("base.group_system")
        with self.assertRaises(AccessError):
            other.with_user(self.clerk).write({"groups_id": [Command.link(system.id)]})
        with self.assertRaises(AccessError):
            system.with_user(self.clerk).write({"users": [Command.link(other.id)]})
        # nor their own
        with self.assertRaises(AccessError):
            self.clerk.with_user(self.clerk).write(
                {"groups_id": [Command.link(system.id)]}
            )
        self.assertFalse(other.has_group("base.group_system"))
        self.assertFalse(self.clerk.has_group("base.group_system"))

    def test_reviewers_reach_what_their_work_needs(self):
        needs = {
            "group_technical_reviewer": ["mrp.group_mrp_user"],
            "group_finance_reviewer": ["account.group_account_invoice"],
            "group_qc_inspector": ["quality_control_oca.group_quality_control_user"],
            "group_shipping_clerk": ["stock.group_stock_user"],
        }
        for group, odoo_groups in needs.items():
            user = self.users[group]
            for odoo_group in odoo_groups:
                self.assertTrue(user.has_group(odoo_group), (group, odoo_group))
            # every role can read the orders it works on
            self.env["sale.order"].with_user(user).check_access("read")
