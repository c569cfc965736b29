# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

WORKFLOW_STAGES = [
    ("intake", "Intake"),
    ("info_needed", "Info needed"),
    ("technical_review", "Technical review"),
    ("price_review", "Price review"),
    ("approval", "Approval"),
    ("customer_confirmation", "Customer confirmation"),
    ("deposit", "Deposit"),
    ("production", "Production"),
    ("quality", "Quality check"),
    ("payment_hold", "Payment hold"),
    ("ready", "Ready to ship"),
    ("shipped", "Shipped"),
    ("delivered", "Delivered"),
    ("closed", "Closed"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    use_order_workflow = fields.Boolean(
        string="Order Workflow",
        compute="_compute_use_order_workflow",
        store=True,
        precompute=True,
        readonly=True,
        copy=False,
        help="Fixed when the order is created, from its sales team. Orders outside the "
        "workflow behave exactly as in standard Odoo.",
    )
    workflow_stage = fields.Selection(
        WORKFLOW_STAGES,
        string="Stage",
        compute="_compute_workflow_stage",
        store=True,
        index=True,
        tracking=True,
        group_expand="_group_expand_workflow_stage",
        help="Where the order stands in the order workflow; derived from the order's "
        "review, approval, confirmation, production and shipping records.",
    )

    # Empty dependencies on purpose: the value is fixed at creation and never follows
    # later changes of the sales team.
    @api.depends()
    def _compute_use_order_workflow(self):
        for order in self:
            team = order.team_id
            order.use_order_workflow = bool(team.use_order_workflow)

    @api.depends("use_order_workflow", "state")
    def _compute_workflow_stage(self):
        for order in self:
            order.workflow_stage = (
                order._get_workflow_stage() if order.use_order_workflow else False
            )

    def _get_workflow_stage(self):
        """Return the stage key of one workflow order.

        A pure function of the gate fields and of Odoo's own states. Each concern of the
        workflow extends it (and the dependencies of ``_compute_workflow_stage``) in its
        own file, answering for the gates it owns before calling ``super()``.
        """
        self.ensure_one()
        if self.state == "cancel":
            return "cancelled"
        return "intake"

    @api.model
    def _group_expand_workflow_stage(self, stages, domain):
        return [key for key, _label in WORKFLOW_STAGES]

    def write(self, vals):
        if "use_order_workflow" in vals and any(
            order.use_order_workflow != bool(vals["use_order_workflow"])
            for order in self
        ):
            raise UserError(
                _(
                    "Whether an order follows the order workflow is fixed when it is "
                    "created. Create a new order in a sales team with the workflow "
                    "switched on or off instead."
                )
            )
        return super().write(vals)
