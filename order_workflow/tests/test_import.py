# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import logging
import random
import time
from datetime import date, datetime

import openpyxl
import xlwt

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..wizards import excel_reader as xl
from .test_intake_review import ReviewCase

_logger = logging.getLogger(__name__)

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


@tagged("post_install", "-at_install")
class TestReadingValues(ImportCase):
    def test_numbers_as_excel_and_people_write_them(self):
        cases = {
            3: 3.0,
            2.5: 2.5,
            "1,234.50": 1234.5,
            "１２３": 123.0,
            "１，２００": 1200.0,
            "￥1,200": 1200.0,
            "100件": 100.0,
            "20 pcs": 20.0,
            " 7 ": 7.0,
            None: None,
            "": None,
        }
        for raw, expected in cases.items():
            with self.subTest(raw=raw):
                self.assertEqual(xl.parse_number(raw), expected)
        for bad in ("abc", "1,2", "1.2.3", True, "12kg", float("nan")):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                xl.parse_number(bad)

    def test_dates_as_excel_and_people_write_them(self):
        cases = {
            46010: date(2025, 12, 19),
            46010.75: date(2025, 12, 19),
            "2026-12-01": date(2026, 12, 1),
            "2026/12/01": date(2026, 12, 1),
            "2026年12月1日": date(2026, 12, 1),
            "２０２６－１２－０１": date(2026, 12, 1),
            datetime(2026, 1, 2, 0, 0): date(2026, 1, 2),
        }
        for raw, expected in cases.items():
            with self.subTest(raw=raw):
                self.assertEqual(xl.parse_date(raw), expected)
        for bad in ("next week", "2026-13-01", -5, 10**9, "31/31/2026"):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                xl.parse_date(bad)

    def test_bilingual_header_labels(self):
        self.assertIn("产品编号", xl.header_keys("产品编号\nProduct code"))
        self.assertIn("productcode", xl.header_keys("产品编号 Product code"))
        self.assertIn("数量", xl.header_keys("数量（件）*"))


