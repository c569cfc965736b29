# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""When the preliminary review passes, the customer is thanked and told the order was
received (及时答复…感谢): an e-mail in the customer's language, sent by the outbox."""

from odoo import _, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _ow_after_review_passed(self):
        super()._ow_after_review_passed()
        to_tell = self.filtered(lambda o: o.partner_id.email)
        if to_tell:  # rendered and e-mailed by the outbox, after this click
            self.env["order_workflow.outbox"]._queue(
                to_tell,
                _("Order received"),
                template=self.env.ref(
                    "order_workflow.mail_template_order_acknowledgement"
                ),
            )
