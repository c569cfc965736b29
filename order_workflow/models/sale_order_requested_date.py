# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Is the requested date reasonable (交货时间是否合理)? A requested date earlier than
today + lead days is a warning of the preliminary review, not a refusal: the review
passes, and the order clerk gets an activity to confirm the date with production;
ticking the confirmation (before or after the pass) records it and closes the
activity."""

from datetime import timedelta

from odoo import _, api, fields, models

from .guard import workflow_action


class SaleOrder(models.Model):
    _inherit = "sale.order"

    requested_date_too_early = fields.Boolean(
        string="Requested date too early",
        compute="_compute_requested_date_too_early",
        help="The requested date is earlier than today + lead days: confirm it with "
        "production (a warning: the review can pass).",
    )
    requested_date_confirmed = fields.Boolean(
        string="Requested date confirmed with production",
        copy=False,
        tracking=True,
        help="The order clerk confirmed with production that the requested date, "
        "earlier than today + lead days, can be met.",
    )

    @api.depends("requested_date", "lead_days")
    @api.depends_context("tz")
    def _compute_requested_date_too_early(self):
        for order in self:
            order.requested_date_too_early = bool(
                order.use_order_workflow
                and order.requested_date
                and order.requested_date < order._ow_earliest_date()
            )

    def _ow_earliest_date(self):
        self.ensure_one()
        return fields.Date.context_today(self) + timedelta(days=self.lead_days)

    def write(self, vals):
        # a new requested date or lead time needs a new confirmation
        reset = bool(
            {"requested_date", "lead_days"} & set(vals)
            and "requested_date_confirmed" not in vals
        )
        confirmed = self.filtered("requested_date_confirmed") if reset else self[:0]
        res = super().write(vals)
        unconfirm = confirmed.filtered(
            lambda o: o.requested_date_too_early and o._ow_quotation()
        )
        if unconfirm:
            unconfirm.write({"requested_date_confirmed": False})
        if vals.get("requested_date_confirmed"):
            self._ow_requested_date_activities().action_feedback(
                feedback=_("Confirmed with production.")
            )
        return res

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["requested_date_confirmed"]

    @workflow_action
    def action_review_pass(self):
        """The review passes; a requested date too early is flagged: recorded, with
        an activity for the clerk to confirm it with production (a warning, not a
        block)."""
        early = self.filtered("requested_date_too_early")
        res = super().action_review_pass()
        for order in early:
            values = {
                "requested": fields.Date.to_string(order.requested_date),
                "days": order.lead_days,
                "earliest": fields.Date.to_string(order._ow_earliest_date()),
            }
            if order.requested_date_confirmed:
                order._ow_note(
                    _(
                        "Requested date %(requested)s, earlier than today + %(days)s "
                        "lead days: confirmed with production by %(user)s.",
                        user=self.env.user.name,
                        **values,
                    )
                )
                continue
            note = _(
                "Requested date %(requested)s is earlier than today + %(days)s lead "
                "days (%(earliest)s): confirm it with production, then tick "
                "'Requested date confirmed with production'.",
                **values,
            )
            order._ow_note(note)
            order.activity_schedule(
                "order_workflow.activity_requested_date",
                note=note,
                user_id=order._ow_requested_date_checker().id,
            )
        return res

    def _ow_requested_date_checker(self):
        """Who confirms the requested date with production: the order's clerk."""
        self.ensure_one()
        return self.env.user

    def _ow_requested_date_activities(self):
        kind = self.env.ref("order_workflow.activity_requested_date")
        return self.activity_ids.filtered(lambda a: a.activity_type_id == kind)
