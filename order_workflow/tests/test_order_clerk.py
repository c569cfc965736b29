# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The responsible order clerk (跟单员): dispatched by workload, reassigned only by the
sales manager, and the one who gets the clerk's activities of the order."""

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .test_production import ProductionCase

CLERK_GROUPS = "base.group_user,order_workflow.group_order_clerk"


@tagged("post_install", "-at_install")
class TestOrderClerk(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk_b = new_test_user(
            cls.env, login="ow_clerk_b", groups=CLERK_GROUPS, email="b@example.com"
        )

    def _reassign(self, order, clerk):
        order.with_user(self.manager).write({"order_clerk_id": clerk.id})
        self.assertEqual(order.order_clerk_id, clerk)

    def _activity(self, order, xmlid):
        kind = self.env.ref(xmlid)
        return order.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    def test_creator_clerk_else_the_least_loaded_clerk_of_the_company(self):
        plant = self.env["res.company"].create({"name": "Second plant"})

        def user(login, groups=CLERK_GROUPS):
            return new_test_user(
                self.env,
                login=login,
                groups=groups,
                company_id=plant.id,
                company_ids=[Command.set(plant.ids)],
            )

        clerk_a, clerk_b = user("ow_plant_a"), user("ow_plant_b")
        user("ow_plant_manager", "base.group_user,order_workflow.group_sales_manager")
        team = self.env["crm.team"].create(
            {"name": "Plant team", "use_order_workflow": True, "company_id": plant.id}
        )
        vals = {"team_id": team.id, "company_id": plant.id}
        mine = self._create_order(user=clerk_a, **vals)
        self.assertEqual(mine.order_clerk_id, clerk_a, "the creator, a clerk")
        # created by someone else (here the system): the least loaded clerk of the
        # company, a batch spread among them; never the manager, nor another company's
        batch = (
            self.env["sale.order"]
            .with_company(plant)
            .create(
                [
                    {"partner_id": self.customer.id, "team_id": team.id, **vals}
                    for _i in range(3)
                ]
            )
        )
        self.assertEqual([o.order_clerk_id for o in batch], [clerk_b, clerk_a, clerk_b])
        # only open orders count
        batch.filtered(lambda o: o.order_clerk_id == clerk_b).with_user(
            clerk_b
        ).action_cancel()
        nxt = self._create_order(**vals)
        self.assertEqual(nxt.order_clerk_id, clerk_b)
        outside = self._create_order(team=self.team_off, user=self.clerk)
        self.assertFalse(outside.order_clerk_id, "outside the workflow: none")
        # one query for the clerks and one for their load, whatever their number
        new = self.env["sale.order"].with_company(plant)

        def dispatch():
            record = new.new({"use_order_workflow": True, "company_id": plant.id})
            return record.order_clerk_id

        dispatch()  # warm the caches (creating users clears some)
        counts = [self._queries(dispatch)]
        for i in range(10):
            user(f"ow_plant_more_{i}")
        dispatch()
        counts.append(self._queries(dispatch))
        self.assertLessEqual(counts[0], 4, counts)
        self.assertEqual(counts[0], counts[1], counts)

    def test_only_the_sales_manager_reassigns_and_the_chatter_logs_it(self):
        order = self._create_order(user=self.clerk)
        self.assertEqual(order.order_clerk_id, self.clerk)
        for user in (self.clerk, self.clerk_b, self.director):
            with self.assertRaisesRegex(AccessError, "Order clerk"):
                order.with_user(user).write({"order_clerk_id": self.clerk_b.id})
        with self.assertRaisesRegex(AccessError, "Order clerk"):
            self._create_order(user=self.clerk, order_clerk_id=self.clerk_b.id)
        with self.assertRaises(AccessError):
            order.copy({"order_clerk_id": self.clerk_b.id}).with_user(self.clerk).write(
                {"order_clerk_id": self.clerk.id}
            )
        with self.assertRaises(ValidationError):
            order.with_user(self.manager).write({"order_clerk_id": self.tech.id})
        order.with_user(self.manager).with_context(tracking_disable=False).write(
            {"order_clerk_id": self.clerk_b.id}
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(order.order_clerk_id, self.clerk_b)
        logged = order.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "order_clerk_id"
        )
        self.assertEqual(logged.new_value_integer, self.clerk_b.id)
        self.assertEqual(logged.old_value_integer, self.clerk.id)
        self.assertEqual(logged.mail_message_id.author_id, self.manager.partner_id)
        # the form: read-only for the clerk, a choice for the manager
        with (
            Form(order.with_user(self.clerk)) as form,
            self.assertRaises(AssertionError),
        ):
            form.order_clerk_id = self.clerk
        with Form(order.with_user(self.manager)) as form:
            form.order_clerk_id = self.clerk
        self.assertEqual(order.order_clerk_id, self.clerk)
        mine = (
            self.env["sale.order"]
            .with_user(self.clerk)
            .search([("order_clerk_id", "=", self.clerk.id), ("id", "=", order.id)])
        )
        self.assertEqual(mine, order, "My orders as clerk")

    def test_the_clerks_activities_go_to_the_orders_clerk(self):
        # created by one clerk, followed by another: the activities go to the latter
        order = self._complete_order(user=self.clerk)
        self._reassign(order, self.clerk_b)
        order.with_user(self.clerk).action_review_need_info("The drawing is missing.")
        info = self._activity(order, "order_workflow.activity_info_needed")
        self.assertEqual(info.user_id, self.clerk_b)

        rejected = self._in_approval(self.clerk)
        self._reassign(rejected, self.clerk_b)
        rejected.with_user(self.manager).action_reject("Price too low")
        self.assertEqual(
            self._activity(
                rejected, "order_workflow.activity_approval_rejected"
            ).user_id,
            self.clerk_b,
        )

        order = self._approved_order()
        self._reassign(order, self.clerk_b)
        order.with_user(self.clerk).action_send_for_confirmation()
        order.with_user(self.clerk).action_register_signed_confirmation(
            "Li Na", order.date_order.date().isoformat()
        )
        order.with_user(self.clerk).action_reject_returned_confirmation("No stamp")
        ask = order.activity_ids.filtered(lambda a: a.note and "No stamp" in a.note)
        self.assertEqual(ask.user_id, self.clerk_b)

    def _in_approval(self, user):
        order = self._complete_order(user=user)
        order.with_user(self.clerk).action_review_pass()
        self.assertEqual(order.workflow_stage, "approval")
        return order

    def test_production_news_reach_the_orders_clerk(self):
        order = self._released_order(user=self.clerk)
        self.assertEqual(order.create_uid, self.clerk)
        self._reassign(order, self.clerk_b)
        self.env["order_workflow.production.anomaly"].with_user(self.supervisor).create(
            {
                "production_id": order.ow_production_ids.id,
                "anomaly_type": "equipment",
                "description": "Press down.",
                "impact_days": 2,
            }
        )
        anomaly = self._activity(order, "order_workflow.activity_anomaly")
        self.assertIn(self.clerk_b, anomaly.user_id)
        self._produce(order)
        self.assertEqual(order.workflow_stage, "ready")
        self._send_queued()
        told = order.message_ids.filtered(lambda m: "ready to ship" in (m.body or ""))
        self.assertIn(self.clerk_b.partner_id, told.partner_ids)
