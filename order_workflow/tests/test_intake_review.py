# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import OrderWorkflowCase, attach_customer_documents


class ReviewCase(OrderWorkflowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.users["group_sales_manager"]
        cls.finance = cls.users["group_finance_reviewer"]
        cls.tech = cls.users["group_technical_reviewer"]
        cls.good_customer = cls.env["res.partner"].create(
            {
                "name": "Qualified Customer Ltd",
                "is_company": True,
                "street": "1 Factory Road",
                "city": "Suzhou",
                "phone": "+86 512 0000 0000",
            }
        )
        attach_customer_documents(cls.good_customer)
        cls.good_customer.with_user(cls.manager).action_qualify()
        cls.payment_term = cls.env.ref("account.account_payment_term_30days")
        cls.team_off = cls.env["crm.team"].create(
            {"name": "No workflow", "use_order_workflow": False}
        )

    @classmethod
    def _complete_order(cls, lines=1, price=100.0, **vals):
        return cls._create_order(
            lines=0,
            **{
                "partner_id": cls.good_customer.id,
                "requested_date": fields.Date.today() + timedelta(days=30),
                "payment_term_id": cls.payment_term.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": 1 + i,
                            "price_unit": price,
                        }
                    )
                    for i in range(lines)
                ],
                **vals,
            },
        )


@tagged("post_install", "-at_install")
class TestOrderNumbers(ReviewCase):
    def test_workflow_orders_are_numbered_by_month(self):
        # months far ahead: the demo orders use the current month's numbers
        with freeze_time("2031-05-05 10:00:00"):
            first = self._create_order()
            second = self._create_order()
        self.assertEqual(first.name, "203105-001")
        self.assertEqual(second.name, "203105-002")
        with freeze_time("2031-06-01 09:00:00"):
            december = self._create_order()
        self.assertEqual(december.name, "203106-001", "the counter restarts each month")
        with freeze_time("2031-05-20 09:00:00"):
            self.assertEqual(self._create_order().name, "203105-003")

    def test_numbering_is_per_company(self):
        other_company = self.env["res.company"].create({"name": "Second plant"})
        team = self.env["crm.team"].create(
            {"name": "Plant 2", "company_id": other_company.id}
        )
        with freeze_time("2032-03-02"):
            here = self._create_order()
            there = (
                self.env["sale.order"]
                .with_company(other_company)
                .create(
                    {
                        "partner_id": self.customer.id,
                        "team_id": team.id,
                        "company_id": other_company.id,
                    }
                )
            )
        self.assertEqual(here.name, "203203-001")
        self.assertEqual(there.name, "203203-001")

    def test_orders_outside_the_workflow_keep_odoo_numbering(self):
        order = self._create_order(team=self.team_off)
        self.assertFalse(order.use_order_workflow)
        self.assertNotRegex(order.name, r"^\d{6}-\d{3}$")
        self.assertTrue(order.name.startswith("S"), order.name)

    def test_given_names_are_kept(self):
        self.assertEqual(self._create_order(name="PO-IMPORTED-1").name, "PO-IMPORTED-1")


