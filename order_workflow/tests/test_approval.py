# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .test_intake_review import ReviewCase

APPROVE_QUERIES = 50  # measured, warm (the stage also reads the shipping gates;
# the next approver is looked up in the order's company)


@tagged("post_install", "-at_install")
class TestApproval(ReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.director = cls.users["group_sales_director"]
        cls.gm = cls.users["group_general_manager"]
        cls.env.company.order_workflow_price_tolerance = 1e9  # prices are not the topic
        cls.untaxed = cls.env["product.product"].create(
            {"name": "Machine", "list_price": 1.0, "type": "consu", "taxes_id": False}
        )

    def _approval_order(self, amount, lines=1, **vals):
        order = self._complete_order(lines=0, **vals)
        order.order_line = [
            Command.create(
                {
                    "product_id": self.untaxed.id,
                    "product_uom_qty": 1,
                    "price_unit": amount / lines,
                    "tax_id": False,
                }
            )
            for _i in range(lines)
        ]
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.workflow_stage, "approval")
        return order

    def _levels(self, order):
        return order.review_ids.sorted("sequence").mapped("definition_id")

    def test_levels_by_amount_in_sequence(self):
        manager_tier = self.env.ref("order_workflow.tier_definition_manager")
        director_tier = self.env.ref("order_workflow.tier_definition_director")
        gm_tier = self.env.ref("order_workflow.tier_definition_gm")
        small = self._approval_order(50000)
        self.assertEqual(self._levels(small), manager_tier)
        middle = self._approval_order(200000)
        self.assertEqual(self._levels(middle), manager_tier | director_tier)
        large = self._approval_order(800000)
        self.assertEqual(self._levels(large), manager_tier | director_tier | gm_tier)
        # the director can't go before the manager, nor the GM before the director
        with self.assertRaises(AccessError):
            large.with_user(self.director).action_approve()
        with self.assertRaises(AccessError):
            large.with_user(self.gm).action_approve()
        self.assertIs(large.with_user(self.manager).action_approve(), True)
        self.assertEqual(large.workflow_stage, "approval")
        with self.assertRaises(AccessError):
            large.with_user(self.manager).action_approve()
        with self.assertRaises(AccessError):
            large.with_user(self.gm).action_approve()
        large.with_user(self.director).action_approve()
        self.assertEqual(large.workflow_stage, "approval")
        large.with_user(self.gm).action_approve()
        self.assertEqual(large.validation_status, "validated")
        self.assertEqual(large.workflow_stage, "customer_confirmation")
        history = large.review_ids.sorted("sequence")
        self.assertEqual(
            history.mapped("done_by"), self.manager | self.director | self.gm
        )
        self.assertTrue(all(history.mapped("reviewed_date")))

    def test_only_the_next_reviewer_gets_the_activity(self):
        order = self._approval_order(800000)
        approval = self.env.ref("order_workflow.activity_approval")
        activities = order.activity_ids.filtered(
            lambda a: a.activity_type_id == approval
        )
        self.assertIn(self.manager, activities.user_id)
        self.assertNotIn(self.director, activities.user_id)
        self.assertNotIn(self.gm, activities.user_id)
        order.with_user(self.manager).action_approve()
        activities = order.activity_ids.filtered(
            lambda a: a.activity_type_id == approval
        )
        self.assertIn(self.director, activities.user_id)
        self.assertNotIn(self.manager, activities.user_id)

    def test_special_terms_need_the_director(self):
        self.good_customer.property_payment_term_id = self.env.ref(
            "account.account_payment_term_immediate"
        )
        order = self._approval_order(1000)
        self.assertEqual(order.ow_approval_level, 2)
        self.assertIn("Payment terms", order.ow_special_terms)
        self.assertEqual(len(order.review_ids), 2)

    def test_big_discount_needs_the_director(self):
        order = self._complete_order(lines=0)
        order.order_line = [
            Command.create(
                {"product_id": self.untaxed.id, "price_unit": 100, "discount": 25.0}
            )
        ]
        self.assertEqual(order.ow_approval_level, 2)
        self.assertIn("discount", order.ow_special_terms)

    def test_wrong_users_are_refused(self):
        order = self._approval_order(50000)
        for user in (self.clerk, self.director, self.gm, self.tech, self.finance):
            with self.assertRaises(AccessError):
                order.with_user(user).action_approve()
            with self.assertRaises(AccessError):
                order.with_user(user).action_reject("no")
        self.assertNotIn("approved", order.review_ids.mapped("status"))

    def test_salesperson_and_creator_cannot_approve_their_order(self):
        order = self._approval_order(50000, user_id=self.manager.id)
        with self.assertRaisesRegex(AccessError, "salesperson"):
            order.with_user(self.manager).action_approve()
        approval = self.env.ref("order_workflow.activity_approval")
        self.assertNotIn(
            self.manager,
            order.activity_ids.filtered(
                lambda a: a.activity_type_id == approval
            ).user_id,
        )
        other_manager = self.env["res.users"].create(
            {
                "name": "Second manager",
                "login": "ow_manager_2",
                "email": "manager2@example.com",
                "groups_id": [
                    Command.link(self.env.ref("order_workflow.group_sales_manager").id)
                ],
            }
        )
        other_manager_order = order.with_user(other_manager)
        other_manager_order.action_approve()
        self.assertEqual(order.validation_status, "validated")

    def test_general_manager_self_approval_when_the_company_allows(self):
        order = self._approval_order(800000, user_id=self.gm.id)
        order.with_user(self.manager).action_approve()
        order.with_user(self.director).action_approve()
        with self.assertRaises(AccessError):
            order.with_user(self.gm).action_approve()
        self.env.company.order_workflow_gm_self_approve = True
        order.with_user(self.gm).action_approve()
        self.assertEqual(order.validation_status, "validated")

    def test_tier_reviews_cannot_be_written_by_hand(self):
        order = self._approval_order(50000)
        review = order.review_ids
        for user in (self.clerk, self.manager, self.env.ref("base.user_admin")):
            with self.assertRaises(AccessError):
                review.with_user(user).write({"status": "approved"})
            with self.assertRaises(AccessError):
                review.with_user(user).unlink()
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.clerk).create(
                {
                    "model": "sale.order",
                    "res_id": order.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        self.assertNotEqual(review.status, "approved")

    def test_reject_then_change_then_request_again(self):
        order = self._approval_order(200000)
        with self.assertRaisesRegex(UserError, "reason"):
            order.with_user(self.manager).action_reject("")
        order.with_user(self.manager).action_reject("Price too low for this volume")
        self.assertEqual(order.validation_status, "rejected")
        self.assertEqual(order.workflow_stage, "approval")
        self.assertEqual(
            order.ow_approval_rejected_reason, "Price too low for this volume"
        )
        rejected = self.env.ref("order_workflow.activity_approval_rejected")
        self.assertTrue(
            order.activity_ids.filtered(lambda a: a.activity_type_id == rejected)
        )
        order.order_line.price_unit = 210000
        self.assertIn(order.validation_status, ("waiting", "pending"))
        self.assertFalse(order.ow_approval_rejected_reason)
        self.assertIn(
            "Approval restarted", order.message_ids[0].body + order.message_ids[1].body
        )
        order.with_user(self.manager).action_approve()
        order.with_user(self.director).action_approve()
        self.assertEqual(order.workflow_stage, "customer_confirmation")

    def test_change_after_approval_restarts_validation(self):
        order = self._approval_order(50000)
        order.with_user(self.manager).action_approve()
        self.assertEqual(order.workflow_stage, "customer_confirmation")
        order.order_line.with_user(self.clerk).product_uom_qty = 2
        self.assertEqual(order.workflow_stage, "approval")
        self.assertIn(order.validation_status, ("waiting", "pending"))
        order.with_user(self.clerk).write({"payment_term_id": self.payment_term.id})
        self.assertEqual(order.workflow_stage, "approval")

    def test_later_gates_can_write_on_an_approved_order(self):
        order = self._approval_order(50000)
        order.with_user(self.manager).action_approve()
        order.with_user(self.clerk).write(
            {
                "note": "Pack in wooden crates",
                "commitment_date": fields.Datetime.now(),
                "requested_date": fields.Date.today(),
                "signed_by": "Mr Zhang",
                "signed_on": fields.Datetime.now(),
                "client_order_ref": "PO-77",
            }
        )
        self.assertEqual(order.signed_by, "Mr Zhang")
        self.assertEqual(order.validation_status, "validated")

    def test_no_sending_nor_confirming_before_approval(self):
        order = self._approval_order(50000)
        with self.assertRaisesRegex(UserError, "before it is approved"):
            order.with_user(self.clerk).action_quotation_send()
        with self.assertRaisesRegex(UserError, "before it is approved"):
            order.with_user(self.clerk).action_confirm()
        with self.assertRaisesRegex(UserError, "before it is approved"):
            order.with_user(self.clerk).action_preview_sale_order()
        # admin can validate every tier: OCA would let them confirm directly
        with self.assertRaises(UserError):
            order.with_user(self.env.ref("base.user_admin")).action_confirm()
        self.assertEqual(order.state, "draft")
        order.with_user(self.manager).action_approve()
        self.assertTrue(order.with_user(self.clerk).action_quotation_send())

    def test_customer_follower_receives_no_approval_message(self):
        order = self._complete_order(lines=0)
        order.order_line = [
            Command.create({"product_id": self.untaxed.id, "price_unit": 500})
        ]
        order.message_subscribe(partner_ids=self.good_customer.ids)
        order.with_user(self.clerk).action_review_pass()
        order.with_user(self.manager).action_approve()
        self._send_queued()
        notified = self.env["mail.notification"].search(
            [("res_partner_id", "=", self.good_customer.id)]
        )
        self.assertFalse(notified, notified.mail_message_id.mapped("body"))
        self.assertIn(
            self.manager.partner_id,
            self.env["mail.notification"]
            .search(
                [
                    ("mail_message_id.model", "=", "sale.order"),
                    ("mail_message_id.res_id", "=", order.id),
                ]
            )
            .res_partner_id,
            "the reviewer got the e-mail",
        )

    def test_thresholds_only_by_the_general_manager_and_not_retroactive(self):
        order = self._approval_order(200000)
        self.assertEqual(len(order.review_ids), 2)
        wizard = Form(self.env["order_workflow.approval.thresholds"].with_user(self.gm))
        wizard.director_threshold = 300000
        wizard.gm_threshold = 600000
        wizard.save().action_save()
        self.assertEqual(self.env.company.order_workflow_director_threshold, 300000)
        self.assertEqual(len(order.review_ids), 2, "requested reviews are kept")
        self.assertEqual(len(self._approval_order(200000).review_ids), 1)
        with self.assertRaises(AccessError):
            self.env["order_workflow.approval.thresholds"].with_user(
                self.manager
            ).create({"director_threshold": 1, "gm_threshold": 2}).action_save()
        with self.assertRaises(ValidationError):
            self.env["order_workflow.approval.thresholds"].with_user(self.gm).create(
                {"director_threshold": 5, "gm_threshold": 2}
            ).action_save()

    def test_approve_costs_the_same_for_1_and_50_lines(self):
        counts = []
        for lines in (1, 50):
            warm = self._approval_order(1000, lines=lines)
            order = self._approval_order(1000, lines=lines)
            self._queries(warm.with_user(self.manager).action_approve)
            with self.assertQueryCount(APPROVE_QUERIES):
                counts.append(
                    self._queries(order.with_user(self.manager).action_approve)
                )
        self.assertEqual(counts[0], counts[1])

    def test_oca_buttons_go_through_the_same_checks(self):
        order = self._approval_order(50000)
        with self.assertRaises(AccessError):
            order.with_user(self.clerk).validate_tier()
        order.with_user(self.manager).validate_tier()
        self.assertEqual(order.validation_status, "validated")

    def test_customer_quotation_is_not_printed_before_approval(self):
        order = self._approval_order(50000)
        report = self.env["ir.actions.report"].with_user(self.clerk)
        with self.assertRaisesRegex(UserError, "printed for the customer"):
            report._render_qweb_html("sale.report_saleorder", order.ids)
        order.with_user(self.manager).action_approve()
        html, _fmt = report._render_qweb_html("sale.report_saleorder", order.ids)
        self.assertIn(order.name, html.decode())

    def test_reject_through_the_activity_wizard(self):
        """What the chatter's Reject does: open the reason wizard, confirm it."""
        order = self._approval_order(50000)
        with self.assertRaises(AccessError):
            order.with_user(self.director).action_open_approval_reject_wizard()
        action = order.with_user(self.manager).action_open_approval_reject_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .browse(action["res_id"])
        )
        wizard.reason = "Customer credit to be checked first"
        wizard.action_confirm()
        self.assertEqual(order.validation_status, "rejected")
        self.assertEqual(
            order.review_ids.comment, "Customer credit to be checked first"
        )
        self.assertEqual(order.review_ids.done_by, self.manager)
