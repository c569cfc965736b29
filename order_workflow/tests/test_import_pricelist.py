# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Price list import by finance."""

import base64
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .import_common import ImportCase, xlsx_bytes


@tagged("post_install", "-at_install")
class TestPricelistImport(ImportCase):
    def setUp(self):
        super().setUp()
        self.pricelist = self.env["product.pricelist"].create(
            {
                "name": "价格执行方案 2027",
                "currency_id": self.env.company.currency_id.id,
            }
        )
        self.old_rule = self.env["product.pricelist.item"].create(
            {
                "pricelist_id": self.pricelist.id,
                "applied_on": "1_product",
                "product_tmpl_id": self.bolt.product_tmpl_id.id,
                "compute_price": "fixed",
                "fixed_price": 9.0,
            }
        )
        self.good_customer.sudo().customer_code = "880001"
        currency = self.env.company.currency_id.name
        header = [
            "产品编号",
            "客户",
            "客户类别",
            "最小数量",
            "单价",
            "币种",
            "生效日期",
            "截止日期",
        ]
        self.rows = [
            ["价格执行方案"],
            header,
            ["P-200", None, None, 0, 75, currency, date(2027, 1, 1), "2027-12-31"],
            ["P-200", "880001", None, 0, 70, currency, None, None],
            ["P-200", None, "b", 10, "72.5", None, None, None],
            ["6901234567892", None, None, "1,000", "４５０", currency, None, None],
            ["总计"],
        ]

    def _pl_import(self, data, mode="add", user=None):
        return (
            self.env["order_workflow.pricelist.import"]
            .with_user(user or self.finance)
            .create(
                {
                    "pricelist_id": self.pricelist.id,
                    "data_file": base64.b64encode(data),
                    "filename": "prices.xlsx",
                    "mode": mode,
                }
            )
            .action_import()
        )

    def test_add_and_replace(self):
        self._pl_import(xlsx_bytes(self.rows, ["A1:H1"]))
        items = self.pricelist.item_ids
        self.assertEqual(len(items), 5, "the old rule and four new ones")
        customer_rule = items.filtered("ow_partner_id")
        self.assertEqual(customer_rule.ow_partner_id, self.good_customer)
        self.assertEqual(customer_rule.fixed_price, 70.0)
        self.assertEqual(items.filtered("ow_credit_class").ow_credit_class, "B")
        pump_rule = items.filtered(
            lambda i: i.product_tmpl_id == self.pump.product_tmpl_id
        )
        self.assertEqual(
            (pump_rule.min_quantity, pump_rule.fixed_price), (1000.0, 450.0)
        )
        dated = items.filtered("date_start")
        self.assertEqual(dated.date_start.date(), date(2027, 1, 1))
        self.assertEqual(dated.date_end.date(), date(2027, 12, 31))
        self._pl_import(
            xlsx_bytes(self.rows, ["A1:H1"]), mode="replace", user=self.manager
        )
        self.assertFalse(self.old_rule.exists())
        self.assertEqual(len(self.pricelist.item_ids), 4)

    def test_customer_rules_price_that_customers_orders_only(self):
        rows = [
            self.rows[1],
            ["P-200", None, None, 0, 75],
            ["P-200", "880001", None, 0, 70],
        ]
        self._pl_import(xlsx_bytes(rows))
        other = self.env["res.partner"].create(
            {"name": "Other Ltd", "is_company": True}
        )
        mine = self._complete_order(lines=0, pricelist_id=self.pricelist.id)
        theirs = self._complete_order(
            lines=0, partner_id=other.id, pricelist_id=self.pricelist.id
        )
        for order, price in ((mine, 70.0), (theirs, 75.0)):
            line = self.env["sale.order.line"].create(
                {
                    "order_id": order.id,
                    "product_id": self.valve.id,
                    "product_uom_qty": 1,
                }
            )
            self.assertEqual(line.price_unit, price)

    def test_bad_price_list_rows_change_nothing(self):
        rows = self.rows[:2] + [
            ["P-200", None, None, 0, None, None, None, None],
            ["P-200", "nobody", None, 0, 5, None, None, None],
            ["P-200", None, "Z", 0, 5, None, None, None],
            ["P-200", None, None, 0, -1, None, None, None],
            ["P-200", None, None, 0, 5, "XXX", None, None],
            ["P-300", None, None, 0, 5, None, "soon", None],
            ["P-100", None, None, 0, 5, None, "2027-05-01", "2027-01-01"],
            ["P-999", None, None, 0, 5, None, None, None],
            ["P-100", None, None, 0, 6, None, None, None],
            ["P-100", None, None, 0, 7, None, None, None],
        ]
        before = self.env["product.pricelist.item"].search_count([])
        with self.assertRaises(UserError) as caught:
            self._pl_import(xlsx_bytes(rows), mode="replace")
        message = str(caught.exception)
        for fragment in (
            "row 3, column E (单价): the price is missing",
            "row 4, column B (客户): unknown customer “nobody”",
            "row 5, column C (客户类别): the customer class must be A, B or C",
            "row 6, column E (单价): the price “-1” is not a positive number",
            "row 7, column F (币种): unknown currency “XXX”",
            "row 8, column G (生效日期): “soon” is not a date",
            "row 9, column H (截止日期): the price list rule ends before it starts",
            "row 10, column A (产品编号): unknown product “P-999”",
            "row 12, column A (产品编号): duplicate of row 11",
        ):
            self.assertIn(fragment, message)
        self.assertEqual(self.env["product.pricelist.item"].search_count([]), before)
        self.assertTrue(self.old_rule.exists(), "replace removed nothing")
