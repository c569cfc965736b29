# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _ow_note(self, body):
        """Log the same internal note on each record: decisions are recorded in the
        chatter, never sent to the customer."""
        for record in self:
            record.message_post(body=body, subtype_xmlid="mail.mt_note")
