# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Monthly Order Review (monthly_review.py): the late orders of the month and their
causes, and the monthly cron that generates last month's review and asks the sales
directors to hold the review meeting.

A late order is a workflow order delivered in the month (``delivered_on``) that was not
on time (``on_time``). Its causes, read for all late orders at once: production
anomalies, change requests, materials late (``material_risk_days``), and the hours it
waited for the deposit or the payment (the stage log's *Deposit* and *Payment hold*).
"""

from odoo import api, models

from .guard import SUBSCRIBED, internal
from .monthly_review import CHANGES_ASKED, DIRECTOR

WAIT_STAGES = {"deposit": "deposit_hours", "payment_hold": "payment_hours"}


def _days_after(moment, limit):
    """Whole days ``moment`` (a date or datetime) came after the date ``limit``."""
    if not (moment and limit):
        return 0
    day = moment.date() if hasattr(moment, "date") else moment
    return max((day - limit).days, 0)


class MonthlyReview(models.Model):
    _inherit = "order_workflow.monthly.review"

    def _ow_late_lines(self):
        self.ensure_one()
        orders = self._ow_orders().search(
            self._ow_order_domain("delivered_on") + [("on_time", "=", False)],
            order="delivered_on, id",
        )
        if not orders:
            return []
        orders.fetch(
            [
                "partner_id",
                "promised_date",
                "planned_ship_date",
                "finished_on",
                "shipped_on",
                "delivered_on",
                "material_risk_days",
            ]
        )
        env = self.env
        anomalies = {
            order.id: (count, days or 0)
            for order, count, days in env["order_workflow.production.anomaly"]
            .sudo()
            ._read_group(
                [("order_id", "in", orders.ids)],
                ["order_id"],
                ["__count", "impact_days:sum"],
            )
        }
        changes = {
            order.id: count
            for order, count in env["order_workflow.change.request"]
            .sudo()
            ._read_group(
                [("order_id", "in", orders.ids)] + CHANGES_ASKED,
                ["order_id"],
                ["__count"],
            )
        }
        waits = {
            (order.id, stage): hours or 0.0
            for order, stage, hours in env["order_workflow.stage.log"]
            .sudo()
            ._read_group(
                [("order_id", "in", orders.ids), ("stage", "in", list(WAIT_STAGES))],
                ["order_id", "stage"],
                ["hours:sum"],
            )
        }
        lines = []
        for order in orders:
            finished = order.finished_on or order.delivered_on
            count, days = anomalies.get(order.id, (0, 0))
            line = {
                "order_id": order.id,
                "partner_id": order.partner_id.id,
                "promised_date": order.promised_date,
                "planned_ship_date": order.planned_ship_date,
                "finished_on": order.finished_on,
                "shipped_on": order.shipped_on,
                "delivered_on": order.delivered_on,
                "days_late": max(
                    _days_after(finished, order.promised_date),
                    _days_after(order.shipped_on, order.planned_ship_date),
                ),
                "anomaly_count": count,
                "anomaly_days": days,
                "change_request_count": changes.get(order.id, 0),
                "material_risk_days": max(order.material_risk_days, 0),
            }
            for stage, field in WAIT_STAGES.items():
                line[field] = waits.get((order.id, stage), 0.0)
            lines.append(line)
        return lines

    # -- the monthly cron --------------------------------------------------------------
    @api.model
    def _cron_generate_last_month(self):
        """On the 1st: last month's review of each company, generated, and an activity
        for its sales directors to hold the review meeting (once per review)."""
        month = self._ow_last_month()
        companies = self.env["res.company"].sudo().search([])
        Review = self.sudo()
        reviews = Review.search(
            [("month", "=", month), ("company_id", "in", companies.ids)]
        )
        missing = companies - reviews.company_id
        reviews |= Review.create(
            [{"month": month, "company_id": company.id} for company in missing]
        )
        reviews.action_generate()
        reviews._ow_schedule_meeting()
        return True

    def _ow_schedule_meeting(self):
        """One activity per sales director of the review's company, all created in one
        batch (each director subscribed once); none where one is already open."""
        activity_type = self.env.ref("order_workflow.activity_monthly_review")
        directors = (
            self.env.ref(DIRECTOR)
            .sudo()
            .users.filtered(lambda u: u.active and not u.share)
        )
        planned = {
            (activity.res_id, activity.user_id.id)
            for activity in self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        deadline = activity_type._get_date_deadline()
        values = []
        reviews_of = {}
        for review in self.sudo():
            people = directors.filtered(
                lambda u, r=review: r.company_id in u.company_ids
            )
            # the administrator holds every role: only when nobody else does
            people = people.filtered(lambda u: not u._is_system()) or people
            for user in people:
                if (review.id, user.id) in planned:
                    continue
                vals = review._ow_activity_values(activity_type, user)
                vals["date_deadline"] = deadline
                values.append(vals)
                reviews_of.setdefault(user, self.browse())
                reviews_of[user] |= review
        for user, reviews in reviews_of.items():
            reviews.sudo().message_subscribe(partner_ids=user.partner_id.ids)
        with internal(SUBSCRIBED):
            return self.env["mail.activity"].sudo().create(values)

    def action_print(self):
        return self.env.ref(
            "order_workflow.action_report_monthly_review"
        ).report_action(self)
