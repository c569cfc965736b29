# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A month with known orders for the Monthly Order Review's tests (issue 21): orders
whose dates are set (their KPI fields written as the workflow would have stored them),
stage log rows, complaints and satisfaction results of the month."""

from datetime import date, datetime

from .common import OrderWorkflowCase

MONTH = date(2025, 6, 1)


def at(day, hour=10, month=6, year=2025):
    return datetime(year, month, day, hour, 0)


class MonthlyReviewCase(OrderWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Review = cls.env["order_workflow.monthly.review"]
        cls.manager = cls.users["group_sales_manager"]
        cls.director = cls.users["group_sales_director"]
        cls.Log = cls.env["order_workflow.stage.log"].sudo()

    @classmethod
    def _known_order(
        cls, ordered, promised, finished, delivered, on_time, review="pending", **flags
    ):
        """A workflow order of the month, its dates and KPI fields set (sudo: as the
        workflow stores them)."""
        order = cls._create_order()
        # confirmed (the gates are not the subject: set as stored)
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE sale_order SET state = 'sale' WHERE id = %s", [order.id]
        )
        order.invalidate_recordset(["state"])
        order.sudo().write(
            {
                "date_order": ordered,
                "promised_date": promised,
                "finished_on": finished,
                "shipped_on": delivered,
                "delivered_on": delivered,
                "review_state": review,
            }
        )
        # after the dates: the stored flags as given
        order.env.flush_all()
        order.sudo().write({"on_time": on_time, **flags})
        order.env.flush_all()
        return order

    @classmethod
    def _log(cls, order, stage, entered, left):
        cls.env.flush_all()
        log = cls.Log.create(
            {
                "order_id": order.id,
                "stage": stage,
                "entered_on": entered,
                "left_on": left,
            }
        )
        cls.env.flush_all()
        return log

    @classmethod
    def _setup_month(cls):
        """June 2025: two orders delivered in the month, one late (2 days after its
        promised date, with an anomaly, a change request and deposit and payment
        waits), one early; one order delivered in July; an order of May delivered in
        June. Returns (late, early, july, may)."""
        late = cls._known_order(
            at(2),
            date(2025, 6, 10),
            at(12),
            at(14),
            False,
            review="passed",
            material_risk_days=1,
            first_pass_review=False,
        )
        early = cls._known_order(
            at(3),
            date(2025, 6, 20),
            at(18),
            at(19),
            True,
            review="passed",
            first_pass_review=True,
        )
        july = cls._known_order(
            at(4), date(2025, 6, 25), at(5, month=7), at(8, month=7), False
        )
        may = cls._known_order(
            at(20, month=5), date(2025, 6, 1), at(31, month=5), at(1), True
        )
        # the stage log: hours left in June
        cls._log(late, "approval", at(2, 10), at(2, 20))  # 10 h
        cls._log(early, "approval", at(3, 10), at(3, 15))  # 5 h ...
        cls._log(early, "approval", at(4, 10), at(5, 0))  # ... + 14 h = 19 h
        cls._log(late, "deposit", at(3, 0), at(5, 0))  # 48 h
        cls._log(early, "deposit", at(4, 0), at(5, 0))  # 24 h
        cls._log(late, "payment_hold", at(12, 12), at(13, 6))  # 18 h
        cls._log(july, "production", at(20, 0), at(1, 0, month=7))  # left in July
        cls._log(july, "deposit", at(5, 0), at(6, 0))  # 24 h
        # causes of the late order
        cls.env["order_workflow.production.anomaly"].sudo().create(
            {
                "order_id": late.id,
                "anomaly_type": "equipment",
                "description": "Press down",
                "impact_days": 3,
            }
        )
        cls.env["order_workflow.change.request"].sudo().create(
            [
                {
                    "order_id": late.id,
                    "change_type": "quantity",
                    "reason": "Two more",
                    "state": "applied",
                },
                {
                    "order_id": late.id,
                    "change_type": "date",
                    "reason": "Never sent",
                    "state": "draft",
                },
            ]
        )
        cls._complaints(late)
        cls._satisfaction()
        late.sudo().write({"followup_done_on": at(20), "satisfaction_score": 3.0})
        early.sudo().write({"followup_done_on": at(22), "satisfaction_score": 5.0})
        return late, early, july, may

    @classmethod
    def _complaints(cls, order):
        complaint = cls.env.ref("order_workflow.ticket_type_complaint")
        tickets = (
            cls.env["helpdesk.ticket"]
            .sudo()
            .create(
                [
                    {
                        "name": f"Complaint {category}",
                        "description": "Complaint of the month",
                        "type_id": complaint.id,
                        "complaint_category": category,
                        "partner_id": order.partner_id.id,
                        "sale_order_id": order.id,
                    }
                    for category in ("quality", "quality", "delivery")
                ]
            )
        )
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = %s WHERE id IN %s",
            [at(21), tuple(tickets.ids)],
        )
        tickets.invalidate_recordset()
        # in time, late, not answered
        tickets[0].write({"first_response_due": at(22), "first_response_on": at(21)})
        tickets[1].write({"first_response_due": at(22), "first_response_on": at(23)})
        tickets[2].write({"first_response_due": at(22)})
        return tickets

    @classmethod
    def _satisfaction(cls):
        campaign = (
            cls.env["order_workflow.satisfaction.survey"]
            .sudo()
            .create({"name": "June survey"})
        )
        others = cls.env["res.partner"].create(
            [{"name": f"Surveyed {i}", "is_company": True} for i in range(3)]
        )
        cls.env["order_workflow.satisfaction.result"].sudo().create(
            [
                {
                    "campaign_id": campaign.id,
                    "company_id": cls.env.company.id,
                    "partner_id": partner.id,
                    "source": "manual",
                    "total": total,
                    "target_score": 80,
                    "date": day,
                }
                for partner, total, day in zip(
                    others,
                    (85.0, 95.0, 10.0),
                    (date(2025, 6, 5), date(2025, 6, 30), date(2025, 7, 1)),
                    strict=True,
                )
            ]
        )
