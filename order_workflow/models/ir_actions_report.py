# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models

# Customer-facing documents of an order: not before the order is approved.
CUSTOMER_REPORTS = (
    "sale.report_saleorder",
    "sale.report_saleorder_pro_forma",
    "order_workflow.report_order_confirmation",
)
# Forms that apply to some records of their model only (the print menu offers a
# report for every record of the model): the records' method refuses the others.
RECORD_CHECKS = {
    "order_workflow.report_acceptance_issue": "_ow_check_acceptance_record",
}


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _ow_check_printable(self, report_ref, res_ids):
        """Refuse to print a customer document of an order not approved yet, or a
        form for a record it does not apply to."""
        report = self._get_report(report_ref)
        if report.report_name in CUSTOMER_REPORTS and report.model == "sale.order":
            orders = self.env["sale.order"].browse(res_ids or []).exists()
            orders._ow_check_approved(_("printed for the customer"))
        check = RECORD_CHECKS.get(report.report_name)
        if check:
            getattr(self.env[report.model].browse(res_ids or []).exists(), check)()

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        self._ow_check_printable(report_ref, res_ids)
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)

    def _render_qweb_html(self, report_ref, docids, data=None):
        self._ow_check_printable(report_ref, docids)
        return super()._render_qweb_html(report_ref, docids, data=data)
