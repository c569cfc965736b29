# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Whether a complaint's first response came in time (售后部门需在24小时内响应), stored
for the KPIs: the Monthly Order Review counts it with one ``_read_group``.
``response_overdue`` is set by the cron only for complaints still unanswered at their
due time; a late answer given before the cron ran is not in time either."""

from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    first_response_kept = fields.Boolean(
        string="First response in time",
        compute="_compute_first_response_kept",
        store=True,
        help="The first response was given by its due time.",
    )

    @api.depends("first_response_on", "first_response_due")
    def _compute_first_response_kept(self):
        for ticket in self:
            ticket.first_response_kept = bool(
                ticket.first_response_on
                and ticket.first_response_due
                and ticket.first_response_on <= ticket.first_response_due
            )
