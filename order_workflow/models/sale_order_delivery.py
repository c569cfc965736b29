# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Delivery seen from the order (到货签收): shipped until every signed delivery receipt
is registered (stock_picking), then delivered, with the follow-up call due 3 working
days after the delivery, the picking's date done (售后回访)."""

from datetime import datetime, time, timedelta

from odoo import _, api, fields, models

DELIVERY_STATES = [
    ("none", "Not shipped"),
    ("shipped", "Shipped"),
    ("delivered", "Delivered"),
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    ow_delivery_state = fields.Selection(
        DELIVERY_STATES,
        string="Delivery",
        compute="_compute_ow_delivery_state",
        store=True,
    )
    delivered_on = fields.Datetime(readonly=True, copy=False)
    followup_done_on = fields.Datetime(readonly=True, copy=False)
    followup_feedback = fields.Text(readonly=True, copy=False)

    @api.depends("picking_ids.state", "picking_ids.receipt_state")
    def _compute_ow_delivery_state(self):
        for order in self:
            outgoing = order.picking_ids.filtered(
                lambda p: p.picking_type_code == "outgoing" and p.state != "cancel"
            )
            done = outgoing.filtered(lambda p: p.state == "done")
            if not done:
                order.ow_delivery_state = "none"
            elif outgoing - done or any(p.receipt_state == "awaiting" for p in done):
                order.ow_delivery_state = "shipped"
            else:
                order.ow_delivery_state = "delivered"

    # -- stage (sale_order.LIFECYCLE) ------------------------------------------------
    def _ow_waits_for_receipt(self):
        return self.ow_delivery_state == "shipped"

    def _ow_waits_for_followup(self):
        return not self.followup_done_on

    def _ow_arrive_delivered(self):
        """Arrival in Delivered: the follow-up call is due 3 working days after the
        delivery itself (the last outgoing picking done), not after its receipt was
        registered."""
        delivered = self.sudo().filtered(
            lambda o: o.use_order_workflow
            and o.ow_delivery_state == "delivered"
            and not o.delivered_on
        )
        for order in delivered:
            order.delivered_on = order._ow_delivery_done_date()
            order.activity_schedule(
                "order_workflow.activity_followup",
                date_deadline=order._ow_followup_date(order.delivered_on),
                user_id=order.user_id.id or self.env.uid,
            )
        return delivered

    def _ow_delivery_done_date(self):
        """When the goods were delivered: the latest outgoing picking done."""
        self.ensure_one()
        done = self.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
            and p.state == "done"
            and p.date_done
        )
        return max(done.mapped("date_done"), default=False) or fields.Datetime.now()

    def _ow_followup_date(self, when=None):
        """Three working days after ``when`` on the company's working calendar."""
        when = when or fields.Datetime.now()
        calendar = self.company_id.resource_calendar_id
        start = datetime.combine(when.date() + timedelta(days=1), time.min)
        due = calendar.plan_days(3, start) if calendar else None
        return due.date() if due else when.date() + timedelta(days=3)

    def _ow_close_after_followup(self, feedback):
        for order in self.sudo():
            order.write(
                {
                    "followup_done_on": fields.Datetime.now(),
                    "followup_feedback": feedback,
                }
            )
            order._ow_note(
                _(
                    "Follow-up done. Feedback: %(feedback)s",
                    feedback=feedback,
                )
            )

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "delivered_on",
            "followup_done_on",
            "followup_feedback",
        ]
