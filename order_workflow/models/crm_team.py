# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    use_order_workflow = fields.Boolean(
        string="Use Order Workflow",
        default=True,
        help="New orders of this sales team go through the order workflow (review, "
        "approvals, confirmation, deposit, production, QC, shipping release). "
        "Orders keep the value they had when they were created.",
    )
