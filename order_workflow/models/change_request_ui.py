# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The form's entry points of the change request's decisions: wizards that only ask
for the date, the note, the reason or the signed reply (change_request.py checks the
caller and the state again)."""

from odoo import _, models

from .change_request import CLERK, PRODUCTION


class ChangeRequest(models.Model):
    _inherit = "order_workflow.change.request"

    # -- UI entry points (the methods above check the caller and the state) ------
    def _ow_decision_wizard(self, mode, title):
        self.ensure_one()
        wizard = self.env["order_workflow.change.request.wizard"].create(
            {
                "request_id": self.id,
                "mode": mode,
                "new_promised_date": self.new_promised_date
                or self.new_requested_date
                or self.order_id.promised_date,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_open_production_approve_wizard(self):
        self._ow_check_role([PRODUCTION], _("approve a change request"))
        self._ow_check_state(("production_review",), _("approve"))
        return self._ow_decision_wizard("approve", _("Approve the change"))

    def action_open_customer_accept_wizard(self):
        self._ow_check_role([CLERK], _("record the customer's answer"))
        self._ow_check_state(("customer_confirmation",), _("record the acceptance"))
        return self._ow_decision_wizard("accept", _("Customer accepted"))

    def action_open_production_refuse_wizard(self):
        self._ow_check_role([PRODUCTION], _("refuse a change request"))
        self._ow_check_state(("production_review",), _("refuse"))
        return self.env["order_workflow.reason.wizard"]._open(
            self, "action_production_refuse", _("Refuse the change")
        )

    def action_open_customer_decline_wizard(self):
        self._ow_check_role([CLERK], _("record the customer's answer"))
        self._ow_check_state(("customer_confirmation",), _("record the refusal"))
        return self.env["order_workflow.reason.wizard"]._open(
            self, "action_customer_decline", _("Customer declined")
        )
