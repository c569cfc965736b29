# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from pathlib import Path

import polib
from babel.messages.extract import extract

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

from .common import load_chinese

# GLOSSARY.md: one concept, one name (zh_CN, zh_TW)
GLOSSARY = {
    "Order Clerk": ("接单员", "接單員"),
    "Sales Manager": ("销售经理", "銷售經理"),
    "Sales Director": ("销售总监", "銷售總監"),
    "General Manager": ("总经理", "總經理"),
    "Technical Reviewer": ("技术部", "技術部"),
    "Purchasing Reviewer": ("采购部", "採購部"),
    "Finance Reviewer": ("财务部", "財務部"),
    "Production Supervisor": ("生产主管", "生產主管"),
    "QC Inspector": ("质检部", "質檢部"),
    "Shipping Clerk": ("发货员", "發貨員"),
    "Service Supervisor": ("客服主管", "客服主管"),
    "Intake": ("接单", "接單"),
    "Deposit": ("定金", "定金"),
}


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.i18n = get_module_path("order_workflow") + "/i18n"

    def _po(self, name):
        return polib.pofile(f"{self.i18n}/{name}")

    def test_pot_is_up_to_date_with_the_code(self):
        buf = io.BytesIO()
        trans_export(None, ["order_workflow"], buf, "po", self.env.cr)
        exported = {e.msgid for e in polib.pofile(buf.getvalue().decode())}
        committed = {e.msgid for e in self._po("order_workflow.pot")}
        self.assertFalse(
            exported - committed, "terms missing from the .pot: run `make i18n`"
        )
        self.assertFalse(committed - exported, "obsolete terms in the .pot")

    def test_every_python_file_can_be_read_for_terms(self):
        """Babel gives up on a whole file at the first _() it can't read (an f-string
        or a variable as its text); Odoo only logs it, and the rest of the file's
        terms silently stay English."""
        root = Path(get_module_path("order_workflow"))
        for path in sorted(root.rglob("*.py")):
            if "tests" in path.parts:
                continue
            with path.open("rb") as source:
                try:
                    list(extract("python", source, keywords={"_": None, "_lt": None}))
                except Exception as exc:  # any failure is the finding
                    self.fail(f"{path.relative_to(root)}: {exc!r}")

    def test_every_term_is_translated(self):
        pot = {e.msgid for e in self._po("order_workflow.pot")}
        for lang in ("zh_CN", "zh_TW"):
            po = self._po(f"{lang}.po")
            translated = {e.msgid for e in po if e.msgstr}
            self.assertFalse(pot - translated, f"untranslated in {lang}.po")

    def test_glossary_terms(self):
        for index, lang in enumerate(("zh_CN", "zh_TW")):
            po = {e.msgid: e.msgstr for e in self._po(f"{lang}.po")}
            for english, chinese in GLOSSARY.items():
                self.assertEqual(po.get(english), chinese[index], (lang, english))

    def test_labels_show_in_chinese(self):
        load_chinese(self.env)
        selection = dict(
            self.env["sale.order"]
            .with_context(lang="zh_CN")
            ._fields["workflow_stage"]
            ._description_selection(self.env(context={"lang": "zh_CN"}))
        )
        self.assertEqual(selection["intake"], "接单")
        group = self.env.ref("order_workflow.group_order_clerk").with_context(
            lang="zh_CN"
        )
        self.assertEqual(group.name, "接单员")
