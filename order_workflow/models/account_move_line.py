# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A payment reconciled with an order's invoice may complete its deposit (down-payment
invoices) or its balance (any invoice).

Every reconciliation (payment registration, bank statement matching, outstanding
credits added on the invoice) goes through ``_reconcile_plan``; ``_invoice_paid_hook``
would only see fully paid invoices, and the deposit counts partial payments too.
"""

from odoo import models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _reconcile_plan(self, reconciliation_plan):
        res = super()._reconcile_plan(reconciliation_plan)
        amls = self.browse()
        stack = list(reconciliation_plan)
        while stack:
            item = stack.pop()
            if isinstance(item, models.BaseModel):
                amls |= item
            else:
                stack.extend(item)
        invoices = amls.move_id.filtered(lambda m: m.move_type == "out_invoice")
        orders = invoices.sudo().invoice_line_ids.sale_line_ids.order_id.filtered(
            "use_order_workflow"
        )
        if orders:
            orders._ow_after_payment()
        return res