@tagged("post_install", "-at_install")
class TestPreliminaryReview(ReviewCase):
    def test_missing_fields_are_listed_by_name(self):
        newcomer = self.env["res.partner"].create(
            {"name": "Newcomer Co", "is_company": True}
        )
        order = self._create_order(
            partner_id=newcomer.id, lines=0, payment_term_id=False
        )
        self.env["sale.order.line"].create(
            {
                "order_id": order.id,
                "product_id": self.product.id,
                "product_uom_qty": 0,
                "price_unit": 0,
            }
        )
        with self.assertRaises(UserError) as caught:
            order.with_user(self.clerk).action_review_pass()
        message = str(caught.exception)
        for expected in (
            "Newcomer Co is not qualified yet",
            "Delivery address: street missing.",
            "Delivery address: city missing.",
            "Contact: no phone or e-mail",
            "Requested date: missing.",
            "Payment terms: missing.",
            "Line 1 (Workflow product): quantity must be greater than 0.",
            "Line 1 (Workflow product): unit price must be greater than 0.",
        ):
            self.assertIn(expected, message)
        self.assertEqual(order.review_state, "pending")
        self.assertEqual(order.workflow_stage, "intake")
        self.assertIn("not qualified yet", order.review_problems)
        self.assertTrue(order.is_first_order)

    def test_order_without_lines_is_refused(self):
        order = self._complete_order(lines=0)
        with self.assertRaisesRegex(UserError, "at least one product line"):
            order.with_user(self.clerk).action_review_pass()

    def test_unqualified_customer_blocks_an_otherwise_complete_order(self):
        self.good_customer.with_context(_ow_qualifying=True).qualification_state = "new"
        order = self._complete_order()
        with self.assertRaisesRegex(UserError, "not qualified yet"):
            order.with_user(self.clerk).action_review_pass()
        self.good_customer.with_user(self.manager).action_qualify()
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.review_state, "passed")

    def test_contact_person_phone_counts_and_down_payment_lines_are_ignored(self):
        self.good_customer.phone = False
        buyer = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.good_customer.id, "email": "b@x.cn"}
        )
        order = self._complete_order(partner_id=buyer.id)
        order.partner_shipping_id = self.good_customer
        self.env["sale.order.line"].create(
            {
                "order_id": order.id,
                "name": "Down payment",
                "price_unit": 0,
                "product_uom_qty": 0,
                "is_downpayment": True,
            }
        )
        self.assertFalse(order._get_review_problems())

    def test_configurable_extra_check(self):
        self.env["order_workflow.review.check"].create(
            {
                "name": "Customer PO is filled",
                "domain": "[('client_order_ref', '!=', False)]",
            }
        )
        order = self._complete_order()
        with self.assertRaisesRegex(UserError, "Customer PO is filled"):
            order.with_user(self.clerk).action_review_pass()
        order.client_order_ref = "PO-8812"
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.review_state, "passed")

    def test_pass_records_who_and_when_and_moves_on(self):
        order = self._complete_order()
        self.assertIs(order.with_user(self.clerk).action_review_pass(), True)
        self.assertEqual(order.review_state, "passed")
        self.assertEqual(order.review_decided_by_id, self.clerk)
        self.assertTrue(order.review_decided_on)
        self.assertEqual(order.price_review_state, "not_needed")
        self.assertEqual(order.workflow_stage, "approval")
        self.assertIn("Preliminary review passed", order.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "stage"):
            order.with_user(self.clerk).action_review_pass()

    def test_info_needed_due_in_two_hours_then_overdue_then_passed(self):
        order = self._complete_order(requested_date=False)
        with freeze_time("2026-11-10 08:00:00"):
            with self.assertRaisesRegex(UserError, "Write what the customer"):
                order.with_user(self.clerk).action_review_need_info("")
            self.assertEqual(order.review_state, "pending")
            order.with_user(self.clerk).action_review_need_info(
                "Which delivery date do you need?"
            )
            self.assertEqual(order.review_state, "info_needed")
            self.assertEqual(order.workflow_stage, "info_needed")
            self.assertEqual(order.info_due_at, datetime(2026, 11, 10, 10, 0, 0))
            activity = order.activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("order_workflow.activity_info_needed")
            )
            self.assertEqual(activity.user_id, self.clerk)
            self.assertFalse(order.info_overdue)
        with freeze_time("2026-11-10 10:30:00"):
            order.invalidate_recordset(["info_overdue"])
            self.assertTrue(order.info_overdue)
            overdue = self.env["sale.order"].search([("info_overdue", "=", True)])
            self.assertIn(order, overdue)
            self.assertNotIn(
                order, self.env["sale.order"].search([("info_overdue", "=", False)])
            )
            order.with_user(self.clerk).action_record_customer_answer(
                "Needed by 15 December"
            )
            order.invalidate_recordset(["info_overdue"])
            self.assertFalse(order.info_overdue)
            self.assertFalse(activity.exists(), "the activity is done")
            self.assertIn("Needed by 15 December", order.message_ids[0].body)
            self.assertEqual(order.workflow_stage, "info_needed")
            order.requested_date = "2026-12-15"
            order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.workflow_stage, "approval")

    def test_reject_then_restore_by_a_manager(self):
        order = self._complete_order()
        with self.assertRaisesRegex(UserError, "reason"):
            order.with_user(self.clerk).action_review_reject(" ")
        self.assertEqual(order.workflow_stage, "intake")
        order.with_user(self.clerk).action_review_reject("Product discontinued")
        self.assertEqual(order.workflow_stage, "rejected")
        self.assertEqual(order.review_note, "Product discontinued")
        self.assertEqual(order.review_decided_by_id, self.clerk)
        with self.assertRaises(AccessError):
            order.with_user(self.clerk).action_review_restore()
        with self.assertRaisesRegex(UserError, "stage"):
            order.with_user(self.clerk).action_review_pass()
        order.with_user(self.manager).action_review_restore()
        self.assertEqual(order.workflow_stage, "intake")

    def test_wrong_roles_are_refused(self):
        order = self._complete_order()
        for user in (self.tech, self.finance, self.users["group_shipping_clerk"]):
            with self.assertRaises(AccessError):
                order.with_user(user).action_review_pass()
            with self.assertRaises(AccessError):
                order.with_user(user).action_review_need_info("x")
            with self.assertRaises(AccessError):
                order.with_user(user).action_review_reject("x")
            with self.assertRaises(AccessError):
                order.with_user(user).action_review_restore()
        self.assertEqual(order.review_state, "pending")

    def test_orders_outside_the_workflow_have_no_review(self):
        order = self._create_order(team=self.team_off)
        with self.assertRaisesRegex(UserError, "not under the order workflow"):
            order.with_user(self.clerk).action_review_pass()
        self.assertFalse(order.review_problems)

    def test_waiting_for_me(self):
        intake = self._complete_order()
        priced = self._complete_order(price=80.0)
        priced.with_user(self.clerk).action_review_pass()
        SaleOrder = self.env["sale.order"]
        mine = SaleOrder.with_user(self.clerk).search(
            [("ow_waiting_for_me", "=", True)]
        )
        self.assertIn(intake, mine)
        self.assertNotIn(priced, mine)
        mine = SaleOrder.with_user(self.finance).search(
            [("ow_waiting_for_me", "=", True)]
        )
        self.assertIn(priced, mine)
        self.assertNotIn(intake, mine)

    def test_first_order_shows_the_checklist(self):
        order = self._complete_order()
        self.assertTrue(order.is_first_order)
        previous = self._complete_order(team=self.team_off)
        previous.action_confirm()
        order.invalidate_recordset(["is_first_order"])
        self.assertFalse(order.is_first_order)

    def test_form_fields_of_intake(self):
        form = Form(self.env["sale.order"].with_user(self.clerk))
        form.partner_id = self.good_customer
        form.team_id = self.team
        form.order_channel = "channel"
        form.order_source = "fax"
        form.client_order_ref = "PO-1"
        form.requested_date = fields.Date.today()
        order = form.save()
        self.assertEqual(
            (order.order_channel, order.order_source, order.client_order_ref),
            ("channel", "fax", "PO-1"),
        )

    def test_pass_costs_the_same_for_1_and_50_lines(self):
        # same approval levels for both sizes: only the line count differs
        self.env.company.order_workflow_director_threshold = 1e12
        self.env.company.order_workflow_gm_threshold = 1e12
        counts = []
        for lines in (1, 50):
            warm, order = self._complete_order(lines), self._complete_order(lines)
            self._queries(warm.with_user(self.clerk).action_review_pass)
            with self.assertQueryCount(PASS_QUERIES):
                counts.append(
                    self._queries(order.with_user(self.clerk).action_review_pass)
                )
        self.assertEqual(counts[0], counts[1])


PASS_QUERIES = 155  # measured, warm: includes requesting the approval
