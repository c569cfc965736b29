# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 8D disciplines on OCA's nonconformity. OCA has the description (D2), the
analysis and causes (D4), the corrective actions (D5–D6, ``mgmtsystem_action``) and
the evaluation that closes it (D8); the team (D1), the containment (D3), the
verification (D6) and the prevention (D7) are added here, and no OCA module prints an
8D, so the *8D Corrective Action Report* is ours (reports/eight_d_report.xml).
Closing or cancelling the 8D lets its complaint close."""

from odoo import fields, models


class MgmtsystemNonconformity(models.Model):
    _inherit = "mgmtsystem.nonconformity"

    complaint_id = fields.Many2one(
        "helpdesk.ticket", string="Complaint", readonly=True, index="btree_not_null"
    )
    eight_d_team_ids = fields.Many2many(
        "res.users",
        "order_workflow_8d_team_rel",
        "nonconformity_id",
        "user_id",
        string="D1 Team",
    )
    eight_d_containment = fields.Text(string="D3 Containment")
    eight_d_verification = fields.Text(string="D6 Verification")
    eight_d_prevention = fields.Text(string="D7 Prevention")

    def write(self, vals):
        res = super().write(vals)
        if ("stage_id" in vals or "state" in vals) and self.complaint_id:
            self.complaint_id._ow_close_when_done()
        return res
