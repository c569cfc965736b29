# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The workflow methods that take one text argument (a reason or a note). The wizard
# only asks for the text in the UI; the method itself checks the caller and the state.
REASON_METHODS = {
    "res.partner": {"action_block"},
    "sale.order": {
        "action_review_need_info",
        "action_review_reject",
        "action_record_customer_answer",
        "action_price_reject",
        "action_reject",
        "action_reject_returned_confirmation",
        "action_waive_deposit",
        "action_override_shipping",
        "action_release_on_credit",
    },
    "order_workflow.technical.review": {
        "action_assess",
        "action_mark_not_feasible",
        "action_sign_material_statement",
        "action_customer_accepts_alternative",
        "action_customer_insists",
        "action_customer_declines",
    },
    "order_workflow.change.request": {
        "action_production_refuse",
        "action_customer_decline",
        "action_reject",
    },
}


class OrderWorkflowReasonWizard(models.TransientModel):
    _name = "order_workflow.reason.wizard"
    _description = "Order Workflow: reason or note for a decision"

    res_model = fields.Char(required=True, readonly=True)
    res_ids = fields.Json(required=True, readonly=True)
    method = fields.Char(required=True, readonly=True)
    extra_args = fields.Json(readonly=True, help="Arguments passed before the text.")
    reason = fields.Text()

    @api.model
    def _open(self, records, method, title, extra_args=None):
        wizard = self.create(
            {
                "res_model": records._name,
                "res_ids": records.ids,
                "method": method,
                "extra_args": extra_args or [],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_confirm(self):
        self.ensure_one()
        if self.method not in REASON_METHODS.get(self.res_model, ()):
            raise UserError(_("This action can't be called from here."))
        records = self.env[self.res_model].browse(self.res_ids).exists()
        getattr(records, self.method)(*(self.extra_args or []), self.reason)
        return {"type": "ir.actions.act_window_close"}
