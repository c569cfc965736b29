# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 22: the demo company looks like the rulebooks' world: a Chinese make-to-order
manufacturer in CNY, half its demo users working in Chinese, orders of a factory's
size that still need each approval level, and printed documents in yuan."""

from odoo.tests import TransactionCase, tagged

from .header_common import DEMO_ORDERS

ROLES = "clerk manager director gm tech purchase finance production qc shipping service"
CHINESE = {"director", "gm", "tech", "purchase", "service"}


@tagged("post_install", "-at_install")
class TestDemoCompany(TransactionCase):
    def _order(self, ref):
        return self.env["sale.order"].search(
            [("client_order_ref", "=", ref), ("use_order_workflow", "=", True)],
            limit=1,
        )

    def test_company_is_a_chinese_manufacturer_in_cny(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(company.name, "苏州精工机械制造有限公司")
        self.assertEqual(company.country_id, self.env.ref("base.cn"))
        self.assertEqual(company.state_id, self.env.ref("base.state_cn_JS"))
        self.assertEqual(company.city, "苏州")
        self.assertTrue(company.street and company.zip and company.phone)
        self.assertEqual(len(company.vat), 18, "a unified social credit code")
        # its books: no entry left in another currency's figures, rates based on CNY
        self.assertFalse(
            self.env["account.move.line"].search_count(
                [
                    ("company_id", "=", company.id),
                    ("company_currency_id", "!=", company.currency_id.id),
                ]
            )
        )
        rates = company.currency_id._get_rates(company, "2026-01-01")
        self.assertEqual(rates[company.currency_id.id], 1.0)
        # the demo sells in CNY
        pricelist = self.env.ref("order_workflow.demo_pricelist")
        self.assertEqual(pricelist.currency_id, company.currency_id)
        orders = self.env["sale.order"].search(
            [("use_order_workflow", "=", True), ("company_id", "=", company.id)]
        )
        self.assertEqual(set(orders.currency_id.mapped("name")), {"CNY"})
        langs = self.env["res.lang"].search([]).mapped("code")
        self.assertIn("zh_CN", langs)
        self.assertIn("zh_TW", langs)

    def test_half_the_demo_users_work_in_chinese(self):
        users = {
            role: self.env.ref(f"order_workflow.user_demo_{role}")
            for role in ROLES.split()
        }
        chinese = {role for role, user in users.items() if user.lang == "zh_CN"}
        self.assertEqual(chinese, CHINESE)
        self.assertEqual(len(chinese), len(users) // 2)
        self.assertEqual(
            {user.lang for role, user in users.items() if role not in CHINESE},
            {"en_US"},
        )
        # login names unchanged
        self.assertEqual([user.login for user in users.values()], ROLES.split())
        # they work in the Chinese company
        self.assertEqual(
            {user.company_id for user in users.values()},
            {self.env.ref("base.main_company")},
        )

    def test_orders_of_a_factory_size_need_each_approval_level(self):
        company = self.env.ref("base.main_company")
        director = company.order_workflow_director_threshold
        gm = company.order_workflow_gm_threshold
        for stage, ref in DEMO_ORDERS.items():
            order = self._order(ref)
            self.assertTrue(
                50000 <= order.amount_total <= 800000, f"{stage}: {order.amount_total}"
            )
        # one order waiting at each level
        level1 = self._order(DEMO_ORDERS["approval"])
        self.assertLessEqual(level1.ow_amount_company, director)
        self.assertEqual(level1.ow_approval_level, 1)
        level2 = self._order("GT-3304")
        self.assertTrue(director < level2.ow_amount_company <= gm)
        self.assertEqual(level2.ow_approval_level, 2)
        self.assertEqual(level2.workflow_stage, "approval")
        self.assertEqual(
            level2.review_ids.sorted("sequence").mapped("status"),
            ["approved", "waiting"],
            "the manager approved, the director's turn",
        )
        level3 = self._order("EC-7714")
        self.assertGreater(level3.ow_amount_company, gm)
        self.assertEqual(level3.ow_approval_level, 3)
        self.assertEqual(len(level3.review_ids), 3)
        self.assertEqual(level3.workflow_stage, "approval")

    def test_printed_documents_show_yuan(self):
        order = self._order(DEMO_ORDERS["customer_confirmation"])
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "order_workflow.report_order_confirmation", order.ids
        )
        html = html.decode()
        self.assertIn("¥", html)
        self.assertNotIn("$", html)
        self.assertIn("苏州精工机械制造有限公司", html)