@tagged("post_install", "-at_install")
class TestOrderImport(ImportCase):
    def _check_form_lines(self):
        order = self.order
        lines = order.order_line.sorted("id")
        self.assertEqual(len(lines), 3, "exactly the three data rows")
        self.assertEqual(lines.product_id, self.bolt | self.valve | self.pump)
        self.assertEqual(lines.mapped("product_uom_qty"), [1200.0, 15.0, 3.0])
        self.assertEqual(lines[0].price_unit, 2.5)
        self.assertEqual(lines[1].price_unit, 80.0)
        self.assertEqual(lines[2].price_unit, 500.0, "no price: the price list's")
        self.assertIn("M8x40", lines[0].name)
        self.assertIn("镀锌", lines[0].name)
        self.assertEqual(lines.mapped("is_nonstandard"), [False, True, False])
        self.assertEqual(lines[1].nonstandard_note, "加长手柄")
        self.assertEqual(order.client_order_ref, "PO-778")
        self.assertEqual(order.requested_date, date(2026, 12, 20))
        self.assertTrue(
            order.message_ids.filtered(lambda m: m.attachment_ids), "file attached"
        )

    def test_chinese_xlsx_with_title_rows_merged_cells_and_totals(self):
        rows, merges = self._form_rows()
        self._import(xlsx_bytes(rows, merges))
        self._check_form_lines()

    def test_english_xls_with_title_rows_merged_cells_and_totals(self):
        rows, merges = self._form_rows(header=EN_HEADER, title="ACME order form")
        rows[2] = ["PO No.", "PO-778", None, None, "Delivery date:", "2026-12-20"]
        rows[8][0] = "Total"
        xls_merges = [(0, 0, 0, 8), (1, 1, 0, 2), (8, 8, 0, 2)]
        self._import(xls_bytes(rows, xls_merges), "order.xls")
        self._check_form_lines()

    def test_requested_date_from_the_lines_and_bilingual_template_header(self):
        header = [f"{zh}\n{en}" for zh, en in zip(ZH_HEADER, EN_HEADER, strict=True)]
        rows = [
            header,
            ["P-100", None, None, 5, None, 1, date(2027, 3, 9), None, None],
            ["6901234567892", None, None, 2, None, 1, date(2027, 2, 1), None, None],
        ]
        self._import(xlsx_bytes(rows))
        self.assertEqual(self.order.order_line.product_id, self.bolt | self.pump)
        self.assertEqual(self.order.requested_date, date(2027, 2, 1), "earliest")
        self.assertFalse(self.order.client_order_ref)

    def test_bad_rows_are_all_listed_and_nothing_is_created(self):
        rows = [
            ["Customer order"],
            ZH_HEADER,
            ["NOPE-1", None, None, 5, None, 1, None, None, None],  # row 3
            ["P-100", None, None, -3, None, 1, None, None, None],  # row 4
            ["P-100", None, None, "abc", None, 1, None, None, None],  # row 5
            ["P-200", None, None, 1, None, 1, "next week", None, None],  # row 6
            ["P-200", None, None, 1, None, -2, None, None, None],  # row 7
            ["P-300", None, None, 1, None, 9, None, None, None],  # row 8
            ["P-300", None, None, 1, None, 9, None, None, None],  # row 9
            ["P-300", None, None, None, None, 9, None, None, None],  # row 10
            ["P-300", None, None, 1, "kg", 9, None, None, None],  # row 11
            ["P-100", None, None, 1, None, 1, None, None, None],  # row 12, good
        ]
        message = self.assertImportFails(
            xlsx_bytes(rows),
            "order.xlsx",
            "Sheet 订货单, row 3, column A (产品编号): unknown product “NOPE-1”",
            "row 4, column D (数量): the quantity must be a positive number",
            "row 5, column D (数量): “abc” is not a number",
            "row 6, column G (交货日期): “next week” is not a date",
            "row 7, column F (单价): the price must not be negative",
            "row 9, column A (产品编号): duplicate of row 8",
            "row 10, column D (数量): the quantity is missing",
            "row 11, column E (单位): the unit “kg” does not fit",
            "these 8 problems",
        )
        self.assertNotIn("row 12", message)

    def test_merged_cells_inside_the_table_are_refused(self):
        rows = [
            ["Order form"],
            ZH_HEADER,
            ["P-100", None, None, 5, None, 1, None, None, None],
            ["P-200", None, None, 5, None, 1, None, None, None],
        ]
        self.assertImportFails(
            xlsx_bytes(rows, ["A1:I1", "B3:C4"]),
            "order.xlsx",
            "row 3, column B: cells B3:C4 are merged",
        )
        self.assertImportFails(
            xls_bytes(rows, [(0, 0, 0, 8), (1, 1, 0, 1)]),
            "order.xls",
            "row 2, column A: cells A2:B2 are merged inside the header",
        )

    def test_file_level_problems(self):
        good = xlsx_bytes(self._form_rows()[0])
        empty_book = xlsx_bytes([])
        cases = [
            (b"", "order.xlsx", "is empty"),
            (empty_book, "order.xlsx", "has no data"),
            (good, "order.csv", "wrong extension"),
            (good, "order", "wrong extension"),
            (b"\x00garbage" * 50, "order.xlsx", "corrupt"),
            (good[: len(good) // 2], "order.xlsx", "corrupt"),
            (self._encrypted_xls(), "order.xls", "password-protected"),
            (self._encrypted_xlsx(), "order.xlsx", "password-protected"),
            (
                xlsx_bytes([["Nothing"], ["here", "at all"]]),
                "order.xlsx",
                "No header row found",
            ),
            (
                xlsx_bytes([["产品编号", "单位"], ["P-100", "件"]]),
                "order.xlsx",
                "no column for Quantity",
            ),
        ]
        for data, filename, fragment in cases:
            with self.subTest(fragment=fragment, filename=filename):
                self.assertImportFails(data, filename, fragment)

    def test_file_over_the_configured_size(self):
        data = xlsx_bytes(self._form_rows()[0])
        self.env.company.order_workflow_import_max_mb = len(data) / 2 / 1048576
        self.assertImportFails(data, "order.xlsx", "allowed (Settings")
        self.env.company.order_workflow_import_max_mb = 10.0
        self._import(data)
        self.assertEqual(len(self.order.order_line), 3)

    def test_a_confirmed_order_takes_no_import(self):
        self.order.action_cancel()
        with self.assertRaisesRegex(UserError, "no longer a quotation"):
            self._import(xlsx_bytes(self._form_rows()[0]))

    @staticmethod
    def _encrypted_xls():
        """An xlwt workbook whose globals carry a FILEPASS record, as Excel writes
        for a workbook with a password to open (the INTERFACEHDR record, of the same
        length, is turned into it)."""
        data = xls_bytes([["产品编号", "数量"], ["P-100", 1]])
        marker = b"\xe1\x00\x02\x00"
        assert marker in data
        return data.replace(marker, b"\x2f\x00\x02\x00", 1)

    @staticmethod
    def _encrypted_xlsx():
        """The start of what Excel saves for an .xlsx with a password: an OLE2
        container holding an EncryptionInfo stream (not a zip)."""
        directory = "EncryptionInfo".encode("utf-16-le").ljust(64, b"\x00")
        return xl.OLE2_MAGIC + b"\x00" * 504 + directory + bytes(range(256)) * 8


@tagged("post_install", "-at_install")
class TestImportRobustness(ImportCase):
    def test_fuzzed_input_only_raises_user_errors(self):
        rng = random.Random(20261122)
        valid = {
            "order.xlsx": xlsx_bytes(*self._form_rows()),
            "order.xls": xls_bytes(self._form_rows()[0]),
        }
        samples = []
        for _i in range(40):
            size = rng.randint(1, 4096)
            noise = bytes(rng.getrandbits(8) for _j in range(size))
            samples += [
                ("order.xlsx", noise),
                ("order.xls", noise),
                ("order.xlsx", b"PK\x03\x04" + noise),
                ("order.xls", xl.OLE2_MAGIC + noise),
            ]
        for filename, data in valid.items():
            for cut in sorted(rng.sample(range(1, len(data)), 40)):
                samples.append((filename, data[:cut]))
            for _i in range(30):
                flipped = bytearray(data)
                for _j in range(rng.randint(1, 20)):
                    flipped[rng.randrange(len(flipped))] = rng.getrandbits(8)
                samples.append((filename, bytes(flipped)))
        before = self._line_count()
        outcomes = {"refused": 0, "imported": 0}
        unexpected = []
        for filename, data in samples:
            try:
                with self.env.cr.savepoint():
                    self._import(data, filename)
                outcomes["imported"] += 1
            except UserError as exc:
                self.assertTrue(str(exc).strip())
                outcomes["refused"] += 1
            except Exception as exc:  # the failure this test looks for
                unexpected.append((filename, len(data), repr(exc)))
        self.assertEqual(unexpected, [], "only UserError may come out of a bad file")
        self.assertGreater(outcomes["refused"], len(samples) // 2)
        if not outcomes["imported"]:
            self.assertEqual(self._line_count(), before)

    def test_five_thousand_rows_in_one_import(self):
        codes = [f"BULK-{i:04d}" for i in range(50)]
        self.env["product.product"].create(
            [{"name": f"Bulk item {c}", "default_code": c} for c in codes]
        )
        rows = (
            [["Bulk order"], ZH_HEADER]
            + [
                [
                    codes[i % 50],
                    None,
                    f"S{i}",
                    i % 7 + 1,
                    "件",
                    f"1,0{i % 100:02d}.5",
                    None,
                    None,
                    "特殊" if i % 500 == 0 else None,
                ]
                for i in range(5000)
            ]
            + [["合计"]]
        )
        data = xlsx_bytes(rows, ["A1:I1"])
        start = time.perf_counter()
        self._import(data)
        elapsed = time.perf_counter() - start
        _logger.info("5,000-row import: %.1f s, %.0f rows/s", elapsed, 5000 / elapsed)
        lines = self.order.order_line
        self.assertEqual(len(lines), 5000)
        self.assertEqual(
            sum(lines.mapped("product_uom_qty")), sum(i % 7 + 1 for i in range(5000))
        )
        self.assertEqual(len(lines.filtered("is_nonstandard")), 10)
        self.assertEqual(lines.sorted("id")[3].price_unit, 1003.5)


@tagged("post_install", "-at_install")
class TestImportRights(ImportCase):
    def test_wrong_roles_get_access_errors(self):
        data = base64.b64encode(xlsx_bytes(self._form_rows()[0]))
        finance = self.users["group_finance_reviewer"]
        with self.assertRaises(AccessError):
            self.env["order_workflow.order.import"].with_user(finance).create(
                {"order_id": self.order.id, "data_file": data, "filename": "o.xlsx"}
            )
        wizard = self.env["order_workflow.order.import"].create(
            {"order_id": self.order.id, "data_file": data, "filename": "o.xlsx"}
        )
        for method in ("action_import", "action_preview", "action_download_template"):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(wizard.with_user(finance), method)()
        pricelist = self.env["product.pricelist"].create({"name": "PL"})
        for user in (self.clerk, self.tech):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["order_workflow.pricelist.import"].with_user(user).create(
                    {
                        "pricelist_id": pricelist.id,
                        "data_file": data,
                        "filename": "p.xlsx",
                    }
                )
        self.assertFalse(self.order.order_line)
        # the manager, above the clerk, imports orders
        self._wizard(base64.b64decode(data), user=self.manager).action_import()
        self.assertEqual(len(self.order.order_line), 3)

    def test_templates_download_and_read_back(self):
        wizard = self._wizard(b"", "x.xlsx")
        action = wizard.action_download_template()
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[-1].split("?")[0])
        )
        sheet = xl.read_workbook(self.env, attachment.raw, attachment.name, 10**7)[0]
        self.assertEqual(sheet.cell(2, 0), "产品编号\nProduct code")
        # the template's header, filled in, imports
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw))
        book.active.append(["P-200", None, None, 4, "个", 70])
        buffer = io.BytesIO()
        book.save(buffer)
        self._import(buffer.getvalue(), "filled.xlsx")
        self.assertEqual(self.order.order_line.product_uom_qty, 4.0)
        pl_wizard = (
            self.env["order_workflow.pricelist.import"]
            .with_user(self.finance)
            .create(
                {"pricelist_id": self.env["product.pricelist"].create({"name": "T"}).id}
            )
        )
        action = pl_wizard.action_download_template()
        self.assertIn("/web/content/", action["url"])


