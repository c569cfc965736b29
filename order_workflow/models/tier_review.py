# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models
from odoo.exceptions import AccessError

from .guard import ACTION, Rule, is_internal


def next_reviews(record):
    """The pending reviews (OCA tier validation) of ``record`` whose turn it is: one
    per record with sequences. For every model the workflow approves on (orders,
    change requests)."""
    record.ensure_one()
    todo = (
        record.sudo()
        .review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
        .sorted("sequence")
    )
    return todo[:1]


CHANGE_REQUEST = "order_workflow.change.request"


class TierReview(models.Model):
    """OCA gives every internal user full rights on tier.review: a clerk could write
    status='approved'. Reviews of workflow orders change only through the order's
    approval methods (the guard: every field, reviews of workflow orders only)."""

    _name = "tier.review"
    _inherit = ["tier.review", "order_workflow.guarded"]
    _ow_guarded_fields = {"*": Rule(scope="_ow_of_workflow_orders")}

    def _ow_of_workflow_orders(self, vals, creating):
        """Reviews of workflow orders and of change requests (change_request_approval
        .py): every change request belongs to a workflow order."""
        if creating:
            if vals.get("model") == CHANGE_REQUEST:
                return True
            return vals.get("model") == "sale.order" and bool(
                self.env["sale.order"]
                .sudo()
                .browse(vals.get("res_id"))
                .exists()
                .use_order_workflow
            )
        ids = {r.res_id for r in self.sudo() if r.model == "sale.order"}
        orders = self.env["sale.order"].sudo().browse(ids).exists()
        workflow = set(orders.filtered("use_order_workflow").ids)
        return self.filtered(
            lambda r: r.model == CHANGE_REQUEST
            or (r.model == "sale.order" and r.res_id in workflow)
        )

    def _ow_refuse_guarded(self, refused):
        raise AccessError(
            _(
                "Approvals of workflow orders are given with Approve and Reject on the "
                "order, by the reviewer whose turn it is; they can't be edited by hand."
            )
        )

    def unlink(self):
        if not (self.env.su or is_internal(ACTION)) and self._ow_of_workflow_orders(
            {}, False
        ):
            self._ow_refuse_guarded({})
        return super().unlink()
