# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Order import: any file only ever raises a UserError, big files go through,
and only the roles allowed import."""

import base64
import io
import logging
import random
import time

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..wizards import excel_reader as xl
from .import_common import ZH_HEADER, ImportCase, xls_bytes, xlsx_bytes

_logger = logging.getLogger(__name__)


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
