# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An RMA opened by a complaint's resolution (replace, refund): when it is done, the
complaint closes (unless its 8D is still open); when it is cancelled, the complaint is
to be resolved again."""

from odoo import fields, models


class Rma(models.Model):
    _inherit = "rma"

    complaint_id = fields.Many2one(
        "helpdesk.ticket", string="Complaint", readonly=True, index="btree_not_null"
    )

    def write(self, vals):
        res = super().write(vals)
        if "state" in vals and self.complaint_id:
            complaints = self.complaint_id
            complaints._ow_rma_cancelled()
            complaints._ow_close_when_done()
        return res
