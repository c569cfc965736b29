# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A notification does not rewrite its recipient's contact.

Odoo's auth_signup writes ``signup_type`` on every customer each time an e-mail with a
portal link is prepared for them, even when the type is already the same, so each
notification updates the customer's row. Orders of one customer decided at the same
time (a clerk verifying one, finance paying another, the outbox sending a third's
documents) then conflicted on that row and were retried, some until Odoo gave up
(found by ``make load``). The token does not depend on the row's write date
(``_generate_signup_token``), so only partners whose type changes are written.
"""

from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def signup_prepare(self, signup_type="signup"):
        changed = self.filtered(lambda p: p.sudo().signup_type != signup_type)
        if changed:
            super(ResPartner, changed).signup_prepare(signup_type=signup_type)
        return True
