# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The order's side of its change requests (change_request.py): *Request a change*,
the smart button, and ``change_pending`` (a filter and a badge)."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .change_request import PENDING_STATES


class SaleOrder(models.Model):
    _inherit = "sale.order"

    change_request_ids = fields.One2many(
        "order_workflow.change.request", "order_id", string="Change requests"
    )
    change_request_count = fields.Integer(compute="_compute_change_request_count")
    change_pending = fields.Boolean(
        string="Change pending",
        compute="_compute_change_pending",
        store=True,
        index=True,
        help="A change request of this order is not decided yet.",
    )
    ow_rush = fields.Boolean(
        string="Rush order",
        readonly=True,
        copy=False,
        tracking=True,
        help="Raised by an approved rush change request: the MOs and pickings are "
        "urgent.",
    )

    @api.depends("change_request_ids.state")
    def _compute_change_pending(self):
        for order in self:
            order.change_pending = any(
                r.state in PENDING_STATES and r.state != "draft"
                for r in order.change_request_ids
            )

    def _compute_change_request_count(self):
        groups = (
            self.env["order_workflow.change.request"]
            .sudo()
            ._read_group([("order_id", "in", self.ids)], ["order_id"], ["__count"])
        )
        counts = {order.id: count for order, count in groups}
        for order in self:
            order.change_request_count = counts.get(order.id, 0)

    def _ow_check_changeable(self, request=None):
        """A confirmed workflow order, with no other change in progress."""
        self.ensure_one()
        if not self.use_order_workflow or self.state != "sale":
            raise UserError(
                _(
                    "%(order)s is not a confirmed workflow order: change it directly.",
                    order=self.name,
                )
            )
        others = self.sudo().change_request_ids.filtered(
            lambda r: r.state in PENDING_STATES and r.state != "draft" and r != request
        )
        if others:
            raise UserError(
                _(
                    "%(order)s already has a change in progress (%(name)s).",
                    order=self.name,
                    name=others[0].name,
                )
            )

    def action_request_change(self):
        """*Request a change*: a new request of this order, in its form."""
        self.ensure_one()
        self._ow_check_group(
            ["order_workflow.group_order_clerk"], _("request a change")
        )
        self._ow_check_changeable()
        return {
            "type": "ir.actions.act_window",
            "name": _("Request a change"),
            "res_model": "order_workflow.change.request",
            "view_mode": "form",
            "target": "current",
            "context": {"default_order_id": self.id},
        }

    def action_view_change_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "order_workflow.action_change_request"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action
