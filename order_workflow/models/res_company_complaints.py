# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_response_hours = fields.Integer(
        string="Complaint first response (hours)",
        default=24,
        help="Time within which a registered complaint gets its first response to "
        "the customer (售后24小时内响应).",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_response_hours = fields.Integer(
        related="company_id.complaint_response_hours", readonly=False
    )
