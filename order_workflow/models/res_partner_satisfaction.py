# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer's satisfaction history: their survey results, counted for the smart
button on the contact."""

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    satisfaction_result_count = fields.Integer(
        compute="_compute_satisfaction_result_count", groups="base.group_user"
    )

    def _compute_satisfaction_result_count(self):
        results = self.env["order_workflow.satisfaction.result"]
        if not results.has_access("read"):
            self.satisfaction_result_count = 0
            return
        counts = dict(
            results._read_group(
                [("partner_id", "in", self.commercial_partner_id.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.satisfaction_result_count = counts.get(
                partner.commercial_partner_id, 0
            )

    def action_view_satisfaction(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "order_workflow.action_satisfaction_result"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"search_default_group_by_campaign": 0}
        return action
