# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who closed an 8D (D8 of the *8D Corrective Action Report*): OCA stamps the closing
date when the nonconformity reaches a done stage, not the person. Stamped the same way
here, and cleared with the date when the 8D is reopened."""

from odoo import fields, models


class MgmtsystemNonconformity(models.Model):
    _inherit = "mgmtsystem.nonconformity"

    eight_d_closed_by_id = fields.Many2one(
        "res.users", string="Closed by", readonly=True, copy=False
    )

    def write(self, vals):
        res = super().write(vals)
        if "stage_id" in vals or "state" in vals:
            closed = self.filtered(
                lambda nc: nc.state == "done" and not nc.eight_d_closed_by_id
            )
            reopened = self.filtered(
                lambda nc: nc.state != "done" and nc.eight_d_closed_by_id
            )
            if closed:
                closed.sudo().write({"eight_d_closed_by_id": self.env.uid})
            if reopened:
                reopened.sudo().write({"eight_d_closed_by_id": False})
        return res
