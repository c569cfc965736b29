# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Excel files written in memory and the base case of the import tests."""

import base64
import io
from datetime import date, datetime

import openpyxl
import xlwt

from odoo.exceptions import UserError

from .test_intake_review import ReviewCase

ZH_HEADER = (
    "产品编号",
    "产品名称",
    "规格型号",
    "数量",
    "单位",
    "单价",
    "交货日期",
    "备注",
    "定制要求",
)
EN_HEADER = (
    "Product code",
    "Product",
    "Specification",
    "Quantity",
    "Unit",
    "Unit price",
    "Delivery date",
    "Remarks",
    "Special requirements",
)


def xlsx_bytes(rows, merges=(), sheet="订货单"):
    """An .xlsx written by openpyxl: ``rows`` from row 1, ``merges`` as "A1:D1"."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, date | datetime):
                    cell.number_format = "yyyy-mm-dd"
    for rng in merges:
        ws.merge_cells(rng)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xls_bytes(rows, merges=(), sheet="Order"):
    """An .xls written by xlwt; ``merges`` as (row1, row2, col1, col2), 0-based."""
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet(sheet)
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    merged_at = {(m[0], m[2]): m for m in merges}
    covered = {
        (r, c)
        for r1, r2, c1, c2 in merges
        for r in range(r1, r2 + 1)
        for c in range(c1, c2 + 1)
    }
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in merged_at:
                r1, r2, c1, c2 = merged_at[(r, c)]
                ws.write_merge(r1, r2, c1, c2, value)
            elif (r, c) in covered or value is None:
                continue
            elif isinstance(value, date | datetime):
                ws.write(r, c, value, date_style)
            else:
                ws.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class ImportCase(ReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.bolt = Product.create(
            {"name": "Hex bolt M8", "default_code": "P-100", "list_price": 2.0}
        )
        cls.valve = Product.create(
            {"name": "Ball valve DN50", "default_code": "P-200", "list_price": 80.0}
        )
        cls.pump = Product.create(
            {
                "name": "Gear pump",
                "default_code": "P-300",
                "barcode": "6901234567892",
                "list_price": 500.0,
            }
        )
        cls.env["order_workflow.customer.product.code"].create(
            {
                "partner_id": cls.good_customer.id,
                "product_id": cls.valve.id,
                "code": "KH-9",
            }
        )
        cls.finance = cls.users["group_finance_reviewer"]

    def setUp(self):
        super().setUp()
        self.order = self._complete_order(lines=0, client_order_ref=False)

    def _wizard(self, data, filename="order.xlsx", user=None, order=None):
        return (
            self.env["order_workflow.order.import"]
            .with_user(user or self.clerk)
            .create(
                {
                    "order_id": (order or self.order).id,
                    "data_file": base64.b64encode(data),
                    "filename": filename,
                }
            )
        )

    def _import(self, data, filename="order.xlsx", user=None):
        return self._wizard(data, filename, user).action_import()

    def _line_count(self):
        return self.env["sale.order.line"].search_count([])

    def assertImportFails(self, data, filename, *fragments):
        """The import raises one UserError containing ``fragments`` and creates no
        line anywhere; returns the message."""
        before = self._line_count()
        with self.assertRaises(UserError) as caught:
            self._import(data, filename)
        message = str(caught.exception)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertEqual(self._line_count(), before, "nothing may be created")
        self.assertFalse(self.order.order_line)
        return message

    @staticmethod
    def _form_rows(header=None, title="XX机械有限公司 订货单"):
        """A customer order form: merged title and address rows, a "label: value"
        PO, the header in row 5, three lines, a merged totals row and a signature."""
        header = header or ZH_HEADER
        width = len(header)
        return (
            [
                [title] + [None] * (width - 1),
                ["地址：苏州市工业园区 1 号", None, None, "电话：0512-0000"],
                ["订单号：PO-778", None, None, None, "交货日期", date(2026, 12, 20)],
                [],
                header,
                [
                    "P-100",
                    "Hex bolt M8",
                    "M8x40",
                    "1,200",
                    "件",
                    2.5,
                    46010.0,
                    "镀锌",
                    None,
                ],
                [
                    "KH-9",
                    "球阀",
                    "DN50",
                    "１５",
                    "个",
                    "￥80.00",
                    None,
                    None,
                    "加长手柄",
                ],
                ["6901234567892", "泵", None, 3, "pcs", None, "2026/12/31", None, None],
                ["合计", None, None, 1218, None, None, None, None, None],
                ["制表人：张三", None, None, "审核：李四"],
            ],
            ["A1:I1", "A2:C2", "A9:C9"],
        )
