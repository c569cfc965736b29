# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The after-delivery follow-up call: marking it done with the customer's feedback
closes the order."""

from odoo import _, models
from odoo.exceptions import UserError

from .guard import SENDING, SUBSCRIBED, is_internal


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def action_notify(self):
        """The assignee's e-mail about an activity of the workflow is rendered by the
        outbox after the click (or the cron) that scheduled it."""
        if is_internal(SENDING):
            return super().action_notify()
        queued = self.filtered(lambda a: a._ow_of_the_workflow())
        if queued:
            self.env["order_workflow.outbox"]._queue(
                queued, _("Activity assigned"), method="action_notify"
            )
        return super(MailActivity, self - queued).action_notify()

    def _ow_of_the_workflow(self):
        if self.res_model.startswith("order_workflow."):
            return True
        if self.res_model not in self.env or not hasattr(
            self.env[self.res_model], "_ow_stage_orders"
        ):
            return False
        return self.env[self.res_model].sudo().browse(self.res_id)._ow_in_workflow()

    def _classify_by_model(self):
        # Odoo subscribes each assignee of new activities one user at a time; a batch
        # whose assignees the workflow subscribed in one go skips that (the approval
        # request, whose cost must not grow with the tier's group)
        if is_internal(SUBSCRIBED):
            # ... but Odoo's create then tells the bus with the loop's last activity,
            # which must exist when one is due today: that one (its assignee already
            # follows) is left to the loop, a constant cost
            last = self.filtered(lambda a: a.user_id and a.res_model and a.res_id)[-1:]
            return super(MailActivity, last)._classify_by_model()
        return super()._classify_by_model()

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
