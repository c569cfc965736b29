# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The *Acceptance Issue Record* (验收问题记录单, reports/acceptance_issue_report.xml)
prints from a delivery complaint: what the customer noted on the delivery receipt and
how after-sales handled it. Odoo's print menu can't offer a report for some tickets
only, so printing it for any other ticket is refused (ir_actions_report.py)."""

from odoo import _, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _ow_check_acceptance_record(self):
        others = self.filtered(
            lambda t: not (t.is_complaint and t.complaint_category == "delivery")
        )
        if others:
            raise UserError(
                _(
                    "The Acceptance Issue Record is printed for delivery complaints "
                    "only: %(ticket)s is not one.",
                    ticket=others[0].display_name,
                )
            )

    def _ow_photo_count(self):
        """The photos filed on the complaint (from the receipt dialog or the
        chatter)."""
        self.ensure_one()
        return len(
            self.sudo().attachment_ids.filtered(
                lambda a: (a.mimetype or "").startswith("image/")
            )
        )
