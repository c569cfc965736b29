# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a record sent through the outbox (models/outbox.py): a failure shows on its
form, with Retry. Taken on by the records the outbox sends from: the order (Order
Confirmation, Balance Payment Notice, approval requests) and the delivery (Shipping
Notice)."""

from odoo import fields, models


class OrderWorkflowOutboxMixin(models.AbstractModel):
    _name = "order_workflow.outbox.mixin"
    _description = "Order workflow: documents sent through the outbox"

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
        for record in self:
            record.ow_outbox_failed_count = counts.get(record.id, 0)

    def action_ow_retry_sending(self):
        """Send again what could not be sent (documents, notifications)."""
        self.check_access("write")
        return self._ow_outbox().action_retry()
