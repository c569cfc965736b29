# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An online payment of the order may complete its deposit."""

from odoo import models


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    def _post_process(self):
        res = super()._post_process()
        orders = self.filtered(lambda tx: tx.state == "done").sale_order_ids
        if orders:
            orders._ow_after_payment()
        return res
