# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Approvals by amount (审批), on OCA tier validation, decided from the chatter.

OCA's ``validate_tier()``/``reject_tier()`` fail open (they return None and do nothing
for a user with nothing to approve) and return a wizard when a tier wants a comment;
``action_approve()``/``action_reject()`` wrap them: they check the caller, do the
transition and return True, for any caller (UI, RPC, the e-mail confirmation page).
"""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .guard import (
    ACTION,
    NO_RESTART,
    internal,
    is_internal,
    workflow_action,
)
from .sale_order_change_guard import CHANGE_SCOPE
from .tier_review import next_reviews

APPROVER_GROUPS = (
    "order_workflow.group_sales_manager",
    "order_workflow.group_sales_director",
    "order_workflow.group_general_manager",
)
# Changing these after the approval was requested restarts it.
RESTART_FIELDS = (
    "order_line",
    "payment_term_id",
    "pricelist_id",
    "currency_id",
    "partner_id",
    "lc_required",
)
# Fields the later gates (and the workflow itself) write on an order under validation.
UNDER_VALIDATION_FIELDS = [
    "workflow_stage",
    "review_state",
    "review_decided_by_id",
    "review_decided_on",
    "review_note",
    "info_due_at",
    "price_review_state",
    "price_decided_by_id",
    "price_decided_on",
    "price_reject_reason",
    "price_deviation_found",
    "technical_review_state",
    "requested_date",
    "commitment_date",
    "note",
    "client_order_ref",
    "order_channel",
    "order_source",
    "signature",
    "signed_by",
    "signed_on",
    "state",
    "message_main_attachment_id",
    "ow_approval_rejected_reason",
    "confirmation_state",
    "confirmation_sent_on",
    "confirmation_returned_on",
    "confirmation_verified_on",
    "confirmation_verified_by_id",
    "confirmation_problem",
    "confirmation_scan_ids",
    "require_signature",
    "lead_days",
    "promised_date",
    "clock_start_date",
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    ow_approval_rejected_reason = fields.Text(
        string="Approval rejected because", readonly=True, copy=False
    )

    # -- stage (sale_order.LIFECYCLE) ------------------------------------------------
    def _ow_approved(self):
        reviews = self.sudo().review_ids
        return bool(reviews) and all(r.status == "approved" for r in reviews)

    def _ow_waits_for_approval(self):
        return self._ow_quotation() and not self._ow_approved()

    def _ow_next_reviews(self):
        """The pending reviews whose turn it is (one per order with sequences)."""
        return next_reviews(self)

    # -- deciding --------------------------------------------------------------------
    def _ow_is_own_order(self, user):
        return user in (self.create_uid | self.user_id)

    def _ow_may_approve_own(self, user):
        return (
            user.has_group("order_workflow.group_general_manager")
            and (self.company_id or self.env.company).order_workflow_gm_self_approve
        )

    def _ow_my_reviews(self):
        """The caller's reviews that are due now; AccessError when there are none."""
        self.ensure_one()
        user = self.env.user
        if self._ow_is_own_order(user) and not self._ow_may_approve_own(user):
            raise AccessError(
                _(
                    "You can't approve or reject %(order)s: you created it or are its "
                    "salesperson.",
                    order=self.name,
                )
            )
        reviews = self._ow_next_reviews().filtered(lambda r: user in r.reviewer_ids)
        if not reviews:
            raise AccessError(
                _("No approval of %(order)s is waiting for you.", order=self.name)
            )
        return reviews

    def _ow_approval_prepare(self):
        self._ow_check_workflow()
        self._ow_check_stage(("approval",), _("approve or reject the order"))

    @workflow_action
    def action_approve(self):
        """Approve the caller's pending tier (sales manager, director or GM)."""
        self._ow_approval_prepare()
        for order in self:
            reviews = order._ow_my_reviews()
            with internal(ACTION):
                order._validate_tier(reviews)
            order.activity_feedback(
                ["order_workflow.activity_approval"],
                user_id=self.env.uid,
                feedback=_("Approved"),
            )
            order.message_post(
                body=_(
                    "%(level)s approved by %(user)s.",
                    level=", ".join(reviews.mapped("name")),
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
            order._ow_notify_next_approver()
        return True

    @workflow_action
    def action_reject(self, reason):
        """Reject at the caller's tier: the order waits, with the reason, for a
        change."""
        self._ow_approval_prepare()
        if not self._ow_text(reason):
            raise UserError(_("Give the reason for rejecting the order."))
        for order in self:
            reviews = order._ow_my_reviews()
            with internal(ACTION):
                reviews.sudo().write({"comment": reason})
                order._rejected_tier(reviews)
            order.sudo().activity_unlink(["order_workflow.activity_approval"])
            order.ow_approval_rejected_reason = reason
            order.sudo().activity_schedule(
                "order_workflow.activity_approval_rejected",
                user_id=order._ow_clerk(order.create_uid or order.user_id).id,
                summary=_("Approval rejected: change the order and request again"),
                note=reason,
            )
            order.message_post(
                body=_(
                    "%(level)s rejected by %(user)s: %(reason)s",
                    level=", ".join(reviews.mapped("name")),
                    user=self.env.user.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    @workflow_action
    def action_request_approval(self):
        """Request the approval again after a rejection (order clerk)."""
        self._ow_check_group(
            ["order_workflow.group_order_clerk"], _("request approval")
        )
        self._ow_approval_prepare()
        self._ow_restart_approval(_("approval requested again"))
        return True

    def _ow_restart_approval(self, reason):
        """Drop the order's reviews (the reason logged): back in Approval, they are
        requested again when the order follows its stage (``_ow_follow_stage``), once
        the change that restarted them is written. Returns the restarted orders."""
        # a confirmed order is not approved again here (changes after confirmation
        # are their own process); nor do its down-payment lines change anything
        orders = self.filtered(
            lambda o: o.use_order_workflow
            and o.state in ("draft", "sent")
            and o.sudo().review_ids
        )
        for order in orders:
            with internal(ACTION):
                order.sudo().restart_validation()
                order.ow_approval_rejected_reason = False
            order.sudo().activity_unlink(
                [
                    "order_workflow.activity_approval",
                    "order_workflow.activity_approval_rejected",
                ]
            )
            order.message_post(
                body=_("Approval restarted: %(reason)s", reason=reason),
                subtype_xmlid="mail.mt_note",
            )
        return orders

    def action_open_approval_reject_wizard(self):
        self._ow_approval_prepare()
        self._ow_my_reviews()
        return self._ow_reason_wizard("action_reject", _("Reject order"))

    # OCA's own buttons go through the same checks on workflow orders.
    def validate_tier(self):
        if self.use_order_workflow:
            return self.action_approve()
        return super().validate_tier()

    def reject_tier(self):
        if self.use_order_workflow:
            return self.action_open_approval_reject_wizard()
        return super().reject_tier()

    # -- rules on the server ---------------------------------------------------------
    @api.model
    def _get_under_validation_exceptions(self):
        return list(
            set(super()._get_under_validation_exceptions())
            | set(UNDER_VALIDATION_FIELDS)
        )

    def write(self, vals):
        if is_internal(NO_RESTART) or not set(vals) & set(RESTART_FIELDS):
            return super().write(vals)
        changed = [
            self._fields[f].get_description(self.env)["string"]
            for f in RESTART_FIELDS
            if f in vals
        ]
        restarted = self._ow_restart_approval(
            _("changed %(fields)s", fields=", ".join(changed))
        )
        with internal(NO_RESTART):
            res = super().write(vals)
        restarted._ow_follow_stage()
        return res

    def _tier_validation_check_write_remove_reviews(self, vals):
        # OCA removes the reviews when the order is cancelled or set back to
        # quotation, as the user who does it: the workflow allows that one path
        with internal(ACTION):
            return super()._tier_validation_check_write_remove_reviews(vals)

    def action_draft(self):
        """A cancelled workflow order set back to quotation starts the workflow
        again: reviewed, approved and signed anew, as a new order would be."""
        cancelled = self.filtered(
            lambda o: o.use_order_workflow and o.state == "cancel"
        )
        res = super().action_draft()
        if cancelled:
            cancelled._ow_restart_workflow()
        return res

    def _ow_restart_workflow(self):
        values = {}
        for name, rule in self._ow_guard_rules().items():
            field = self._fields[name]
            if (
                field.compute
                or field._module != "order_workflow"
                or rule.groups
                # the customer's dates, fixed after confirmation only: kept
                or rule.scope == CHANGE_SCOPE
            ):
                continue
            default = field.default(self) if field.default else False
            values[name] = default
        with internal(ACTION, NO_RESTART):
            self.sudo().write(values)
            for order in self.sudo():
                order.deposit_state = (
                    "waiting" if order.deposit_required else "not_required"
                )
        self._ow_note(_("Set back to quotation: the workflow starts again."))

    def _tier_validation_check_state_on_write(self, vals):
        # OCA lets a user who can validate every tier confirm directly: not here.
        workflow = self.filtered("use_order_workflow")
        if workflow and vals.get("state") in self._state_to:
            workflow._ow_check_approved(_("confirm"))
        return super(SaleOrder, self - workflow)._tier_validation_check_state_on_write(
            vals
        )

    def _ow_check_approved(self, action):
        not_approved = self.filtered(
            lambda o: o.use_order_workflow
            and not (
                o.sudo().review_ids
                and all(r.status == "approved" for r in o.sudo().review_ids)
            )
        )
        if not_approved:
            raise UserError(
                _(
                    "%(orders)s can't be %(action)s before it is approved (stage "
                    "Approval).",
                    orders=", ".join(not_approved.mapped("name")),
                    action=action,
                )
            )

    def action_confirm(self):
        self._ow_check_approved(_("confirmed"))
        return super().action_confirm()

    def action_quotation_send(self):
        self._ow_check_approved(_("sent to the customer"))
        return super().action_quotation_send()

    def action_preview_sale_order(self):
        self._ow_check_approved(_("shared with the customer"))
        return super().action_preview_sale_order()
