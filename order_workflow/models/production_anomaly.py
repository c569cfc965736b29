# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A production anomaly (生产异常): reported at once to the people who answer the
customer, with the expected impact and the plan proposed to the customer."""

from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .guard import Rule, workflow_action

NOTIFIED_GROUPS = (
    "order_workflow.group_service_supervisor",
    "order_workflow.group_sales_director",
)
DATE_GROUPS = (
    "order_workflow.group_order_clerk",
    "order_workflow.group_service_supervisor",
)


class ProductionAnomaly(models.Model):
    _name = "order_workflow.production.anomaly"
    _description = "Production anomaly"
    _inherit = ["mail.thread", "order_workflow.guarded"]
    # the MO and order it is about are given when it is reported, then fixed
    _ow_guarded_fields = {
        "production_id": Rule(on_create=False),
        "order_id": Rule(on_create=False),
    }
    _order = "create_date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    production_id = fields.Many2one(
        "mrp.production", string="Manufacturing order", index=True, tracking=True
    )
    order_id = fields.Many2one(
        "sale.order",
        string="Order",
        required=True,
        index=True,
        compute="_compute_order_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    anomaly_type = fields.Selection(
        [
            ("material", "Material shortage"),
            ("equipment", "Equipment"),
            ("quality", "Quality"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        tracking=True,
    )
    description = fields.Text(required=True)
    impact_days = fields.Integer(
        string="Expected impact (days)",
        tracking=True,
        help="Days the finished goods are expected to be late.",
    )
    response_plan = fields.Text(
        string="Plan for the customer",
        help="What is proposed to the customer: new date, partial delivery, "
        "alternative…",
    )
    reported_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    state = fields.Selection(
        [
            ("open", "Open"),
            ("date_accepted", "New date accepted"),
            ("closed", "Closed"),
        ],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    promised_date = fields.Date(related="order_id.promised_date")
    proposed_date = fields.Date(
        compute="_compute_proposed_date",
        help="The promised date moved by the expected impact.",
    )

    _sql_constraints = [
        (
            "impact_not_negative",
            "CHECK(impact_days >= 0)",
            "The expected impact is a number of days late: zero or more.",
        )
    ]

    @api.depends("order_id.name", "anomaly_type")
    def _compute_name(self):
        labels = dict(self._fields["anomaly_type"]._description_selection(self.env))
        for anomaly in self:
            label = labels.get(anomaly.anomaly_type, "")
            anomaly.name = f"{anomaly.order_id.name or ''} - {label}"

    @api.depends("production_id")
    def _compute_order_id(self):
        for anomaly in self:
            if anomaly.production_id.sale_id:
                anomaly.order_id = anomaly.production_id.sale_id

    @api.depends("promised_date", "impact_days")
    def _compute_proposed_date(self):
        for anomaly in self:
            anomaly.proposed_date = (
                anomaly.promised_date + timedelta(days=anomaly.impact_days)
                if anomaly.promised_date
                else False
            )

    @api.model_create_multi
    def create(self, vals_list):
        anomalies = super().create(vals_list)
        anomalies._notify_at_once()
        return anomalies

    def _ow_people_to_notify(self):
        """Salesperson, the order's clerk, service supervisor and sales director (the
        sales manager gets a note: ``_notify_at_once``)."""
        self.ensure_one()
        order = self.order_id.sudo()
        users = order.user_id | order._ow_clerk(order.create_uid)
        for group in NOTIFIED_GROUPS:
            users |= self._ow_role_holders(group)
        return users.filtered(lambda u: u.active and not u.share)

    def _notify_at_once(self):
        activity_type = self.env.ref("order_workflow.activity_anomaly")
        labels = dict(self._fields["anomaly_type"]._description_selection(self.env))
        values = []
        for anomaly in self:
            note = _(
                "%(type)s on %(mo)s: %(description)s Expected impact: %(days)s days. "
                "Plan for the customer: %(plan)s",
                type=labels[anomaly.anomaly_type],
                mo=anomaly.production_id.name or anomaly.order_id.name,
                description=anomaly.description,
                days=anomaly.impact_days,
                plan=anomaly.response_plan or _("to be decided"),
            )
            values += [
                anomaly.order_id._ow_activity_values(
                    activity_type,
                    user,
                    summary=_("Production anomaly: inform the customer"),
                    note=note,
                )
                for user in anomaly._ow_people_to_notify()
            ]
            anomaly.order_id.sudo()._ow_note(
                _("Production anomaly reported: %(note)s", note=note)
            )
            anomaly.order_id._ow_tell_sales_managers(
                _("Production anomaly"),
                _(
                    "Production anomaly, to agree with the customer now: %(note)s",
                    note=note,
                ),
            )
        self.env["mail.activity"].sudo().create(values)

    @workflow_action
    def action_accept_new_date(self, reason=False):
        """The customer accepted the new date: the promised date moves by the impact."""
        if not (self.env.su or any(self.env.user.has_group(g) for g in DATE_GROUPS)):
            raise AccessError(
                _("Only an order clerk or the service supervisor can change the date.")
            )
        for anomaly in self:
            if anomaly.state != "open":
                raise UserError(_("This anomaly is no longer open."))
            if not anomaly.order_id.use_order_workflow or anomaly.order_id.sudo()[
                "workflow_stage"
            ] not in ("production", "quality"):
                raise UserError(
                    _(
                        "%(order)s is no longer in production: its promised date "
                        "stays.",
                        order=anomaly.order_id.display_name,
                    )
                )
            if not anomaly.impact_days:
                raise UserError(
                    _("This anomaly has no impact in days: the date stays.")
                )
            order = anomaly.order_id
            old = order.promised_date
            new = anomaly.proposed_date
            order.sudo().write(
                {
                    "promised_date": new,
                    # production itself moves its date: the MOs follow
                    "production_committed_date": new,
                    "commitment_date": fields.Datetime.to_datetime(new),
                }
            )
            suffix = f": {reason}" if reason else ""  # not inside _(): babel
            order._ow_note(
                _(
                    "Promised date moved from %(old)s to %(new)s after a production "
                    "anomaly (%(name)s)%(reason)s.",
                    old=old,
                    new=new,
                    name=anomaly.name,
                    reason=suffix,
                )
            )
            anomaly.state = "date_accepted"
        return True

    @workflow_action
    def action_close(self):
        """Whoever follows the anomaly closes it: production, the clerk or service."""
        self.env["sale.order"]._ow_check_group(
            ["order_workflow.group_production_supervisor", *DATE_GROUPS],
            _("close a production anomaly"),
        )
        self.write({"state": "closed"})
        return True

    def _ow_stage_orders(self):
        return self.order_id
