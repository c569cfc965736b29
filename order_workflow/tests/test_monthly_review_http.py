# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Monthly Order Review over XML-RPC (the wrong roles cannot generate it nor write
its figures) and as a real PDF with its chart, in English and Chinese (only in a
post_install HttpCase: wkhtmltopdf fetches the report assets from the running test
server)."""

import xmlrpc.client

from odoo.tests import HttpCase, tagged

from . import test_reports_pdf
from .common import load_chinese, rpc_caller
from .monthly_review_common import MONTH, MonthlyReviewCase

REVIEW = "order_workflow.monthly.review"
REPORT = "order_workflow.report_monthly_review"


@tagged("post_install", "-at_install")
class TestMonthlyReviewHttp(MonthlyReviewCase, HttpCase):
    # the class itself is not imported here: the runners would run its tests twice
    _ink = test_reports_pdf.TestReportsPdf._ink

    def test_generate_over_rpc_by_role(self):
        self._setup_month()
        manager, clerk, qc = (
            rpc_caller(self, user.login)
            for user in (self.manager, self.clerk, self.users["group_qc_inspector"])
        )
        month = str(MONTH)
        for wrong in (clerk, qc):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "not allowed|Only"):
                wrong(REVIEW, "create", {"month": month})
        review_id = manager(REVIEW, "create", {"month": month})
        for wrong in (clerk, qc):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Only"):
                wrong(REVIEW, "action_generate", [review_id])
        with self.assertRaisesRegex(xmlrpc.client.Fault, "workflow's actions"):
            manager(REVIEW, "write", [review_id], {"on_time_rate": 100.0})
        self.assertEqual(
            manager(REVIEW, "read", [review_id], ["state"])[0]["state"], "draft"
        )
        self.assertIs(manager(REVIEW, "action_generate", [review_id]), True)
        [values] = clerk(REVIEW, "read", [review_id], ["state", "on_time_count"])
        self.assertEqual((values["state"], values["on_time_count"]), ("generated", 2))

    def test_monthly_review_pdf_with_its_chart(self):
        load_chinese(self.env)
        late, early, _july, _may = self._setup_month()
        review = self.Review.with_user(self.manager).create({"month": MONTH})
        review.action_generate()
        report = self.env["ir.actions.report"].with_context(
            force_report_rendering=True, lang="en_US"
        )
        html, _fmt = report._render_qweb_html(REPORT, review.ids)
        html = html.decode()
        for text in (
            "Monthly Order Review",
            "2025-06",
            "66.7 %",
            late.name,
            "Waited for the deposit: 48.0 h",
            "<svg",
            "<rect",
            "Deposit",
            "32.0 h (3)",
        ):
            self.assertIn(text, html)
        self.assertNotIn(early.name, html, "on time: not in the late list")
        pdf, _fmt = report._render_qweb_pdf(REPORT, review.ids)
        self.assertGreater(self._ink(pdf), 0.01, "the page is not blank")
        zh = report.with_context(lang="zh_CN")
        html_zh, _fmt = zh._render_qweb_html(REPORT, review.ids)
        self.assertIn("订单复盘报告", html_zh.decode())
        pdf_zh, _fmt = zh._render_qweb_pdf(REPORT, review.ids)
        self.assertGreater(self._ink(pdf_zh), 0.01, "the Chinese page is not blank")
