# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The after-delivery follow-up call: marking it done with the customer's feedback
closes the order."""

from odoo import _, models
from odoo.exceptions import UserError


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        followup = self.env.ref(
            "order_workflow.activity_followup", raise_if_not_found=False
        )
        calls = self.filtered(
            lambda a: followup
            and a.activity_type_id == followup
            and a.res_model == "sale.order"
        )
        if calls and not (feedback or "").strip():
            raise UserError(
                _(
                    "Write the customer's feedback from the follow-up call: it closes "
                    "the order."
                )
            )
        orders = self.env["sale.order"].browse(calls.mapped("res_id"))
        early = orders.sudo().filtered(
            lambda o: o.use_order_workflow and o.ow_delivery_state != "delivered"
        )
        if early:
            raise UserError(
                _(
                    "%(orders)s: the follow-up call comes after the customer's signed "
                    "delivery receipt, and the order is not delivered yet.",
                    orders=", ".join(early.mapped("name")),
                )
            )
        res = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if orders:
            orders._ow_close_after_followup(feedback)
        return res
