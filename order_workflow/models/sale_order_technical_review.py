# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The order's side of the technical review (技术评审)."""

from odoo import api, fields, models

TECHNICAL_REVIEW_STATES = [
    ("not_needed", "Not needed"),
    ("pending", "Pending"),
    ("feasible", "Feasible"),
    ("not_feasible", "Not feasible"),
]
REVIEW_TO_ORDER_STATE = {
    "open": "pending",
    "superseded": "pending",
    "not_feasible": "not_feasible",
    "declined": "not_feasible",
    "feasible": "feasible",
}


class SaleOrder(models.Model):
    _inherit = "sale.order"

    technical_review_ids = fields.One2many(
        "order_workflow.technical.review", "order_id", string="Technical reviews"
    )
    technical_review_count = fields.Integer(compute="_compute_technical_review_count")
    technical_review_state = fields.Selection(
        TECHNICAL_REVIEW_STATES,
        string="Technical review",
        compute="_compute_technical_review_state",
        store=True,
        index=True,
    )

    technical_lead_days = fields.Integer(
        string="Lead days from the technical review",
        readonly=True,
        copy=False,
        help="The days the signed-off technical review adds to the lead days (its "
        "latest round replaces an earlier one).",
    )

    @api.depends("technical_review_ids")
    def _compute_technical_review_count(self):
        for order in self:
            order.technical_review_count = len(order.sudo().technical_review_ids)

    @api.depends(
        "use_order_workflow",
        "order_line.is_nonstandard",
        "technical_review_ids.state",
        "technical_review_ids.round",
        "technical_review_ids.line_ids",
    )
    def _compute_technical_review_state(self):
        for order in self:
            if not order.use_order_workflow:
                order.technical_review_state = False
            elif not any(order.order_line.mapped("is_nonstandard")):
                order.technical_review_state = "not_needed"
            else:
                latest = order.sudo().technical_review_ids.sorted("round")[-1:]
                unreviewed = (
                    order.order_line.filtered("is_nonstandard") - latest.line_ids
                )
                order.technical_review_state = (
                    REVIEW_TO_ORDER_STATE[latest.state]
                    if latest and not unreviewed
                    else "pending"
                )

    def _ow_waits_for_technical_review(self):
        return self._ow_quotation() and self.technical_review_state in (
            "pending",
            "not_feasible",
        )

    def _ow_stages_waiting_for(self, user):
        stages = super()._ow_stages_waiting_for(user)
        if user.has_group("order_workflow.group_technical_reviewer") or user.has_group(
            "order_workflow.group_purchase_reviewer"
        ):
            stages.add("technical_review")
        return stages

    def _ow_after_review_passed(self):
        super()._ow_after_review_passed()
        self._ow_open_technical_rounds()

    def _ow_open_technical_rounds(self):
        """A new round for reviewed quotations whose non-standard lines are not the
        ones the latest round reviews (a line marked non-standard after the review,
        or one the technical reviewer took out)."""
        orders = self.filtered(
            lambda o: o.use_order_workflow
            and o.review_state == "passed"
            and o._ow_quotation()
        )
        to_open = orders.filtered(lambda o: o._ow_needs_new_technical_round())
        if to_open:
            self.env["order_workflow.technical.review"]._open_for(to_open)
        return orders

    def _ow_needs_new_technical_round(self):
        self.ensure_one()
        lines = self.order_line.filtered("is_nonstandard")
        if not lines:
            return False
        latest = self.technical_review_ids.sorted("round")[-1:]
        return not (
            latest
            and latest.state in ("open", "feasible", "not_feasible")
            and latest.line_ids == lines
        )

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["technical_lead_days"]

    def _ow_apply_technical_lead_days(self, effect):
        """The signed-off review's effect on the lead time replaces the previous
        round's: the lead days move by the difference."""
        self.ensure_one()
        delta = effect - self.technical_lead_days
        if not delta:
            return
        self.sudo().write(
            {
                "technical_lead_days": effect,
                "lead_days": self.lead_days + delta,
            }
        )
        self._ow_note(
            self.env._(
                "Lead days %(old)s → %(new)s: the technical review adds %(effect)s "
                "days.",
                old=self.lead_days - delta,
                new=self.lead_days,
                effect=effect,
            )
        )

    def action_view_technical_reviews(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "order_workflow.action_technical_review"
        )
        reviews = self.technical_review_ids
        if len(reviews) == 1:
            action.update(view_mode="form", res_id=reviews.id, views=[(False, "form")])
        else:
            action["domain"] = [("order_id", "in", self.ids)]
        action["context"] = {}
        return action
