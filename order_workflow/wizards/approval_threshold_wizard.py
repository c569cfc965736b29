# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

GM = "order_workflow.group_general_manager"


class OrderWorkflowApprovalThresholds(models.TransientModel):
    """The general manager sets the approval thresholds of the company; reviews that
    were already requested keep their tiers."""

    _name = "order_workflow.approval.thresholds"
    _description = "Order Workflow: approval thresholds"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    director_threshold = fields.Monetary(string="Sales director above")
    gm_threshold = fields.Monetary(string="General manager above")
    discount_limit = fields.Float(string="Discount limit (%)")
    gm_self_approve = fields.Boolean(string="General manager may approve own orders")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        company = self.env.company
        values.update(
            director_threshold=company.order_workflow_director_threshold,
            gm_threshold=company.order_workflow_gm_threshold,
            discount_limit=company.order_workflow_discount_limit,
            gm_self_approve=company.order_workflow_gm_self_approve,
        )
        return values

    def action_save(self):
        self.ensure_one()
        self.env["sale.order"]._ow_check_group(
            [GM], _("change the approval thresholds")
        )
        if self.director_threshold < 0 or self.gm_threshold < self.director_threshold:
            raise ValidationError(
                _(
                    "The general manager's threshold must be at least the sales "
                    "director's, and both zero or more."
                )
            )
        self.company_id.sudo().write(
            {
                "order_workflow_director_threshold": self.director_threshold,
                "order_workflow_gm_threshold": self.gm_threshold,
                "order_workflow_discount_limit": self.discount_limit,
                "order_workflow_gm_self_approve": self.gm_self_approve,
            }
        )
        return {"type": "ir.actions.act_window_close"}
