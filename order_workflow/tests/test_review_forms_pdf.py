# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Preliminary Review Form and the Order Review Checklist as real PDFs, in English
and Chinese (only in a post_install HttpCase: wkhtmltopdf fetches the report assets
from the running test server)."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from . import test_reports_pdf
from .common import attach_customer_documents, load_chinese

FORMS = {
    "order_workflow.report_preliminary_review": (
        "Preliminary Review Form",
        "订单初步审核表",
    ),
    "order_workflow.report_order_review_checklist": (
        "Order Review Checklist",
        "合同/订单评审检查清单",
    ),
}


@tagged("post_install", "-at_install")
class TestReviewFormsPdf(HttpCase):
    # the class itself is not imported here: the runners would run its tests twice
    _ink = test_reports_pdf.TestReportsPdf._ink

    def test_review_forms_pdf_in_english_and_chinese(self):
        env = self.env
        load_chinese(env)
        customer = env["res.partner"].create(
            {
                "name": "PDF Review Customer",
                "is_company": True,
                "street": "8 Harbour Road",
                "city": "Ningbo",
                "phone": "+86 574 0000 0000",
            }
        )
        attach_customer_documents(customer).action_qualify()
        product = env["product.product"].create(
            {"name": "Review pump", "list_price": 10, "type": "consu"}
        )
        order = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "team_id": env["crm.team"]
                .create({"name": "PDF review team", "use_order_workflow": True})
                .id,
                "client_order_ref": "PO-PDF-9",
                "requested_date": fields.Date.today() + timedelta(days=40),
                "payment_term_id": env.ref("account.account_payment_term_30days").id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": 3,
                            "price_unit": 10,
                        }
                    )
                ],
            }
        )
        order.action_review_pass()
        self.assertTrue(order.first_order_of_customer)
        report = env["ir.actions.report"].with_context(force_report_rendering=True)
        for ref, (english, chinese) in FORMS.items():
            for lang, title in (("en_US", english), ("zh_CN", chinese)):
                printer = report.with_context(lang=lang)
                pdf, _fmt = printer._render_qweb_pdf(ref, order.ids)
                self.assertGreater(self._ink(pdf), 0.01, f"{ref} ({lang}) is not blank")
                html, _fmt = printer._render_qweb_html(ref, order.ids)
                self.assertIn(title, html.decode(), (ref, lang))
                self.assertIn("PO-PDF-9", html.decode())
