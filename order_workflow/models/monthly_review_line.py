# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The lines of the Monthly Order Review (monthly_review.py): mean hours per stage,
complaints by category and the late orders with their causes. Written only by the
review's *Generate* (as the system); read by whoever reads the review."""

from odoo import _, api, fields, models

from .helpdesk_ticket_complaint import CATEGORIES
from .sale_order import WORKFLOW_STAGES


class MonthlyReviewStage(models.Model):
    _name = "order_workflow.monthly.review.stage"
    _description = "Monthly Order Review: hours per stage"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one(
        "order_workflow.monthly.review",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    sequence = fields.Integer(readonly=True)
    stage = fields.Selection(WORKFLOW_STAGES, required=True, readonly=True)
    mean_hours = fields.Float(readonly=True, digits=(16, 1), aggregator="avg")
    count = fields.Integer(
        string="Orders", readonly=True, help="Times the stage was left in the month."
    )

    def _ow_chart_label(self):
        """The stage's label in the reader's language (the report's chart)."""
        self.ensure_one()
        return dict(self._fields["stage"]._description_selection(self.env)).get(
            self.stage, self.stage
        )


class MonthlyReviewComplaint(models.Model):
    _name = "order_workflow.monthly.review.complaint"
    _description = "Monthly Order Review: complaints by category"
    _order = "review_id, count desc, id"

    review_id = fields.Many2one(
        "order_workflow.monthly.review",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    category = fields.Selection(
        CATEGORIES + [("none", "Not categorized")], required=True, readonly=True
    )
    count = fields.Integer(string="Complaints", readonly=True)
    response_kept_count = fields.Integer(
        string="Answered in time",
        readonly=True,
        help="Complaints whose first response was given within the response time.",
    )


class MonthlyReviewLate(models.Model):
    _name = "order_workflow.monthly.review.late"
    _description = "Monthly Order Review: late order"
    _order = "review_id, days_late desc, id"

    review_id = fields.Many2one(
        "order_workflow.monthly.review",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    order_id = fields.Many2one(
        "sale.order", string="Order", required=True, readonly=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", readonly=True, ondelete="set null"
    )
    promised_date = fields.Date(readonly=True)
    planned_ship_date = fields.Date(string="Agreed ship date", readonly=True)
    finished_on = fields.Datetime(readonly=True)
    shipped_on = fields.Datetime(readonly=True)
    delivered_on = fields.Datetime(readonly=True)
    days_late = fields.Integer(
        readonly=True,
        help="Days the goods were finished after the promised date (or shipped after "
        "the agreed ship date, whichever is more).",
    )
    # the causes, as figures: the text is written in the reader's language
    anomaly_count = fields.Integer(string="Production anomalies", readonly=True)
    anomaly_days = fields.Integer(
        string="Anomaly impact (days)", readonly=True, help="Their expected impact."
    )
    change_request_count = fields.Integer(string="Change requests", readonly=True)
    material_risk_days = fields.Integer(string="Days late (materials)", readonly=True)
    deposit_hours = fields.Float(
        string="Deposit wait (hours)", readonly=True, digits=(16, 1)
    )
    payment_hours = fields.Float(
        string="Payment wait (hours)", readonly=True, digits=(16, 1)
    )
    causes = fields.Text(compute="_compute_causes")

    @api.depends(
        "anomaly_count",
        "anomaly_days",
        "change_request_count",
        "material_risk_days",
        "deposit_hours",
        "payment_hours",
    )
    def _compute_causes(self):
        for line in self:
            causes = []
            if line.anomaly_count:
                causes.append(
                    _(
                        "Production anomalies: %(count)s (%(days)s days)",
                        count=line.anomaly_count,
                        days=line.anomaly_days,
                    )
                )
            if line.change_request_count:
                causes.append(
                    _("Change requests: %(count)s", count=line.change_request_count)
                )
            if line.material_risk_days:
                causes.append(
                    _(
                        "Materials late: %(days)s days",
                        days=line.material_risk_days,
                    )
                )
            if line.deposit_hours:
                causes.append(
                    _(
                        "Waited for the deposit: %(hours)s h",
                        hours=round(line.deposit_hours, 1),
                    )
                )
            if line.payment_hours:
                causes.append(
                    _(
                        "Waited for the payment: %(hours)s h",
                        hours=round(line.payment_hours, 1),
                    )
                )
            line.causes = "\n".join(causes) or _("No recorded cause")
