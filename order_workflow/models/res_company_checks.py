# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Company settings of two checks the workflow makes by default (issue 16): finance
checks the prices of every order, and a new customer is qualified only with its
business licence and credit record on file."""

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    order_workflow_check_all_prices = fields.Boolean(
        string="Finance checks every price",
        default=True,
        help="Every workflow order goes through the finance price review; prices that "
        "deviate from the price list stay highlighted. Off: only orders with a "
        "deviating price are reviewed.",
    )
    order_workflow_require_customer_documents = fields.Boolean(
        string="Qualify customers only with their documents",
        default=True,
        help="A customer is qualified only when its business licence and its credit "
        "record are attached to its file.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    order_workflow_check_all_prices = fields.Boolean(
        related="company_id.order_workflow_check_all_prices", readonly=False
    )
    order_workflow_require_customer_documents = fields.Boolean(
        related="company_id.order_workflow_require_customer_documents",
        readonly=False,
    )
