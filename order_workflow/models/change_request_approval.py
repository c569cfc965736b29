# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cancellations and rushes are approved on OCA tier validation before the customer
confirms: a cancellation by the sales manager (and the director above the director
threshold), a rush by the director (data/change_request_tier_data.xml).
``action_approve``/``action_reject`` check the caller and return True, as on orders."""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .guard import ACTION, internal, workflow_action
from .tier_review import next_reviews


class ChangeRequest(models.Model):
    _name = "order_workflow.change.request"
    _inherit = ["order_workflow.change.request", "tier.validation"]
    _state_field = "state"
    _state_from = ["approval"]
    _state_to = ["customer_confirmation"]
    _cancel_state = "cancelled"
    _tier_validation_manual_config = True

    needs_director = fields.Boolean(
        compute="_compute_needs_director",
        store=True,
        help="A rush, or a cancellation of an order above the director threshold.",
    )

    @api.depends("change_type", "order_id.ow_amount_company")
    def _compute_needs_director(self):
        for request in self:
            company = request.order_id.company_id or self.env.company
            request.needs_director = request.change_type == "rush" or (
                request.change_type == "cancel"
                and request.order_id.ow_amount_company
                > company.order_workflow_director_threshold
            )

    def _tier_validation_check_write_allowed(self, vals):
        # the guard protects every field the workflow sets (guard.py)
        return

    def _ow_request_tiers(self):
        with internal(ACTION):
            self.sudo().request_validation()
        self._ow_notify_next_reviewers()

    def _ow_next_review(self):
        return next_reviews(self)

    def _ow_notify_next_reviewers(self):
        for request in self:
            review = request._ow_next_review()
            users = review.reviewer_ids.filtered(lambda u: not u.share)
            request._ow_schedule(
                "order_workflow.activity_change_request",
                users,
                _("Approve %(level)s: %(name)s", level=review.name, name=request.name),
                request.reason,
            )

    def _ow_my_reviews(self):
        self.ensure_one()
        if self.state != "approval":
            raise UserError(
                _("%(name)s is not waiting for an approval.", name=self.name)
            )
        reviews = self._ow_next_review().filtered(
            lambda r: self.env.user in r.reviewer_ids
        )
        if not reviews:
            raise AccessError(
                _("No approval of %(name)s is waiting for you.", name=self.name)
            )
        return reviews

    @workflow_action
    def action_approve(self):
        """Approve the caller's pending tier; the last one sends the request to the
        customer's confirmation."""
        for request in self:
            reviews = request._ow_my_reviews()
            with internal(ACTION):
                request.sudo()._validate_tier(reviews)
            request._ow_note(
                _(
                    "%(level)s approved by %(user)s.",
                    level=", ".join(reviews.mapped("name")),
                    user=self.env.user.name,
                )
            )
            if request.sudo().validation_status == "validated":
                request._ow_to_customer()
            else:
                request._ow_notify_next_reviewers()
        return True

    @workflow_action
    def action_reject(self, reason):
        reason = self._ow_text(reason)
        if not reason:
            raise UserError(_("Give the reason for rejecting the change."))
        for request in self:
            reviews = request._ow_my_reviews()
            with internal(ACTION):
                reviews.sudo().write({"comment": reason})
                request.sudo()._rejected_tier(reviews)
            request.write({"state": "refused", "refuse_reason": reason})
            request._ow_end(
                _(
                    "%(level)s rejected by %(user)s: %(reason)s",
                    level=", ".join(reviews.mapped("name")),
                    user=self.env.user.name,
                    reason=reason,
                )
            )
        return True

    # OCA's own buttons go through the same checks
    def validate_tier(self):
        return self.action_approve()

    def reject_tier(self):
        self._ow_my_reviews()
        return self.env["order_workflow.reason.wizard"]._open(
            self, "action_reject", _("Reject change request")
        )


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        return [*super()._get_tier_validation_model_names(), ChangeRequest._name]
