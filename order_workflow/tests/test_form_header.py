# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The order form's header shows what this user may do now (issue 16): in each stage
one primary button, the stage's next action, for the role that takes it; no button
the server refuses; one way to approve; the money that holds the order."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .header_common import DEMO_ORDERS, form_buttons, is_primary, visible_buttons

CLERK = "order_workflow.group_order_clerk"
APPROVERS = (
    "order_workflow.group_sales_manager",
    "order_workflow.group_sales_director",
    "order_workflow.group_general_manager",
)
# stage -> (groups of the users who take its next action, that action's button);
# the approval is for the reviewer whose turn it is (can_review)
NEXT_ACTION = {
    "intake": ((CLERK,), "action_review_pass"),
    "info_needed": ((CLERK,), "action_review_pass"),
    "technical_review": (
        (
            "order_workflow.group_technical_reviewer",
            "order_workflow.group_purchase_reviewer",
        ),
        "action_view_technical_reviews",
    ),
    "price_review": (
        ("order_workflow.group_finance_reviewer",),
        "action_price_approve",
    ),
    "approval": ((), "action_approve"),
    # the demo order is sent, the signed copy is awaited
    "customer_confirmation": ((CLERK,), "action_open_register_confirmation_wizard"),
    # the deposit invoice was proposed at the confirmation: to be collected
    "deposit": (
        ("order_workflow.group_finance_reviewer",),
        "action_view_deposit_invoices",
    ),
    "production": (
        ("order_workflow.group_production_supervisor",),
        "action_view_ow_productions",
    ),
    "quality": (("order_workflow.group_qc_inspector",), "action_view_ow_inspections"),
    "payment_hold": (("order_workflow.group_finance_reviewer",), "action_view_invoice"),
    "ready": ((CLERK,), "action_issue_shipping_request"),
    "shipped": (
        (CLERK, "order_workflow.group_shipping_clerk"),
        "action_view_delivery",
    ),
    # the follow-up call is the salesperson's activity in the chatter
    "delivered": ((), None),
    # the money: finance registers the payments of the invoices
    "collection": (
        ("order_workflow.group_finance_reviewer",),
        "action_view_invoice",
    ),
    "closed": ((), None),
    "rejected": (APPROVERS, "action_review_restore"),
    "cancelled": ((), None),
}
ROLES = "clerk manager director gm tech purchase finance production qc shipping service"
OCA_APPROVAL = (
    "//button[not(ancestor::field)][@name='validate_tier' or @name='reject_tier' "
    "or @name='request_validation' or @name='restart_validation']"
)


class _Rollback(Exception):
    pass


