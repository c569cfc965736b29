# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Real PDFs through wkhtmltopdf (only in a post_install HttpCase: the renderer fetches
the report assets from the running test server)."""

import shutil
import subprocess
import tempfile

from PIL import Image

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import load_chinese


@tagged("post_install", "-at_install")
class TestReportsPdf(HttpCase):
    def _ink(self, pdf):
        """Share of non-white pixels of the first page, rendered by poppler.

        Debian's wkhtmltopdf draws text as outlines, so pdftotext reads nothing: the
        content is checked in the HTML rendering, the PDF by what it puts on paper.
        """
        self.assertTrue(pdf.startswith(b"%PDF"), "wkhtmltopdf produced a PDF")
        self.assertTrue(shutil.which("pdftoppm"), "poppler-utils is installed")
        with tempfile.TemporaryDirectory() as tmp:
            with open(f"{tmp}/r.pdf", "wb") as f:
                f.write(pdf)
            subprocess.run(
                ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "r.pdf", "page"],
                cwd=tmp,
                check=True,
            )
            with Image.open(f"{tmp}/page-1.png") as page:
                gray = page.convert("L")
                dark = sum(1 for value in gray.getdata() if value < 200)
                return dark / (gray.width * gray.height)

    def test_technical_review_form_pdf_in_chinese_and_english(self):
        env = self.env
        load_chinese(env)
        customer = env["res.partner"].create(
            {"name": "PDF Customer", "is_company": True}
        )
        product = env["product.product"].create(
            {"name": "Special pump", "list_price": 10}
        )
        order = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "is_nonstandard": True,
                            "nonstandard_note": "Bronze impeller",
                        }
                    )
                ],
            }
        )
        review = env["order_workflow.technical.review"]._open_for(order)
        review.action_assess("feasible", "Bronze casting available")
        report = env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, _fmt = report._render_qweb_pdf(
            "order_workflow.report_technical_review", review.ids
        )
        self.assertGreater(self._ink(pdf), 0.01, "the page is not blank")
        html, _fmt = report._render_qweb_html(
            "order_workflow.report_technical_review", review.ids
        )
        for text in ("Technical Review Form", "Bronze impeller", "Bronze casting"):
            self.assertIn(text, html.decode())
        zh = report.with_context(lang="zh_CN")
        pdf_zh, _fmt = zh._render_qweb_pdf(
            "order_workflow.report_technical_review", review.ids
        )
        self.assertGreater(self._ink(pdf_zh), 0.01, "the Chinese page is not blank")
        html_zh, _fmt = zh._render_qweb_html(
            "order_workflow.report_technical_review", review.ids
        )
        self.assertIn("技术评审单", html_zh.decode())
