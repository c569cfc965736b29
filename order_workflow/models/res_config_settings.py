# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .res_partner import CREDIT_CLASSES


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    order_workflow_existing_customer_class = fields.Selection(
        CREDIT_CLASSES,
        string="Credit class of existing customers",
        config_parameter="order_workflow.existing_customer_class",
        default="A",
        help="Customers that already existed when Order Workflow was installed were "
        "qualified with this credit class, so that installing blocks nobody.",
    )
    order_workflow_price_tolerance = fields.Float(
        related="company_id.order_workflow_price_tolerance", readonly=False
    )
    order_workflow_receipt_chase_days = fields.Integer(
        related="company_id.order_workflow_receipt_chase_days", readonly=False
    )
    order_workflow_deposit_a = fields.Float(
        related="company_id.order_workflow_deposit_a", readonly=False
    )
    order_workflow_deposit_b = fields.Float(
        related="company_id.order_workflow_deposit_b", readonly=False
    )
    order_workflow_deposit_c = fields.Float(
        related="company_id.order_workflow_deposit_c", readonly=False
    )
    order_workflow_lead_margin = fields.Integer(
        related="company_id.order_workflow_lead_margin", readonly=False
    )
    order_workflow_info_hours = fields.Float(
        related="company_id.order_workflow_info_hours", readonly=False
    )
    order_workflow_contact_hours = fields.Float(
        related="company_id.order_workflow_contact_hours", readonly=False
    )
    order_workflow_import_max_mb = fields.Float(
        related="company_id.order_workflow_import_max_mb", readonly=False
    )