@tagged("post_install", "-at_install")
class TestFormHeader(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: cls.env.ref(f"order_workflow.user_demo_{role}")
            for role in ROLES.split()
        }
        cls.orders = {
            stage: cls.env["sale.order"].search(
                [("client_order_ref", "=", ref), ("use_order_workflow", "=", True)],
                limit=1,
            )
            for stage, ref in DEMO_ORDERS.items()
        }

    def _acts(self, stage, order, user):
        groups, button = NEXT_ACTION[stage]
        if stage == "approval":
            return order.with_user(user).ow_can_approve and button
        if stage in ("intake", "info_needed") and not order.review_complete:
            # nothing to pass yet: the clerk asks the customer, records the answer
            button = {
                "intake": "action_open_need_info_wizard",
                "info_needed": "action_open_customer_answer_wizard",
            }[stage]
        return any(user.has_group(g) for g in groups) and button

    def _call(self, order, user, node):
        """Run the button as the user would, then roll it back; the error if the
        server refuses it."""
        method = getattr(order.with_user(user), node.get("name"))
        try:
            with self.env.cr.savepoint():
                method()
                raise _Rollback
        except _Rollback:
            return None
        except (AccessError, UserError, ValidationError) as error:
            return error
        finally:
            self.env.invalidate_all()

    def test_demo_has_an_order_in_every_stage(self):
        for stage, order in self.orders.items():
            self.assertEqual(order.workflow_stage, stage, DEMO_ORDERS[stage])

    def _complete_quotation(self, clerk=None):
        """A quotation of a qualified customer with nothing missing, in Intake."""
        sample = self.orders["ready"]
        clerk = clerk or self.users["clerk"]
        order = (
            self.env["sale.order"]
            .with_user(clerk)
            .create(
                {
                    "partner_id": sample.partner_id.id,
                    "team_id": sample.team_id.id,
                    "user_id": clerk.id,
                    "requested_date": sample.requested_date,
                    "payment_term_id": sample.payment_term_id.id,
                    "order_line": [
                        Command.create(
                            {"product_id": sample.order_line[0].product_id.id}
                        )
                    ],
                }
            )
        )
        self.assertTrue(order.review_complete, order.review_problems)
        return order

    def test_one_primary_button_for_who_acts_now(self):
        wrong = []
        orders = list(self.orders.items())
        orders.append(("intake", self._complete_quotation()))
        for stage, order in orders:
            for role, user in self.users.items():
                primaries = [
                    node.get("name")
                    for node in visible_buttons(order, user)
                    if is_primary(node)
                ]
                expected = self._acts(stage, order, user)
                if primaries != ([expected] if expected else []):
                    wrong.append((stage, role, primaries, expected))
        self.assertEqual(wrong, [])

    def test_no_button_the_server_refuses(self):
        """Every visible header button of a workflow order runs for the user."""
        refused = []
        for stage, order in self.orders.items():
            for role, user in self.users.items():
                for node in visible_buttons(order, user):
                    if node.get("type") != "object":
                        continue
                    error = self._call(order, user, node)
                    if error:
                        refused.append((stage, role, node.get("name"), str(error)))
        self.assertEqual(refused, [])

    def test_refused_buttons_are_hidden_in_approval(self):
        """Before the approval Odoo's Send by Email was the primary button, and
        Confirm and Preview showed: the server refuses all three."""
        order = self.orders["approval"]
        for role in ("clerk", "manager"):
            shown = {
                node.get("name") for node in visible_buttons(order, self.users[role])
            }
            refused = {"action_quotation_send", "action_confirm"}
            self.assertFalse(shown & (refused | {"action_preview_sale_order"}), role)
        with self.assertRaises(UserError):
            order.with_user(self.users["clerk"]).action_quotation_send()

    def test_one_way_to_approve(self):
        """The header's Approve and Reject; OCA's banner, Request Validation and
        Restart Validation are hidden on workflow orders."""
        order = self.orders["approval"]
        manager = self.users["manager"]
        names = [
            node.get("name")
            for node in visible_buttons(
                order, manager, "//button[not(ancestor::field)]"
            )
        ]
        self.assertIn("action_approve", names)
        self.assertIn("action_open_approval_reject_wizard", names)
        for stage, order in self.orders.items():
            for role, user in self.users.items():
                shown = visible_buttons(order, user, OCA_APPROVAL)
                self.assertFalse(shown, f"{stage}, {role}")

    def test_no_approve_on_one_s_own_order(self):
        """OCA's can_review is true for the manager who created the order; the
        server refuses that approval, so the header does not offer it."""
        manager = self.users["manager"]
        order = self._complete_quotation(manager)
        order.with_user(manager).action_review_pass()
        # finance checks every price (the company setting's default)
        order.with_user(self.users["finance"]).action_price_approve()
        self.assertEqual(order.workflow_stage, "approval")
        self.assertTrue(order.with_user(manager).can_review)
        names = [node.get("name") for node in visible_buttons(order, manager)]
        self.assertNotIn("action_approve", names)
        with self.assertRaises(AccessError):
            order.with_user(manager).action_approve()

    def test_money_that_holds_the_order(self):
        deposit, held = self.orders["deposit"], self.orders["payment_hold"]
        self.assertEqual(deposit.ow_deposit_due, deposit.deposit_amount)
        self.assertTrue(deposit.ow_balance_due)
        self.assertTrue(held.ow_balance_due)
        self.assertFalse(held.ow_deposit_due, "its deposit is paid")
        clerk = self.users["clerk"]
        for order, badge in (
            (deposit, "ow_deposit_due_badge"),
            (held, "ow_balance_due_badge"),
        ):
            shown = [
                node.get("name")
                for node, visible in form_buttons(
                    order, clerk, "//span[starts-with(@name, 'ow_')]"
                )
                if visible
            ]
            self.assertEqual(shown, [badge], order.client_order_ref)

    def test_orders_outside_the_workflow_keep_odoo_s_header(self):
        team = self.env["crm.team"].create(
            {"name": "Plain", "use_order_workflow": False}
        )
        clerk = self.users["clerk"]
        order = (
            self.env["sale.order"]
            .with_user(clerk)
            .create(
                {
                    "partner_id": self.orders["intake"].partner_id.id,
                    "team_id": team.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.env.ref(
                                    "order_workflow.demo_product_valve"
                                ).id
                            }
                        )
                    ],
                }
            )
        )
        self.assertFalse(order.use_order_workflow)
        shown = [
            (node.get("id") or node.get("name"), is_primary(node))
            for node in visible_buttons(order, clerk)
        ]
        self.assertEqual(
            shown,
            [
                ("send_by_email_primary", True),
                ("action_confirm", False),
                ("action_preview_sale_order", False),
                ("action_cancel", False),
                # the Excel import is the workflow's tool on every quotation
                (str(self.env.ref("order_workflow.action_order_import").id), False),
            ],
        )
        order.with_user(clerk).action_confirm()
        self.assertIn(
            ("send_by_email", False),
            [
                (node.get("id") or node.get("name"), is_primary(node))
                for node in visible_buttons(order, clerk)
            ],
        )
