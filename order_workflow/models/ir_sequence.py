# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar

from odoo import fields, models

ORDER_SEQUENCE_CODE = "order_workflow.sale.order"


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    def _create_date_range_seq(self, date):
        """Workflow order numbers (``YYYYMM-NNN``) restart every month."""
        if self.code != ORDER_SEQUENCE_CODE:
            return super()._create_date_range_seq(date)
        day = fields.Date.to_date(date)
        last = calendar.monthrange(day.year, day.month)[1]
        return (
            self.env["ir.sequence.date_range"]
            .sudo()
            .create(
                {
                    "date_from": day.replace(day=1),
                    "date_to": day.replace(day=last),
                    "sequence_id": self.id,
                }
            )
        )
