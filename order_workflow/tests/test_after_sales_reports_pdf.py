# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 8D Corrective Action Report as a real PDF, in the customer's language (only in a
post_install HttpCase: wkhtmltopdf fetches the report assets from the running test
server)."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from . import test_reports_pdf
from .common import load_chinese

EIGHT_D = "order_workflow.report_eight_d"


@tagged("post_install", "-at_install")
class TestAfterSalesReportsPdf(HttpCase):
    # the class itself is not imported here: the runners would run its tests twice
    _ink = test_reports_pdf.TestReportsPdf._ink

    def test_8d_report_pdf_in_the_customers_chinese(self):
        env = self.env
        load_chinese(env)
        customer = env["res.partner"].create(
            {"name": "宁波泵业有限公司", "is_company": True, "lang": "zh_CN"}
        )
        product = env["product.product"].create(
            {"name": "PDF pump", "list_price": 10, "type": "consu"}
        )
        # outside the workflow, the order is confirmed at once: the 8D is the subject
        plain = env["crm.team"].create(
            {"name": "PDF 8D team", "use_order_workflow": False}
        )
        order = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "team_id": plain.id,
                "client_order_ref": "PO-8D-7",
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 4})
                ],
            }
        )
        order.action_confirm()
        clerk = env.ref("order_workflow.user_demo_clerk")
        service = env.ref("order_workflow.user_demo_service")
        qc = env.ref("order_workflow.user_demo_qc")
        ticket = env["helpdesk.ticket"].browse(
            order.with_user(clerk).action_open_complaint(
                "quality", "两台泵外壳生锈", complaint_qty=2
            )
        )
        ticket.with_user(clerk).action_first_response("我们正在调查")
        ticket.with_user(service).action_assess_complaint(
            True, "确认为油漆缺陷", "production"
        )
        nc = env["mgmtsystem.nonconformity"].browse(
            ticket.with_user(qc).action_open_8d()
        )
        nc.with_user(qc).eight_d_containment = "库存批次已隔离"
        report = env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, _fmt = report.with_user(qc)._render_qweb_pdf(EIGHT_D, nc.ids)
        self.assertGreater(self._ink(pdf), 0.01, "the page is not blank")
        html, _fmt = report.with_user(qc)._render_qweb_html(EIGHT_D, nc.ids)
        html = html.decode()
        # the customer's language, whoever prints it
        self.assertEqual(qc.lang, "en_US")
        for text in (
            "纠正预防8D报告",
            "D3 临时围堵措施",
            "库存批次已隔离",
            ticket.number,
            "PO-8D-7",
        ):
            self.assertIn(text, html)
        self.assertNotIn("8D Corrective Action Report", html)

    def test_satisfaction_followup_form_pdf(self):
        """The demo's followed-up order (scored in the call) prints its Satisfaction
        Follow-up Form (客户满意度回访表)."""
        order = self.env["sale.order"].search(
            [("client_order_ref", "=", "EC-7712")], limit=1
        )
        self.assertTrue(order.satisfaction_score, "the demo's call was scored")
        clerk = self.env.ref("order_workflow.user_demo_clerk")
        report = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            .with_user(clerk)
        )
        name = "order_workflow.report_satisfaction_followup"
        pdf, _fmt = report._render_qweb_pdf(name, order.ids)
        self.assertGreater(self._ink(pdf), 0.01, "the page is not blank")
        html = report._render_qweb_html(name, order.ids)[0].decode()
        self.assertIn(order.name, html)
        self.assertIn("next order in March", html)
