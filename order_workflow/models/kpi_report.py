# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The KPI report (订单复盘): one row per confirmed workflow order, an SQL view.

Dimensions: order month (``date_order``), delivery date, sales team, salesperson, order
clerk, customer and its credit class, company. Measures, to read in a pivot or graph:

- orders; delivered orders, on time among them, and the on-time rate (%, the mean of a
  100/0 column that is empty for orders not delivered, so the mean is over delivered
  orders only);
- hours in each stage (the order's total time in it, from the stage log; empty when
  the order has not left that stage): mean via ``avg``. The 90th percentile is not an
  aggregate ``read_group`` knows: ``stage_hours_statistics(domain)`` returns the mean
  and the 90th percentile of each stage over the rows of a domain (``percentile_cont``
  in SQL), e.g. a pivot cell's domain;
- first-pass rate (%); approval lead time (hours from receiving the order to leaving
  the approval stage); change requests submitted; complaints and those whose first
  response came in time; satisfaction score (the follow-up call's, empty when none).

The joined aggregates (stage log, change requests, complaints) are LEFT JOINs on
subqueries unique per order: PostgreSQL leaves them out of a query that reads none of
their columns, so counting orders by month does not read the stage log.
"""

from odoo import api, fields, models
from odoo.tools import SQL

from .res_partner import CREDIT_CLASSES
from .sale_order import WORKFLOW_STAGES

# the stages an order waits in, with a column of hours each
TIMED_STAGES = [
    key
    for key, _label in WORKFLOW_STAGES
    if key not in ("closed", "rejected", "cancelled")
]


class KpiReport(models.Model):
    _name = "order_workflow.kpi.report"
    _description = "Order KPIs"
    _auto = False
    _rec_name = "order_id"
    _order = "date_order desc, id desc"
    # flushed before the view is read; the stage log is written when the stage is
    _depends = {
        "sale.order": [
            "use_order_workflow",
            "state",
            "date_order",
            "delivered_on",
            "workflow_stage",
            "team_id",
            "user_id",
            "order_clerk_id",
            "partner_id",
            "company_id",
            "on_time",
            "first_pass_review",
            "satisfaction_score",
        ],
        "res.partner": ["commercial_partner_id", "credit_class"],
        "order_workflow.stage.log": ["order_id", "stage", "entered_on", "left_on"],
        "order_workflow.change.request": ["order_id", "state"],
        "helpdesk.ticket": [
            "sale_order_id",
            "is_complaint",
            "first_response_on",
            "first_response_due",
        ],
    }

    order_id = fields.Many2one("sale.order", string="Order", readonly=True)
    date_order = fields.Datetime(string="Order date", readonly=True)
    delivered_on = fields.Datetime(readonly=True)
    workflow_stage = fields.Selection(WORKFLOW_STAGES, string="Stage", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    order_clerk_id = fields.Many2one("res.users", string="Order Clerk", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    credit_class = fields.Selection(CREDIT_CLASSES, readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

    order_count = fields.Integer(string="Orders", readonly=True, aggregator="sum")
    delivered_count = fields.Integer(
        string="Delivered orders", readonly=True, aggregator="sum"
    )
    on_time_count = fields.Integer(
        string="Delivered on time", readonly=True, aggregator="sum"
    )
    on_time_rate = fields.Float(
        string="On-time rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="Of the delivered orders, the share finished by the promised date (and "
        "shipped by the agreed ship date where one was set).",
    )
    first_pass_rate = fields.Float(
        string="First-pass rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="The share of orders whose preliminary review passed without asking "
        "the customer for information.",
    )
    approval_lead_hours = fields.Float(
        string="Approval lead time (h)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Hours from receiving the order to leaving the approval stage.",
    )
    change_request_count = fields.Integer(
        string="Change requests", readonly=True, aggregator="sum"
    )
    complaint_count = fields.Integer(
        string="Complaints", readonly=True, aggregator="sum"
    )
    response_kept_count = fields.Integer(
        string="Complaints answered in time",
        readonly=True,
        aggregator="sum",
        help="Complaints whose first response came within the response time.",
    )
    satisfaction_score = fields.Float(
        string="Satisfaction score",
        readonly=True,
        aggregator="avg",
        digits=(3, 2),
        help="The follow-up call's score (1 to 5); empty when none was recorded.",
    )
    hours_intake = fields.Float(string="Hours in Intake", aggregator="avg")
    hours_info_needed = fields.Float(string="Hours in Info needed", aggregator="avg")
    hours_technical_review = fields.Float(
        string="Hours in Technical review", aggregator="avg"
    )
    hours_price_review = fields.Float(string="Hours in Price review", aggregator="avg")
    hours_approval = fields.Float(string="Hours in Approval", aggregator="avg")
    hours_customer_confirmation = fields.Float(
        string="Hours in Customer confirmation", aggregator="avg"
    )
    hours_deposit = fields.Float(string="Hours in Deposit", aggregator="avg")
    hours_production = fields.Float(string="Hours in Production", aggregator="avg")
    hours_quality = fields.Float(string="Hours in Quality check", aggregator="avg")
    hours_payment_hold = fields.Float(string="Hours in Payment hold", aggregator="avg")
    hours_ready = fields.Float(string="Hours in Ready to ship", aggregator="avg")
    hours_shipped = fields.Float(string="Hours in Shipped", aggregator="avg")
    hours_delivered = fields.Float(string="Hours in Delivered", aggregator="avg")
    hours_collection = fields.Float(
        string="Hours in Awaiting payment", aggregator="avg"
    )

    @property
    def _table_query(self):
        return self._kpi_query()

    @api.model
    def _kpi_query(self):
        stage_hours = SQL(", ").join(
            SQL(
                "SUM(log.hours) FILTER (WHERE log.stage = %s) AS %s",
                stage,
                SQL.identifier(f"hours_{stage}"),
            )
            for stage in TIMED_STAGES
        )
        stage_columns = SQL(", ").join(
            SQL("h.%s", SQL.identifier(f"hours_{stage}")) for stage in TIMED_STAGES
        )
        return SQL(
            """
            SELECT so.id AS id,
                   so.id AS order_id,
                   so.date_order AS date_order,
                   so.delivered_on AS delivered_on,
                   so.workflow_stage AS workflow_stage,
                   so.team_id AS team_id,
                   so.user_id AS user_id,
                   so.order_clerk_id AS order_clerk_id,
                   so.partner_id AS partner_id,
                   customer.credit_class AS credit_class,
                   so.company_id AS company_id,
                   1 AS order_count,
                   (so.delivered_on IS NOT NULL)::int AS delivered_count,
                   (so.delivered_on IS NOT NULL AND so.on_time)::int AS on_time_count,
                   CASE WHEN so.delivered_on IS NOT NULL
                        THEN CASE WHEN so.on_time THEN 100.0 ELSE 0.0 END
                   END AS on_time_rate,
                   CASE WHEN so.first_pass_review THEN 100.0 ELSE 0.0 END
                       AS first_pass_rate,
                   h.approval_lead_hours AS approval_lead_hours,
                   COALESCE(cr.change_request_count, 0) AS change_request_count,
                   COALESCE(t.complaint_count, 0) AS complaint_count,
                   COALESCE(t.response_kept_count, 0) AS response_kept_count,
                   NULLIF(so.satisfaction_score, 0) AS satisfaction_score,
                   %(stage_columns)s
              FROM sale_order so
              LEFT JOIN res_partner contact ON contact.id = so.partner_id
              LEFT JOIN res_partner customer
                     ON customer.id = contact.commercial_partner_id
              LEFT JOIN (
                    SELECT log.order_id,
                           EXTRACT(EPOCH FROM (
                               MAX(log.left_on) FILTER (WHERE log.stage = 'approval')
                               - MIN(log.entered_on))) / 3600.0
                               AS approval_lead_hours,
                           %(stage_hours)s
                      FROM order_workflow_stage_log log
                     WHERE log.left_on IS NOT NULL
                     GROUP BY log.order_id
                   ) h ON h.order_id = so.id
              LEFT JOIN (
                    SELECT request.order_id, COUNT(*) AS change_request_count
                      FROM order_workflow_change_request request
                     WHERE request.state NOT IN ('draft', 'cancelled')
                     GROUP BY request.order_id
                   ) cr ON cr.order_id = so.id
              LEFT JOIN (
                    SELECT ticket.sale_order_id,
                           COUNT(*) AS complaint_count,
                           COUNT(*) FILTER (
                               WHERE ticket.first_response_on
                                     <= ticket.first_response_due
                           ) AS response_kept_count
                      FROM helpdesk_ticket ticket
                     WHERE ticket.is_complaint AND ticket.sale_order_id IS NOT NULL
                     GROUP BY ticket.sale_order_id
                   ) t ON t.sale_order_id = so.id
             WHERE so.use_order_workflow AND so.state = 'sale'
            """,
            stage_columns=stage_columns,
            stage_hours=stage_hours,
        )

    @api.readonly
    @api.model
    def stage_hours_statistics(self, domain=None, percentile=0.9):
        """The hours per stage over the report's rows matching ``domain``: for each
        stage an order left, ``{stage: {"orders", "mean", "percentile"}}``, the
        order's total time in the stage as in the report's columns; the percentile
        (0.9 by default) by ``percentile_cont``. Read-only: a replica may answer."""
        percentile = float(percentile)
        if not 0 <= percentile <= 1:
            percentile = 0.9
        query = self._search(domain or [])
        self.env.cr.execute(
            SQL(
                """
                SELECT per_order.stage,
                       COUNT(*),
                       AVG(per_order.hours),
                       percentile_cont(%(percentile)s)
                           WITHIN GROUP (ORDER BY per_order.hours)
                  FROM (SELECT log.order_id, log.stage, SUM(log.hours) AS hours
                          FROM order_workflow_stage_log log
                         WHERE log.left_on IS NOT NULL
                           AND log.order_id IN %(orders)s
                         GROUP BY log.order_id, log.stage) per_order
                 GROUP BY per_order.stage
                """,
                percentile=percentile,
                orders=query.subselect(),
            )
        )
        return {
            stage: {"orders": count, "mean": mean, "percentile": value}
            for stage, count, mean, value in self.env.cr.fetchall()
        }
