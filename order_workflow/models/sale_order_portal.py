# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer sees the progress of a workflow order on the portal (销售助理及时将生产
进度信息传达给客户): its stage, in customer-facing words, and the promised date.

The internal gates (intake, technical and price review, approval) are one step for the
customer: *Being reviewed*. Orders outside the workflow show nothing
(views/sale_order_portal_templates.xml).
"""

from odoo import api, fields, models

# customer-facing label of each progress step
PORTAL_STAGES = [
    ("review", "Being reviewed"),
    ("information", "Awaiting your information"),
    ("confirmation", "Awaiting your confirmation"),
    ("deposit", "Awaiting your deposit"),
    ("production", "In production"),
    ("quality", "Quality check"),
    ("payment", "Awaiting your payment"),
    ("ready", "Ready to ship"),
    ("shipped", "Shipped"),
    ("delivered", "Delivered"),
    ("completed", "Completed"),
    ("declined", "Not accepted"),
    ("cancelled", "Cancelled"),
]
# every stage of LIFECYCLE (models/sale_order.py) -> its step on the portal
PORTAL_STAGE_OF = {
    "intake": "review",
    "info_needed": "information",
    "technical_review": "review",
    "price_review": "review",
    "approval": "review",
    "customer_confirmation": "confirmation",
    "deposit": "deposit",
    "production": "production",
    "quality": "quality",
    "payment_hold": "payment",
    "ready": "ready",
    "shipped": "shipped",
    "delivered": "delivered",
    "collection": "payment",
    "closed": "completed",
    "rejected": "declined",
    "cancelled": "cancelled",
}


class SaleOrder(models.Model):
    _inherit = "sale.order"

    portal_stage = fields.Selection(
        PORTAL_STAGES,
        string="Progress",
        compute="_compute_portal_stage",
        help="The order's stage as the customer sees it on the portal.",
    )

    @api.depends("use_order_workflow", "workflow_stage")
    def _compute_portal_stage(self):
        for order in self:
            order.portal_stage = (
                PORTAL_STAGE_OF.get(order.workflow_stage)
                if order.use_order_workflow
                else False
            )
