# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models

# Customer-facing documents of an order: not before the order is approved.
CUSTOMER_REPORTS = (
    "sale.report_saleorder",
    "sale.report_saleorder_pro_forma",
    "order_workflow.report_order_confirmation",
)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _ow_check_customer_report(self, report_ref, res_ids):
        report = self._get_report(report_ref)
        if report.report_name in CUSTOMER_REPORTS and report.model == "sale.order":
            orders = self.env["sale.order"].browse(res_ids or []).exists()
            orders._ow_check_approved(_("printed for the customer"))

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        self._ow_check_customer_report(report_ref, res_ids)
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)

    def _render_qweb_html(self, report_ref, docids, data=None):
        self._ow_check_customer_report(report_ref, docids)
        return super()._render_qweb_html(report_ref, docids, data=data)
