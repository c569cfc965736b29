# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A payment taken back (unreconciled, reset to draft, cancelled) may reopen what it
paid: the orders of the invoices it was matched with look at their money again."""

from odoo import models


class AccountPartialReconcile(models.Model):
    _inherit = "account.partial.reconcile"

    def unlink(self):
        moves = (self.debit_move_id | self.credit_move_id).move_id
        invoices = moves.filtered(lambda m: m.move_type == "out_invoice")
        orders = invoices.sudo().invoice_line_ids.sale_line_ids.order_id
        res = super().unlink()
        if orders:
            orders._ow_after_payment_reversed()
        return res
