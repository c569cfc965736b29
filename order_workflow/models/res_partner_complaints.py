# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer's complaints, counted for the smart button on the contact."""

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    complaint_count = fields.Integer(
        compute="_compute_complaint_count", groups="base.group_user"
    )

    def _compute_complaint_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [
                    ("commercial_partner_id", "in", self.commercial_partner_id.ids),
                    ("is_complaint", "=", True),
                ],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.complaint_count = counts.get(partner.commercial_partner_id, 0)

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "order_workflow.action_complaints"
        )
        action["domain"] = [
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
            ("is_complaint", "=", True),
        ]
        return action
