# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Is the requested date reasonable (交货时间是否合理)? A requested date earlier than
today + lead days is a warning of the preliminary review, not a refusal: the order
clerk confirms the date with production, ticks the confirmation, and the review pass
records it. Without the confirmation the pass says what to do."""

from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import workflow_action


class SaleOrder(models.Model):
    _inherit = "sale.order"

    requested_date_too_early = fields.Boolean(
        string="Requested date too early",
        compute="_compute_requested_date_too_early",
        help="The requested date is earlier than today + lead days: confirm it with "
        "production before the review passes.",
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
        if {"requested_date", "lead_days"} & set(
            vals
        ) and "requested_date_confirmed" not in vals:
            confirmed = self.filtered("requested_date_confirmed")
            res = super().write(vals)
            confirmed.filtered(
                lambda o: o.requested_date_too_early and o._ow_quotation()
            ).write({"requested_date_confirmed": False})
            return res
        return super().write(vals)

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["requested_date_confirmed"]

    @workflow_action
    def action_review_pass(self):
        self._ow_review_prepare(_("pass the preliminary review"))
        early = self.filtered(
            lambda o: o.requested_date_too_early and not o.requested_date_confirmed
        )
        if early:
            raise UserError(
                _(
                    "The requested date of %(order)s (%(requested)s) is earlier than "
                    "today + %(days)s lead days (%(earliest)s). Confirm the date with "
                    "production, tick 'Requested date confirmed with production', then "
                    "pass the review.",
                    order=early[0].name,
                    requested=fields.Date.to_string(early[0].requested_date),
                    days=early[0].lead_days,
                    earliest=fields.Date.to_string(early[0]._ow_earliest_date()),
                )
            )
        confirmed = self.filtered("requested_date_too_early")
        res = super().action_review_pass()
        for order in confirmed:
            order._ow_note(
                _(
                    "Requested date %(requested)s, earlier than today + %(days)s lead "
                    "days: confirmed with production by %(user)s.",
                    requested=fields.Date.to_string(order.requested_date),
                    days=order.lead_days,
                    user=self.env.user.name,
                )
            )
        return res
