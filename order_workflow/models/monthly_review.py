# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Monthly Order Review (订单复盘报告): the month's KPIs, stored, and the late
orders with their causes, for the review meeting held at the end of each month
(每月底…订单复盘会议). The *Monthly Order Review* prints from it.

Month rules (issue 21): an order's *order month* is the month of ``date_order``
(orders, first-pass rate, approval lead time, change requests); its *delivery month*
the month of ``delivered_on`` (on-time rate, late orders); stage hours count in the
month the stage was left; complaints in the month they were registered, satisfaction
in the month it was recorded. Months are calendar months in UTC, as the dates are
stored.

``action_generate()`` (sales manager, director or general manager) recomputes every
figure in a constant number of ``_read_group`` queries, whatever the number of orders,
and replaces the lines: generating twice gives the same review. A cron generates last
month's review of each company on the 1st and gives the sales directors an activity to
hold the meeting.
"""

from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import workflow_action
from .sale_order import WORKFLOW_STAGES

REVIEWERS = (
    "order_workflow.group_sales_manager",
    "order_workflow.group_sales_director",
    "order_workflow.group_general_manager",
)
DIRECTOR = "order_workflow.group_sales_director"
# change requests that were asked for (not drafts, not withdrawn)
CHANGES_ASKED = [("state", "not in", ("draft", "cancelled"))]
STAGE_SEQUENCE = {key: index for index, (key, _label) in enumerate(WORKFLOW_STAGES)}


def _percent(part, whole):
    return 100.0 * part / whole if whole else 0.0


class MonthlyReview(models.Model):
    _name = "order_workflow.monthly.review"
    _inherit = ["mail.thread", "mail.activity.mixin", "order_workflow.guarded"]
    _description = "Monthly Order Review"
    _order = "month desc, company_id, id"

    name = fields.Char(compute="_compute_name", store=True)
    month = fields.Date(
        required=True,
        tracking=True,
        default=lambda self: self._ow_last_month(),
        help="The month reviewed (its first day).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("generated", "Generated")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    generated_on = fields.Datetime(readonly=True, copy=False)
    note = fields.Html(
        string="Meeting notes", help="Conclusions and actions of the review meeting."
    )
    # order month
    order_count = fields.Integer(string="Orders", readonly=True)
    reviewed_count = fields.Integer(string="Orders reviewed", readonly=True)
    first_pass_count = fields.Integer(string="Passed first time", readonly=True)
    first_pass_rate = fields.Float(string="First-pass rate (%)", readonly=True)
    approval_hours = fields.Float(
        string="Approval lead time (hours)",
        readonly=True,
        help="Mean hours from receiving an order of the month to leaving Approval.",
    )
    change_request_count = fields.Integer(string="Change requests", readonly=True)
    # delivery month
    delivered_count = fields.Integer(string="Delivered", readonly=True)
    on_time_count = fields.Integer(string="On time", readonly=True)
    on_time_rate = fields.Float(string="On-time delivery rate (%)", readonly=True)
    late_count = fields.Integer(string="Late", readonly=True)
    # after-sales
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    response_kept_count = fields.Integer(string="Answered in time", readonly=True)
    response_kept_rate = fields.Float(
        string="First response in time (%)", readonly=True
    )
    satisfaction_mean = fields.Float(
        string="Satisfaction (survey, 0-100)", readonly=True, digits=(5, 1)
    )
    satisfaction_result_count = fields.Integer(string="Survey answers", readonly=True)
    followup_mean = fields.Float(
        string="Satisfaction (follow-up call, 1-5)", readonly=True, digits=(3, 2)
    )
    followup_count = fields.Integer(string="Follow-up calls", readonly=True)
    stage_line_ids = fields.One2many(
        "order_workflow.monthly.review.stage", "review_id", string="Hours per stage"
    )
    complaint_line_ids = fields.One2many(
        "order_workflow.monthly.review.complaint",
        "review_id",
        string="Complaints by category",
    )
    late_line_ids = fields.One2many(
        "order_workflow.monthly.review.late", "review_id", string="Late orders"
    )

    _sql_constraints = [
        (
            "month_company_unique",
            "unique(company_id, month)",
            "A company has one Monthly Order Review per month.",
        )
    ]

    @api.model
    def _ow_last_month(self):
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)

    @api.depends("month")
    def _compute_name(self):
        for review in self:
            review.name = review.month and review.month.strftime("%Y-%m")

    # -- the month: its first day ------------------------------------------------------
    def _ow_first_day(self, vals):
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._ow_first_day(dict(vals)) for vals in vals_list])

    def write(self, vals):
        vals = self._ow_first_day(dict(vals))
        if {"month", "company_id"} & set(vals) and self.filtered(
            lambda r: r.state == "generated"
        ):
            raise UserError(
                _(
                    "A generated review keeps its month and company: create a new "
                    "review for another month."
                )
            )
        return super().write(vals)

    def _ow_period(self):
        """The month as [start, end) datetimes (UTC, as stored)."""
        self.ensure_one()
        start = datetime.combine(self.month, time.min)
        return start, start + relativedelta(months=1)

    # -- generating --------------------------------------------------------------------
    @workflow_action
    def action_generate(self):
        """Compute the month's KPIs and late orders and store them (again)."""
        self.env["sale.order"]._ow_check_group(
            REVIEWERS, _("generate the Monthly Order Review")
        )
        for review in self:
            review._ow_generate()
        return True

    def _ow_generate(self):
        self.ensure_one()
        values = {"state": "generated", "generated_on": fields.Datetime.now()}
        values.update(self._ow_order_figures())
        values.update(self._ow_after_sales_figures())
        late = self._ow_late_lines()
        values["late_count"] = len(late)
        old = self.sudo()
        for lines in (old.stage_line_ids, old.complaint_line_ids, old.late_line_ids):
            lines.unlink()
        self.env["order_workflow.monthly.review.stage"].sudo().create(
            [dict(vals, review_id=self.id) for vals in self._ow_stage_lines()]
        )
        complaints = self._ow_complaint_lines()
        values["complaint_count"] = sum(c["count"] for c in complaints)
        values["response_kept_count"] = sum(
            c["response_kept_count"] for c in complaints
        )
        values["response_kept_rate"] = _percent(
            values["response_kept_count"], values["complaint_count"]
        )
        self.env["order_workflow.monthly.review.complaint"].sudo().create(
            [dict(vals, review_id=self.id) for vals in complaints]
        )
        self.env["order_workflow.monthly.review.late"].sudo().create(
            [dict(vals, review_id=self.id) for vals in late]
        )
        self.write(values)

    def _ow_orders(self):
        return (
            self.env["sale.order"]
            .sudo()
            .with_context(active_test=False)
            .with_company(self.company_id)
        )

    def _ow_order_domain(self, field):
        start, end = self._ow_period()
        return [
            ("company_id", "=", self.company_id.id),
            ("use_order_workflow", "=", True),
            (field, ">=", start),
            (field, "<", end),
        ]

    def _ow_order_figures(self):
        Order = self._ow_orders()
        Log = self.env["order_workflow.stage.log"].sudo()
        ordered = self._ow_order_domain("date_order")
        by_order = [("order_id." + f[0], *f[1:]) for f in ordered[1:]]
        company = [("company_id", "=", self.company_id.id)]
        [(orders,)] = Order._read_group(ordered, aggregates=["__count"])
        reviewed = dict(
            Order._read_group(
                ordered + [("review_state", "!=", "pending")],
                ["first_pass_review"],
                ["__count"],
            )
        )
        # approval lead time: from receiving the order (its first stage) to leaving
        # Approval, as the KPI report measures it
        approved = dict(
            Log._read_group(
                company
                + by_order
                + [("stage", "=", "approval"), ("left_on", "!=", False)],
                ["order_id"],
                ["left_on:max"],
            )
        )
        received = dict(
            Log._read_group(
                [("order_id", "in", [order.id for order in approved])],
                ["order_id"],
                ["entered_on:min"],
            )
            if approved
            else []
        )
        lead_hours = [
            (left - received[order]).total_seconds() / 3600.0
            for order, left in approved.items()
        ]
        [(changes,)] = (
            self.env["order_workflow.change.request"]
            .sudo()
            ._read_group(company + by_order + CHANGES_ASKED, aggregates=["__count"])
        )
        delivered = dict(
            Order._read_group(
                self._ow_order_domain("delivered_on"), ["on_time"], ["__count"]
            )
        )
        delivered_count = sum(delivered.values())
        return {
            "order_count": orders,
            "reviewed_count": sum(reviewed.values()),
            "first_pass_count": reviewed.get(True, 0),
            "first_pass_rate": _percent(reviewed.get(True, 0), sum(reviewed.values())),
            "approval_hours": (
                sum(lead_hours) / len(lead_hours) if lead_hours else 0.0
            ),
            "change_request_count": changes,
            "delivered_count": delivered_count,
            "on_time_count": delivered.get(True, 0),
            "on_time_rate": _percent(delivered.get(True, 0), delivered_count),
        }

    def _ow_stage_lines(self):
        start, end = self._ow_period()
        groups = (
            self.env["order_workflow.stage.log"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("left_on", ">=", start),
                    ("left_on", "<", end),
                ],
                ["stage"],
                ["hours:avg", "__count"],
            )
        )
        return [
            {
                "stage": stage,
                "sequence": STAGE_SEQUENCE.get(stage, 0),
                "mean_hours": hours or 0.0,
                "count": count,
            }
            for stage, hours, count in groups
        ]

    def _ow_complaint_lines(self):
        start, end = self._ow_period()
        groups = (
            self.env["helpdesk.ticket"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("is_complaint", "=", True),
                    ("create_date", ">=", start),
                    ("create_date", "<", end),
                ],
                ["complaint_category", "first_response_kept"],
                ["__count"],
            )
        )
        lines = {}
        for category, kept, count in groups:
            line = lines.setdefault(
                category or "none",
                {"category": category or "none", "count": 0, "response_kept_count": 0},
            )
            line["count"] += count
            line["response_kept_count"] += count if kept else 0
        return list(lines.values())

    def _ow_after_sales_figures(self):
        start, end = self._ow_period()
        [(mean, results)] = (
            self.env["order_workflow.satisfaction.result"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("date", ">=", start.date()),
                    ("date", "<", end.date()),
                ],
                aggregates=["total:avg", "__count"],
            )
        )
        [(followup, calls)] = self._ow_orders()._read_group(
            self._ow_order_domain("followup_done_on")
            + [("satisfaction_score", ">", 0)],
            aggregates=["satisfaction_score:avg", "__count"],
        )
        return {
            "satisfaction_mean": mean or 0.0,
            "satisfaction_result_count": results,
            "followup_mean": followup or 0.0,
            "followup_count": calls,
        }
