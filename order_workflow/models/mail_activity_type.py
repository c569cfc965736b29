# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    category = fields.Selection(
        selection_add=[
            ("ow_approval", "Approve or reject"),
            ("ow_followup", "Satisfaction follow-up form"),
        ],
        ondelete={"ow_approval": "set default", "ow_followup": "set default"},
    )
