# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from ..wizards import excel_reader as xl
from .import_common import EN_HEADER, ZH_HEADER, ImportCase, xls_bytes, xlsx_bytes


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
