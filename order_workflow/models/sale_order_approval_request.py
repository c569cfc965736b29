# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Requesting the approval (审批请求): on arriving in Approval (sale_order.LIFECYCLE)
the order's reviews are requested through OCA tier validation, and the next reviewers
in sequence are told, at a cost that does not grow with the tier's group."""

from markupsafe import Markup

from odoo import _, models

from .guard import ACTION, SUBSCRIBED, internal


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _ow_request_approval(self):
        """Arrival in Approval: request the validation of the orders that have no
        reviews yet (a rejected order waits, with its reviews, for a change)."""
        orders = self.filtered(
            lambda o: o.use_order_workflow
            and o.workflow_stage == "approval"
            and not o.sudo().review_ids
        )
        if orders:
            with internal(ACTION):
                orders.sudo().request_validation()
            orders = orders.filtered(lambda o: o.sudo().review_ids)
            orders._ow_notify_next_approver()
        return orders

    def _ow_notify_next_approver(self):
        """Only the next reviewers in sequence get the activity and the e-mail, at a
        cost that does not grow with the tier's group: the reviewers of an order are
        subscribed in one go, the activities created in one batch, and one e-mail to
        all of them is rendered by the outbox after the click."""
        activity_type = self.env.ref("order_workflow.activity_approval")
        self.sudo().activity_unlink(["order_workflow.activity_approval"])
        activities, notices = [], []
        for order in self:
            review = order._ow_next_reviews()
            users = review.reviewer_ids.filtered(
                lambda u, o=order: not u.share
                and (not o._ow_is_own_order(u) or o._ow_may_approve_own(u))
            )
            if not users:
                continue
            deadline = activity_type._get_date_deadline()
            for user in users:
                values = order._ow_activity_values(
                    activity_type,
                    user,
                    summary=_("Approve %(level)s", level=review.name),
                    note=order.ow_special_terms or False,
                )
                activities.append(dict(values, date_deadline=deadline))
            order.sudo().message_subscribe(partner_ids=users.partner_id.ids)
            notices.append((order, review, users.partner_id))
        with internal(SUBSCRIBED):
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True
            ).create(activities)
        outbox = self.env["order_workflow.outbox"]
        for order, review, partners in notices:
            base_url = order.get_base_url()
            links = Markup(
                "<p>%s</p><p><a href='%s'>%s</a> &#160; <a href='%s'>%s</a></p>"
            ) % (
                _(
                    "%(order)s (%(customer)s, %(amount)s) waits for your approval: "
                    "%(level)s.",
                    order=order.name,
                    customer=order.partner_id.display_name,
                    amount=order.amount_total,
                    level=review.name,
                ),
                f"{base_url}/order_workflow/approval/{order.id}/approve",
                _("Approve"),
                f"{base_url}/order_workflow/approval/{order.id}/reject",
                _("Reject"),
            )
            outbox._queue(
                order,
                _("Approval request"),
                partners=partners,
                subject=_("Approval needed: %(order)s", order=order.name),
                body=links,
                subtype_xmlid="mail.mt_note",
            )
