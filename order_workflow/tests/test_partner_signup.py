# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A notification does not rewrite its recipient's contact (res_partner_signup.py)."""

from unittest.mock import patch

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPartnerSignup(TransactionCase):
    def setUp(self):
        super().setUp()
        self.customer = self.env["res.partner"].create({"name": "Portal customer"})
        self.env["ir.config_parameter"].sudo().set_param(
            "auth_signup.invitation_scope", "b2c"
        )

    def _writes(self):
        partner_class = type(self.env["res.partner"])
        original = partner_class.write
        calls = []

        def write(records, vals):
            calls.append((records.ids, dict(vals)))
            return original(records, vals)

        return calls, patch.object(partner_class, "write", write)

    def test_an_unchanged_signup_type_is_not_written(self):
        self.customer.signup_prepare()
        self.assertEqual(self.customer.sudo().signup_type, "signup")
        calls, patched = self._writes()
        with patched:
            # what each e-mail with a portal link does for its customer recipient
            params = self.customer.signup_get_auth_param()
            self.customer.signup_prepare()
        self.assertEqual(calls, [], "the customer's row is not rewritten")
        token = params[self.customer.id]["auth_signup_token"]
        self.assertEqual(
            self.env["res.partner"]._get_partner_from_token(token), self.customer
        )
        with patched:
            self.customer.signup_prepare(signup_type="reset")
        self.assertEqual(calls, [([self.customer.id], {"signup_type": "reset"})])
        self.assertEqual(self.customer.sudo().signup_type, "reset")

    def test_a_batch_writes_only_the_partners_that_change(self):
        other = self.customer.copy({"name": "New customer"})
        self.customer.signup_prepare()
        calls, patched = self._writes()
        with patched:
            (self.customer | other).signup_prepare()
        self.assertEqual(calls, [([other.id], {"signup_type": "signup"})])
        self.assertEqual(other.sudo().signup_type, "signup")
