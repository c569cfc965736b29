# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer file: qualification, credit class, customer code."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import attach_customer_documents
from .test_intake_review import ReviewCase


@tagged("post_install", "-at_install")
class TestCustomerFile(ReviewCase):
    def test_new_customer_is_new_class_c_with_class_deposit(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.clerk)
            .create({"name": "Walk-in Ltd", "is_company": True})
        )
        self.assertEqual(partner.qualification_state, "new")
        self.assertEqual(partner.credit_class, "C")
        self.assertEqual(partner.deposit_percent, 30.0)
        partner.with_user(self.manager).credit_class = "B"
        self.env.company.order_workflow_deposit_a = 10.0
        partner.with_user(self.manager).credit_class = "A"
        self.assertEqual(partner.deposit_percent, 10.0)

    def test_qualify_records_who_and_when_and_gives_a_code(self):
        partner = attach_customer_documents(
            self.env["res.partner"].create({"name": "To qualify", "is_company": True})
        )
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": partner.id}
        )
        self.assertFalse(partner.customer_code)
        self.assertIs(partner.with_user(self.manager).action_qualify(), True)
        self.assertEqual(partner.qualification_state, "qualified")
        self.assertEqual(partner.qualified_by_id, self.manager)
        self.assertTrue(partner.qualified_on)
        self.assertRegex(partner.customer_code, r"^\d{3,}$")
        self.assertEqual(contact.qualification_state, "qualified", "contacts follow")
        with self.assertRaisesRegex(UserError, "already qualified"):
            partner.with_user(self.manager).action_qualify()

    def test_only_managers_and_above_qualify_or_block(self):
        partner = self.env["res.partner"].create(
            {"name": "Guarded", "is_company": True}
        )
        for group in (
            "group_order_clerk",
            "group_finance_reviewer",
            "group_qc_inspector",
        ):
            user = self.users[group]
            with self.assertRaises(AccessError):
                partner.with_user(user).action_qualify()
            with self.assertRaises(AccessError):
                partner.with_user(user).action_block("no")
        for field, value in (
            ("qualification_state", "qualified"),
            ("credit_class", "A"),
            ("deposit_percent", 0.0),
        ):
            with self.assertRaises(AccessError):
                partner.with_user(self.clerk).write({field: value})
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.clerk).create(
                {"name": "Self-qualified", "qualification_state": "qualified"}
            )
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.clerk).create(
                {"name": "Class A please", "credit_class": "A"}
            )
        self.assertEqual(partner.qualification_state, "new")
        self.assertEqual(partner.credit_class, "C")
        for group in ("group_sales_director", "group_general_manager"):
            other = attach_customer_documents(
                self.env["res.partner"].create({"name": group, "is_company": True})
            )
            other.with_user(self.users[group]).action_qualify()
            self.assertEqual(other.qualification_state, "qualified")

    def test_clerk_adds_a_contact_to_a_qualified_customer(self):
        contact = (
            self.env["res.partner"]
            .with_user(self.clerk)
            .create({"name": "New buyer", "parent_id": self.good_customer.id})
        )
        self.assertEqual(contact.qualification_state, "qualified")
        self.assertEqual(contact.customer_code, self.good_customer.customer_code)

    def test_blocked_customer_gets_no_new_workflow_orders(self):
        partner = self.env["res.partner"].create(
            {"name": "Bad payer", "is_company": True}
        )
        with self.assertRaisesRegex(UserError, "reason"):
            partner.with_user(self.manager).action_block("  ")
        partner.with_user(self.manager).action_block("Unpaid invoices since March")
        self.assertEqual(partner.qualification_state, "blocked")
        self.assertEqual(partner.blocked_reason, "Unpaid invoices since March")
        with self.assertRaisesRegex(UserError, "Unpaid invoices since March"):
            self._create_order(partner_id=partner.id)
        order = self._create_order()
        with self.assertRaisesRegex(UserError, "blocked"):
            order.partner_id = partner
        # off means off: a team without the workflow still sells to them
        self._create_order(team=self.team_off, partner_id=partner.id)

    def test_customer_code_format_and_uniqueness(self):
        partner = self.env["res.partner"].create({"name": "Coded", "is_company": True})
        with self.assertRaisesRegex(ValidationError, "three digits"):
            partner.customer_code = "12"
        with self.assertRaisesRegex(ValidationError, "three digits"):
            partner.customer_code = "A123"
        partner.customer_code = "777"
        with self.assertRaisesRegex(ValidationError, "already used"):
            self.env["res.partner"].create(
                {"name": "Twin", "is_company": True, "customer_code": "777"}
            )
        # a contact carries its company's code without clashing
        self.env["res.partner"].create({"name": "Staff", "parent_id": partner.id})

    def test_workflow_order_gives_the_customer_a_code(self):
        partner = self.env["res.partner"].create(
            {"name": "Codeless", "is_company": True}
        )
        self._create_order(partner_id=partner.id)
        self.assertRegex(partner.customer_code, r"^\d{3,}$")
