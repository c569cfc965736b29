# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

from .guard import TIER, is_internal


class TierReview(models.Model):
    """OCA gives every internal user full rights on tier.review: a clerk could write
    status='approved'. Reviews of workflow orders change only through the order's
    approval methods."""

    _inherit = "tier.review"

    def _ow_guarded(self):
        if self.env.su or is_internal(TIER):
            return self.browse()
        orders = (
            self.env["sale.order"]
            .sudo()
            .browse({r.res_id for r in self.sudo() if r.model == "sale.order"})
            .exists()
        )
        workflow_ids = set(orders.filtered("use_order_workflow").ids)
        return self.filtered(
            lambda r: r.model == "sale.order" and r.res_id in workflow_ids
        )

    def _ow_refuse(self):
        raise AccessError(
            _(
                "Approvals of workflow orders are given with Approve and Reject on the "
                "order, by the reviewer whose turn it is; they can't be edited by hand."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not is_internal(TIER) and not self.env.su:
            ids = {v.get("res_id") for v in vals_list if v.get("model") == "sale.order"}
            orders = self.env["sale.order"].sudo().browse(ids).exists()
            if orders.filtered("use_order_workflow"):
                self._ow_refuse()
        return super().create(vals_list)

    def write(self, vals):
        if self._ow_guarded():
            self._ow_refuse()
        return super().write(vals)

    def unlink(self):
        if self._ow_guarded():
            self._ow_refuse()
        return super().unlink()
