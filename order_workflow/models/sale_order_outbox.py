# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the order sent through the outbox (models/outbox.py): a failure shows on the
form, with Retry."""

from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    ow_outbox_failed_count = fields.Integer(
        string="Documents not sent", compute="_compute_ow_outbox_failed_count"
    )

    def _ow_outbox(self, states=("failed",)):
        return (
            self.env["order_workflow.outbox"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("state", "in", list(states)),
                ]
            )
        )

    def _compute_ow_outbox_failed_count(self):
        counts = dict(
            self.env["order_workflow.outbox"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("state", "=", "failed"),
                ],
                ["res_id"],
                ["__count"],
            )
        )
        for order in self:
            order.ow_outbox_failed_count = counts.get(order.id, 0)

    def action_ow_retry_sending(self):
        """Send again what could not be sent (documents, notifications)."""
        self.check_access("write")
        return self._ow_outbox().action_retry()
