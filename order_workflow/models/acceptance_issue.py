# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An acceptance issue (验收问题记录单): what the customer noted on the delivery
receipt, for the sales manager to handle."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import Rule, workflow_action

MANAGER = "order_workflow.group_sales_manager"


class AcceptanceIssue(models.Model):
    _name = "order_workflow.acceptance.issue"
    _description = "Acceptance issue"
    _inherit = ["mail.thread", "mail.activity.mixin", "order_workflow.guarded"]
    # the delivery it was noted on is given when it is registered, then fixed
    _ow_guarded_fields = {"picking_id": Rule(on_create=False)}
    _order = "create_date desc, id desc"

    picking_id = fields.Many2one(
        "stock.picking", string="Delivery", required=True, index=True
    )
    order_id = fields.Many2one(
        related="picking_id.sale_id", store=True, index=True, string="Order"
    )
    partner_id = fields.Many2one(related="picking_id.partner_id", string="Customer")
    company_id = fields.Many2one(related="picking_id.company_id", store=True)
    description = fields.Text(required=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "order_workflow_acceptance_issue_attachment_rel",
        "issue_id",
        "attachment_id",
        string="Photos",
    )
    reported_by_id = fields.Many2one("res.users", readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("resolved", "Resolved")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    resolution = fields.Text()

    @api.depends("picking_id.name")
    def _compute_display_name(self):
        for issue in self:
            issue.display_name = _(
                "Acceptance issue %(picking)s", picking=issue.picking_id.name or ""
            )

    @api.model_create_multi
    def create(self, vals_list):
        issues = super().create(vals_list)
        managers = self._ow_role_holders(MANAGER)
        for issue in issues:
            for manager in managers:
                issue.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Acceptance issue: answer the customer"),
                    note=issue.description,
                    user_id=manager.id,
                )
            if issue.order_id:
                issue.order_id._ow_note(
                    _(
                        "Acceptance issue on %(picking)s: %(note)s",
                        picking=issue.picking_id.name,
                        note=issue.description,
                    )
                )
        return issues

    @workflow_action
    def action_resolve(self):
        """The sales manager or the service supervisor closes the issue, with how it
        was resolved."""
        self.env["sale.order"]._ow_check_group(
            [MANAGER, "order_workflow.group_service_supervisor"],
            _("resolve an acceptance issue"),
        )
        missing = self.filtered(lambda i: not (i.resolution or "").strip())
        if missing:
            raise UserError(
                _(
                    "Write how %(issue)s was resolved first.",
                    issue=missing[0].display_name,
                )
            )
        self.write({"state": "resolved"})
        return True

    def _ow_stage_orders(self):
        return self.order_id