@tagged("post_install", "-at_install")
class TestPreviewMapping(ImportCase):
    def test_clerk_corrects_the_column_mapping_in_the_preview(self):
        rows = [
            ["订货单"],
            ["产品编号", "产品名称", "订货量", "单价"],  # 订货量 is not a known header
            ["P-100", "bolt", 10, 2],
            ["P-300", "pump", 1, 480],
        ]
        data = base64.b64encode(xlsx_bytes(rows, ["A1:D1"]))
        Wizard = self.env["order_workflow.order.import"].with_user(self.clerk)
        # the binary widget fills the (invisible) file name from the upload
        form = Form(
            Wizard.with_context(
                default_order_id=self.order.id, default_filename="form.xlsx"
            )
        )
        form.data_file = data.decode()
        wizard = form.save()
        wizard.action_preview()
        self.assertEqual(wizard.state, "preview")
        self.assertEqual(wizard.header_row, 2)
        self.assertEqual(
            wizard.column_ids.mapped("target"),
            ["product_code", "product_name", False, "price_unit"],
        )
        self.assertIn("pump", wizard.preview_html)
        with self.assertRaisesRegex(UserError, "no column for Quantity"):
            wizard.action_import()
        self.assertFalse(self.order.order_line)
        form = Form(wizard)
        with form.column_ids.edit(2) as column:
            self.assertEqual(column.header, "订货量")
            column.target = "quantity"
        with form.column_ids.edit(1) as column:
            column.target = False  # ignore the customer's product names
        wizard = form.save()
        wizard.action_import()
        lines = self.order.order_line.sorted("id")
        self.assertEqual(lines.mapped("product_uom_qty"), [10.0, 1.0])
        self.assertEqual(lines.mapped("price_unit"), [2.0, 480.0])

    def test_header_row_chosen_by_hand(self):
        rows = [
            ["产品编号", "数量"],  # a stray header-like row in the title block
            ["X", "Y"],
            ["产品编号", "数量", "单价"],
            ["P-100", 3, 1],
        ]
        wizard = self._wizard(xlsx_bytes(rows))
        wizard.action_preview()
        self.assertEqual(wizard.header_row, 3, "the row naming the most columns")
        wizard.action_import()
        self.assertEqual(self.order.order_line.product_uom_qty, 3.0)


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
