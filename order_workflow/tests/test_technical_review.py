# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import load_chinese
from .test_intake_review import ReviewCase


@tagged("post_install", "-at_install")
class TestTechnicalReview(ReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.purchase = cls.users["group_purchase_reviewer"]
        cls.special = cls.env["product.product"].create(
            {
                "name": "Custom gearbox",
                "list_price": 100.0,
                "type": "consu",
                "always_technical_review": True,
            }
        )

    def _nonstandard_order(self, price=100.0, **vals):
        order = self._complete_order(price=price, **vals)
        order.order_line.write(
            {"is_nonstandard": True, "nonstandard_note": "Stainless housing"}
        )
        return order

    def _review(self, order):
        return order.technical_review_ids.sorted("round")[-1:]

    def _all_three(self, review):
        review.with_user(self.tech).action_assess("feasible", "Can be made")
        review.with_user(self.clerk).action_record_drawing_approval("2026-11-20")
        review.with_user(self.purchase).action_sign_material_statement(
            "Stainless sheet in stock: 2 t"
        )

    def test_order_without_nonstandard_line_skips_the_review(self):
        order = self._complete_order()
        self.assertEqual(order.technical_review_state, "not_needed")
        order.with_user(self.clerk).action_review_pass()
        self.assertFalse(order.technical_review_ids)
        self.assertEqual(order.workflow_stage, "approval")

    def test_nonstandard_line_opens_a_review_with_activities(self):
        order = self._nonstandard_order()
        self.assertEqual(order.technical_review_state, "pending")
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.workflow_stage, "technical_review")
        review = self._review(order)
        self.assertEqual(review.state, "open")
        self.assertEqual(review.round, 1)
        self.assertEqual(review.line_ids, order.order_line)
        types = review.activity_ids.mapped("activity_type_id")
        self.assertIn(
            self.env.ref("order_workflow.activity_technical_assessment"), types
        )
        self.assertIn(self.env.ref("order_workflow.activity_material_statement"), types)
        self.assertEqual(order.technical_review_count, 1)
        self.assertIn(
            review,
            self.env["order_workflow.technical.review"]
            .with_user(self.tech)
            .search([("ow_waiting_for_me", "=", True)]),
        )
        self.assertIn(
            order,
            self.env["sale.order"]
            .with_user(self.tech)
            .search([("ow_waiting_for_me", "=", True)]),
        )

    def test_product_flag_makes_the_line_nonstandard(self):
        form = Form(self.env["sale.order"].with_user(self.clerk))
        form.partner_id = self.good_customer
        form.team_id = self.team
        with form.order_line.new() as line:
            line.product_id = self.special
        order = form.save()
        self.assertTrue(order.order_line.is_nonstandard)
        self.assertEqual(order.technical_review_state, "pending")

    def test_confirm_refused_until_all_three_pieces(self):
        order = self._nonstandard_order()
        order.with_user(self.clerk).action_review_pass()
        review = self._review(order).with_user(self.tech)
        with self.assertRaisesRegex(UserError, "technical assessment") as caught:
            review.action_confirm_feasible()
        self.assertIn("drawing", str(caught.exception))
        self.assertIn("material statement", str(caught.exception))
        review.action_assess("feasible_with_changes", "Thicker wall needed")
        with self.assertRaisesRegex(UserError, "drawing"):
            review.action_confirm_feasible()
        review.with_user(self.clerk).action_record_drawing_approval("2026-11-21")
        with self.assertRaisesRegex(UserError, "material statement"):
            review.action_confirm_feasible()
        review.with_user(self.purchase).action_sign_material_statement("In stock")
        self.assertEqual(review.state, "open")
        self.assertEqual(order.workflow_stage, "technical_review")
        self.assertIs(review.action_confirm_feasible(), True)
        self.assertEqual(review.state, "feasible")
        self.assertEqual(order.technical_review_state, "feasible")
        self.assertEqual(order.workflow_stage, "approval")
        self.assertIn("confirmed feasible", order.message_ids[0].body)

    def test_feasible_leads_to_price_review_when_prices_deviate(self):
        order = self._nonstandard_order(price=80.0)
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.workflow_stage, "technical_review")
        review = self._review(order)
        self._all_three(review)
        review.with_user(self.tech).action_confirm_feasible()
        self.assertEqual(order.workflow_stage, "price_review")

    def test_material_statement_only_by_purchasing_as_themselves(self):
        order = self._nonstandard_order()
        order.with_user(self.clerk).action_review_pass()
        review = self._review(order)
        for user in (self.clerk, self.tech, self.manager):
            with self.assertRaises(AccessError):
                review.with_user(user).action_sign_material_statement("Oral OK")
        with self.assertRaisesRegex(UserError, "oral confirmation is void"):
            review.with_user(self.purchase).action_sign_material_statement(" ")
        # nobody types a signature in, not even the purchasing reviewer or admin
        for user in (self.purchase, self.clerk, self.env.ref("base.user_admin")):
            with self.assertRaises(AccessError):
                review.with_user(user).write(
                    {"material_statement": "x", "material_confirmed_by": self.tech.id}
                )
        self.assertFalse(review.material_statement)
        review.with_user(self.purchase).action_sign_material_statement("2 t in stock")
        self.assertEqual(review.material_confirmed_by, self.purchase)
        self.assertTrue(review.material_confirmed_on)

    def test_wrong_roles(self):
        order = self._nonstandard_order()
        order.with_user(self.clerk).action_review_pass()
        review = self._review(order)
        with self.assertRaises(AccessError):
            review.with_user(self.clerk).action_assess("feasible", "x")
        with self.assertRaises(AccessError):
            review.with_user(self.purchase).action_record_drawing_approval("2026-11-01")
        with self.assertRaises(AccessError):
            review.with_user(self.clerk).action_confirm_feasible()
        with self.assertRaises(AccessError):
            review.with_user(self.clerk).action_mark_not_feasible("x")
        with self.assertRaisesRegex(UserError, "Unknown assessment"):
            review.with_user(self.tech).action_assess("maybe", "x")
        self.assertFalse(review.assessment)

    def _not_feasible(self):
        order = self._nonstandard_order()
        order.with_user(self.clerk).action_review_pass()
        review = self._review(order)
        review.with_user(self.tech).action_mark_not_feasible("Tolerance of 0.01 mm")
        self.assertEqual(review.state, "not_feasible")
        self.assertEqual(order.technical_review_state, "not_feasible")
        self.assertEqual(order.workflow_stage, "technical_review")
        activity = order.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("order_workflow.activity_not_feasible")
        )
        self.assertTrue(activity)
        return order, review

    def test_not_feasible_customer_declines(self):
        order, review = self._not_feasible()
        with self.assertRaises(AccessError):
            review.with_user(self.clerk).action_customer_declines("No")
        review.with_user(self.manager).action_customer_declines("Will buy elsewhere")
        self.assertEqual(review.outcome, "declined")
        self.assertEqual(order.workflow_stage, "rejected")

    def test_not_feasible_customer_insists_with_written_confirmation(self):
        order, review = self._not_feasible()
        with self.assertRaisesRegex(UserError, "written confirmation"):
            review.with_user(self.manager).action_customer_insists("Customer's risk")
        scan = self.env["ir.attachment"].create(
            {"name": "recipe-confirmed.pdf", "datas": base64.b64encode(b"%PDF-1.4")}
        )
        review.with_user(self.manager).write(
            {"recipe_confirmation_ids": [Command.link(scan.id)]}
        )
        review.with_user(self.manager).action_customer_insists(
            "Customer's risk, signed"
        )
        self.assertEqual(review.state, "open")
        self.assertEqual(review.outcome, "insists")
        self.assertEqual(review.risk_note, "Customer's risk, signed")
        review.with_user(self.clerk).action_record_drawing_approval("2026-11-22")
        review.with_user(self.purchase).action_sign_material_statement("OK")
        review.with_user(self.tech).action_confirm_feasible()
        self.assertEqual(order.workflow_stage, "approval")

    def test_not_feasible_alternative_then_second_round(self):
        order, review = self._not_feasible()
        review.with_user(self.manager).action_customer_accepts_alternative(
            "Standard tolerance 0.05 mm"
        )
        self.assertEqual(review.state, "superseded")
        self.assertEqual(order.workflow_stage, "intake")
        order.order_line.nonstandard_note = "Tolerance 0.05 mm"
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(len(order.technical_review_ids), 2)
        second = self._review(order)
        self.assertEqual(second.round, 2)
        self.assertEqual(second.state, "open")
        self.assertEqual(order.workflow_stage, "technical_review")
        self._all_three(second)
        second.with_user(self.tech).action_confirm_feasible()
        self.assertEqual(order.workflow_stage, "approval")

    def test_no_new_round_when_passing_again_with_the_same_lines(self):
        order = self._nonstandard_order(price=80.0)
        order.with_user(self.clerk).action_review_pass()
        review = self._review(order)
        self._all_three(review)
        review.with_user(self.tech).action_confirm_feasible()
        order.with_user(self.finance).action_price_reject("Too cheap")
        order.order_line.price_unit = 100.0
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(len(order.technical_review_ids), 1)
        self.assertEqual(order.workflow_stage, "approval")

    def test_report_shows_assessment_and_signatures(self):
        order = self._nonstandard_order()
        order.with_user(self.clerk).action_review_pass()
        review = self._review(order)
        self._all_three(review)
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "order_workflow.report_technical_review", review.ids
        )
        html = html.decode()
        for expected in (
            "Technical Review Form",
            order.name,
            "Stainless housing",
            "Can be made",
            "Stainless sheet in stock: 2 t",
            self.tech.name,
            self.purchase.name,
        ):
            self.assertIn(expected, html)

    def test_report_in_chinese(self):
        load_chinese(self.env)
        order = self._nonstandard_order()
        order.with_user(self.clerk).action_review_pass()
        review = self._review(order)
        self.tech.lang = "zh_CN"
        html, _fmt = (
            self.env["ir.actions.report"]
            .with_user(self.tech)
            ._render_qweb_html("order_workflow.report_technical_review", review.ids)
        )
        self.assertIn("技术评审单", html.decode())
