# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The order form's header shows what this user may do now (views/
sale_order_header_views.xml): the one next action of the stage as the primary button,
for the role that takes it, and no button the server refuses. What the header needs to
know is computed here; the server's own checks stay where they are."""

from odoo import _, api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    ow_deposit_due = fields.Monetary(
        string="Deposit due",
        compute="_compute_ow_deposit_due",
        help="What of the deposit is still to be paid while it holds the order.",
    )
    ow_deposit_to_invoice = fields.Boolean(
        string="Deposit to invoice",
        compute="_compute_ow_deposit_due",
        help="Part of the deposit is not invoiced yet: the deposit invoice may be "
        "created.",
    )

    ow_can_approve = fields.Boolean(
        string="May approve",
        compute="_compute_ow_can_approve",
        help="An approval of the order waits for the current user, who did not "
        "create it nor sells it (or may approve their own orders).",
    )

    @api.depends_context("uid")
    @api.depends("review_ids.status", "create_uid", "user_id")
    def _compute_ow_can_approve(self):
        """Mirrors ``_ow_my_reviews``, which refuses the approval otherwise."""
        user = self.env.user
        for order in self:
            order.ow_can_approve = (
                order.use_order_workflow
                and order.can_review
                and (
                    not order._ow_is_own_order(user) or order._ow_may_approve_own(user)
                )
            )

    @api.depends(
        "deposit_state",
        "deposit_amount",
        "deposit_paid_amount",
        "order_line.invoice_lines.move_id.state",
    )
    def _compute_ow_deposit_due(self):
        for order in self:
            waiting = order.use_order_workflow and order.deposit_state == "waiting"
            order.ow_deposit_due = (
                max(0.0, order.deposit_amount - order.deposit_paid_amount)
                if waiting
                else 0.0
            )
            order.ow_deposit_to_invoice = waiting and order._ow_deposit_uninvoiced()

    def _ow_deposit_uninvoiced(self):
        """Mirrors ``action_create_deposit_invoice``: it refuses when the deposit
        (less the online payments) is already covered by down-payment invoices."""
        self.ensure_one()
        order = self.sudo()
        online = sum(order._ow_deposit_transactions().mapped("amount"))
        invoiced = sum(
            m.amount_total * (-1 if m.move_type == "out_refund" else 1)
            for m in order._ow_down_payment_moves()
            if m.state != "cancel"
        )
        amount = order.currency_id.round(order.deposit_amount - online - invoiced)
        return order.currency_id.compare_amounts(amount, 0) > 0

    # -- one way to approve: ours (Approve / Reject in the header) -------------------
    def _compute_hide_reviews(self):
        """OCA's banner (Validate / Reject), Request Validation and Restart Validation
        are hidden on workflow orders: they are approved with the header's Approve and
        Reject (or the activity, or the e-mail), the approval is requested and
        restarted by the workflow itself, and the server refuses OCA's request and
        restart to a user (tier_review.py)."""
        res = super()._compute_hide_reviews()
        for order in self:
            if order.use_order_workflow:
                order.hide_reviews = True
        return res

    # -- where the next action is taken, when it is not on the order ------------------
    def action_view_ow_inspections(self):
        """The quality inspections of the order's manufacturing orders."""
        self.ensure_one()
        inspections = self.sudo().ow_production_ids.qc_inspections_ids
        return {
            "type": "ir.actions.act_window",
            "name": _("Quality inspections"),
            "res_model": "qc.inspection",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", inspections.ids)],
            "context": {"create": False},
        }
