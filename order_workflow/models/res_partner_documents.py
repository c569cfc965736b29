# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A new customer is qualified with its documents on file (新客户需补充营业执照、信用
记录): the business licence and the credit record, each attached in its own field of
the customer form. The company setting ``order_workflow_require_customer_documents``
(on by default) turns the check off."""

from odoo import _, models
from odoo.exceptions import UserError

from .guard import ACTION, is_internal


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _ow_missing_documents(self):
        """The labels of the documents this customer file still lacks."""
        self.ensure_one()
        company = self.company_id or self.env.company
        if not company.order_workflow_require_customer_documents:
            return []
        partner = self.sudo()
        missing = []
        if not partner.business_licence_ids:
            missing.append(_("business licence"))
        if not partner.credit_record_ids:
            missing.append(_("credit record"))
        return missing

    def _ow_check_documents(self):
        """Refuse to qualify customers whose documents are not all attached."""
        problems = [
            _(
                "%(partner)s (%(documents)s)",
                partner=partner.display_name,
                documents=", ".join(missing),
            )
            for partner in self.commercial_partner_id
            if (missing := partner._ow_missing_documents())
        ]
        if problems:
            raise UserError(
                _(
                    "A customer is qualified only with its business licence and its "
                    "credit record attached. Missing: %(problems)s.",
                    problems="; ".join(problems),
                )
            )

    def action_qualify(self):
        """File the customer as qualified (sales manager and above), with its
        documents attached."""
        self._ow_check_qualifier()
        self._ow_check_documents()
        return super().action_qualify()

    def write(self, vals):
        qualifying = (
            vals.get("qualification_state") == "qualified"
            and not is_internal(ACTION)
            and not self.env.su
            and not self._ow_guard_exempt(vals)
        )
        if qualifying:  # qualified by hand in the form: the same rule as the action
            self._ow_check_guard([vals])  # a role that may not qualify: refused first
            documents = {
                name: vals[name]
                for name in ("business_licence_ids", "credit_record_ids")
                if name in vals
            }
            if documents:  # filed in the same save
                super().write(documents)
                vals = {k: v for k, v in vals.items() if k not in documents}
            self._ow_check_documents()
        return super().write(vals)
