# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Payment by letter of credit (信用证): the delivery clock starts only once it is
received."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import workflow_action

FINANCE = "order_workflow.group_finance_reviewer"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    lc_required = fields.Boolean(
        string="Letter of credit",
        copy=False,
        tracking=True,
        help="The customer pays by letter of credit: the delivery clock starts only "
        "once it is received.",
    )
    lc_date = fields.Date(
        string="Letter of credit received",
        readonly=True,
        copy=False,
        tracking=True,
    )

    def _ow_clock_start_candidates(self):
        dates = super()._ow_clock_start_candidates()
        if self.lc_required:
            dates.append(self.lc_date)
        return dates

    @workflow_action
    def action_register_letter_of_credit(self, lc_date):
        """Finance records the date the letter of credit was received."""
        self._ow_check_group([FINANCE], _("register the letter of credit"))
        self._ow_check_workflow()
        if not lc_date:
            raise UserError(_("Give the date the letter of credit was received."))
        wrong = self.filtered(lambda o: not o.lc_required)
        if wrong:
            raise UserError(
                _(
                    "%(order)s is not paid by letter of credit.",
                    order=wrong[0].name,
                )
            )
        lc_date = self._ow_date(lc_date, _("Letter of credit date"))
        self.sudo().write({"lc_date": lc_date})
        self.sudo().filtered(lambda o: o.state == "sale")._ow_start_clock()
        return True

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["lc_date"]
