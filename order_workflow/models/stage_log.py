# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The stage log (KPIs): every stage a workflow order enters and leaves, with the hours
it spent there. Written by the system only (sale_order_stage_log.py), in batch, when
the stored stage changes; nobody creates, edits or deletes it."""

from odoo import api, fields, models

from .sale_order import WORKFLOW_STAGES


class StageLog(models.Model):
    _name = "order_workflow.stage.log"
    _description = "Order stage log"
    _order = "order_id, entered_on, id"
    _rec_name = "stage"

    order_id = fields.Many2one(
        "sale.order",
        string="Order",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    stage = fields.Selection(WORKFLOW_STAGES, required=True, readonly=True)
    entered_on = fields.Datetime(string="Entered on", required=True, readonly=True)
    left_on = fields.Datetime(
        string="Left on", readonly=True, help="Empty while the order is in this stage."
    )
    hours = fields.Float(
        compute="_compute_hours",
        store=True,
        aggregator="avg",
        help="Hours spent in the stage, from entering to leaving it.",
    )
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, index=True, readonly=True
    )

    _sql_constraints = [
        (
            "left_after_entered",
            "CHECK (left_on IS NULL OR left_on >= entered_on)",
            "A stage is left after it is entered.",
        ),
    ]

    def init(self):
        # the one open row of each order, found by every stage change
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS order_workflow_stage_log_open_idx
                ON order_workflow_stage_log (order_id) WHERE left_on IS NULL
            """
        )
        # stage hours by month of leaving (monthly review, dashboard)
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS order_workflow_stage_log_left_idx
                ON order_workflow_stage_log (left_on, stage) WHERE left_on IS NOT NULL
            """
        )
        # the KPI report's hours per order, read from the index alone
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS order_workflow_stage_log_hours_idx
                ON order_workflow_stage_log (order_id)
                INCLUDE (stage, hours, entered_on, left_on)
                WHERE left_on IS NOT NULL
            """
        )

    @api.depends("entered_on", "left_on")
    def _compute_hours(self):
        for log in self:
            log.hours = (
                (log.left_on - log.entered_on).total_seconds() / 3600.0
                if log.left_on and log.entered_on
                else 0.0
            )
