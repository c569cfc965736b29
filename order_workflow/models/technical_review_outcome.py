# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A technical review found not feasible (不可行): the sales manager tells the customer
and proposes alternatives; the customer accepts one, insists (with the process recipe
confirmed in writing) or declines."""

from odoo import _, fields, models
from odoo.exceptions import UserError

from .guard import workflow_action
from .res_partner import QUALIFIER_GROUPS
from .technical_review import TECH


class OrderWorkflowTechnicalReview(models.Model):
    _inherit = "order_workflow.technical.review"

    @workflow_action
    def action_mark_not_feasible(self, reason):
        """Not feasible: the sales manager informs the customer and proposes
        alternatives."""
        self._check([TECH], _("mark the review not feasible"))
        if not self._ow_text(reason):
            raise UserError(_("Give the reason why it is not feasible."))
        vals = {"state": "not_feasible", "not_feasible_reason": reason}
        if not self.filtered("assessment"):
            vals.update(
                assessment="not_feasible",
                assessment_note=reason,
                assessed_by_id=self.env.uid,
                assessed_on=fields.Datetime.now(),
            )
        self.write(vals)
        for review in self:
            review.order_id.activity_schedule(
                "order_workflow.activity_not_feasible",
                note=reason,
                user_id=review._responsible(QUALIFIER_GROUPS[0]).id,
            )
        self._log_on_order(
            _(
                "not feasible (%(user)s): %(reason)s",
                user=self.env.user.name,
                reason=reason,
            )
        )
        return True

    def _check_outcome(self, action):
        self._check(list(QUALIFIER_GROUPS), action, states=("not_feasible",))

    @workflow_action
    def action_customer_accepts_alternative(self, note):
        """The customer accepts an alternative: the order goes back to intake to change
        its lines; passing the review again opens a new round."""
        self._check_outcome(_("record the customer's answer"))
        if not self._ow_text(note):
            raise UserError(_("Describe the alternative the customer accepted."))
        self.write({"outcome": "alternative", "state": "superseded", "risk_note": note})
        self.order_id.write({"review_state": "pending", "review_note": note})
        self.order_id.activity_feedback(["order_workflow.activity_not_feasible"])
        self._log_on_order(_("customer accepts an alternative: %(note)s", note=note))
        return True

    @workflow_action
    def action_customer_insists(self, note):
        """The customer insists on the process: with the customer's written confirmation
        attached, the review can be confirmed feasible, the risk recorded."""
        self._check_outcome(_("record the customer's answer"))
        if not self.filtered("recipe_confirmation_ids") == self:
            raise UserError(
                _(
                    "Attach the customer's written confirmation of the process recipe "
                    "first."
                )
            )
        if not self._ow_text(note):
            raise UserError(_("Describe the risk the customer accepts."))
        self.write({"outcome": "insists", "state": "open", "risk_note": note})
        self.order_id.activity_feedback(["order_workflow.activity_not_feasible"])
        self._log_on_order(_("customer insists; risk accepted: %(note)s", note=note))
        return True

    @workflow_action
    def action_customer_declines(self, reason):
        """The customer declines: the order is rejected."""
        self._check_outcome(_("record the customer's answer"))
        if not self._ow_text(reason):
            raise UserError(_("Give the customer's reason."))
        self.write({"outcome": "declined", "state": "declined", "risk_note": reason})
        self.order_id.write({"review_state": "rejected", "review_note": reason})
        self.order_id.activity_feedback(["order_workflow.activity_not_feasible"])
        self._log_on_order(_("customer declines: %(reason)s", reason=reason))
        return True

    def action_open_not_feasible(self):
        return self._wizard("action_mark_not_feasible", _("Not feasible"))

    # -- UI entry points -------------------------------------------------------------
    def action_open_alternative(self):
        return self._wizard("action_customer_accepts_alternative", _("Alternative"))

    def action_open_insists(self):
        return self._wizard("action_customer_insists", _("Customer insists"))

    def action_open_declines(self):
        return self._wizard("action_customer_declines", _("Customer declines"))
