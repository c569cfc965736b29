# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A new customer is qualified with its business licence and credit record on file
(新客户需补充营业执照、信用记录; issue 16)."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import attach_customer_documents
from .test_intake_review import ReviewCase


@tagged("post_install", "-at_install")
class TestCustomerDocuments(ReviewCase):
    def _scan(self, name):
        return self.env["ir.attachment"].create({"name": name, "raw": b"%PDF-1.4"})

    def test_on_by_default(self):
        company = self.env["res.company"].create({"name": "Documents Co"})
        self.assertTrue(company.order_workflow_require_customer_documents)

    def test_qualifying_names_the_missing_documents(self):
        partner = self.env["res.partner"].create(
            {"name": "Paperless Ltd", "is_company": True}
        )
        manager = partner.with_user(self.manager)
        with self.assertRaisesRegex(UserError, "business licence, credit record"):
            manager.action_qualify()
        partner.business_licence_ids = [Command.set(self._scan("licence.pdf").ids)]
        with self.assertRaises(UserError) as error:
            manager.action_qualify()
        self.assertIn("Paperless Ltd (credit record)", str(error.exception))
        self.assertNotIn("business licence,", str(error.exception))
        self.assertEqual(partner.qualification_state, "new")
        partner.credit_record_ids = [Command.set(self._scan("credit.pdf").ids)]
        self.assertIs(manager.action_qualify(), True)
        self.assertEqual(partner.qualification_state, "qualified")

    def test_a_contact_is_qualified_with_its_company_documents(self):
        partner = self.env["res.partner"].create(
            {"name": "Parent Co", "is_company": True}
        )
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": partner.id}
        )
        with self.assertRaisesRegex(UserError, "Parent Co"):
            contact.with_user(self.manager).action_qualify()
        attach_customer_documents(partner)
        contact.with_user(self.manager).action_qualify()
        self.assertEqual(partner.qualification_state, "qualified")

    def test_qualified_by_hand_in_the_form_needs_them_too(self):
        partner = self.env["res.partner"].create(
            {"name": "Form Ltd", "is_company": True}
        )
        with self.assertRaisesRegex(UserError, "credit record"):
            partner.with_user(self.manager).write({"qualification_state": "qualified"})
        self.assertEqual(partner.qualification_state, "new")
        form = Form(partner.with_user(self.manager))
        self.assertIn("business_licence_ids", form._view["fields"])
        self.assertIn("credit_record_ids", form._view["fields"])
        attach_customer_documents(partner)
        partner.with_user(self.manager).write({"qualification_state": "qualified"})
        self.assertEqual(partner.qualified_by_id, self.manager)

    def test_off_in_settings_qualifies_without_documents(self):
        self.env.company.order_workflow_require_customer_documents = False
        partner = self.env["res.partner"].create(
            {"name": "Trusted Ltd", "is_company": True}
        )
        self.assertIs(partner.with_user(self.manager).action_qualify(), True)
        self.assertEqual(partner.qualification_state, "qualified")

    def test_documents_filed_in_the_same_save_count(self):
        partner = self.env["res.partner"].create(
            {"name": "One Save Ltd", "is_company": True}
        )
        partner.with_user(self.manager).write(
            {
                "business_licence_ids": [
                    Command.create({"name": "licence.pdf", "raw": b"%PDF-1.4"})
                ],
                "credit_record_ids": [
                    Command.create({"name": "credit.pdf", "raw": b"%PDF-1.4"})
                ],
                "qualification_state": "qualified",
            }
        )
        self.assertEqual(partner.qualification_state, "qualified")
        self.assertEqual(len(partner.business_licence_ids), 1)
