# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sales manager hears of production anomalies and of orders turning late at once;
the customer is thanked when the preliminary review passes. All through the outbox."""

from datetime import datetime, timedelta

from odoo.tests import tagged

from .test_production import ProductionCase


@tagged("post_install", "-at_install")
class TestTellTheRightPeople(ProductionCase):
    def _notes(self, order, what):
        return self.env["order_workflow.outbox"].search(
            [
                ("res_model", "=", "sale.order"),
                ("res_id", "=", order.id),
                ("name", "=", what),
            ]
        )

    def _managers(self, order):
        return self.env.ref("order_workflow.group_sales_manager").users.filtered(
            lambda u: u.active and not u.share and order.company_id in u.company_ids
        )

    def test_the_sales_manager_hears_of_an_anomaly(self):
        order = self._released_order()
        self.env["order_workflow.production.anomaly"].with_user(self.supervisor).create(
            {
                "production_id": order.ow_production_ids.id,
                "anomaly_type": "material",
                "description": "Steel sheet late.",
                "impact_days": 3,
            }
        )
        note = self._notes(order, "Production anomaly")
        self.assertEqual(len(note), 1, "one message to all the sales managers")
        self.assertIn(self.manager.partner_id, note.partner_ids)
        self.assertLessEqual(note.partner_ids, self._managers(order).partner_id)
        self.assertFalse(
            order.message_ids.filtered(
                lambda m: "Steel sheet late" in (m.body or "") and m.partner_ids
            ),
            "nothing is posted inside the click",
        )
        self._send_queued()
        told = order.message_ids.filtered(
            lambda m: "Steel sheet late" in (m.body or "") and m.partner_ids
        )
        self.assertEqual(told.partner_ids, note.partner_ids)

    def test_the_team_leader_is_the_sales_manager_of_the_team(self):
        self.team.user_id = self.manager
        order = self._released_order()
        self.env["order_workflow.production.anomaly"].with_user(self.supervisor).create(
            {
                "production_id": order.ow_production_ids.id,
                "anomaly_type": "quality",
                "description": "Scratches.",
            }
        )
        self.assertEqual(
            self._notes(order, "Production anomaly").partner_ids,
            self.manager.partner_id,
        )

    def test_the_sales_manager_hears_when_an_order_turns_late(self):
        order = self._released_order()
        production = order.ow_production_ids.with_user(self.supervisor)
        late = datetime.combine(
            order.promised_date + timedelta(days=3), datetime.min.time()
        )
        production.date_finished = late
        self.assertTrue(order.delay_risk)
        self.env.flush_all()
        self.env.cr.precommit.run()  # as the transaction commits
        note = self._notes(order, "Delay risk")
        self.assertEqual(len(note), 1)
        self.assertIn(self.manager.partner_id, note.partner_ids)
        # still late: nothing new; back in time then late again: told again
        production.date_finished = late + timedelta(days=1)
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(len(self._notes(order, "Delay risk")), 1)
        production.date_finished = late - timedelta(days=10)
        self.env.flush_all()
        production.date_finished = late
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(len(self._notes(order, "Delay risk")), 2)
        # late for a moment only, within one transaction: nobody is bothered
        production.date_finished = late - timedelta(days=10)
        self.env.flush_all()
        self.env.cr.precommit.run()
        production.date_finished = late
        self.env.flush_all()
        production.date_finished = late - timedelta(days=10)
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(len(self._notes(order, "Delay risk")), 2)
        self._send_queued()
        self.assertTrue(
            order.message_ids.filtered(
                lambda m: "Delay risk" in (m.body or "")
                and self.manager.partner_id in m.partner_ids
            )
        )

    def test_the_customer_is_thanked_when_the_review_passes(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.good_customer.lang = "zh_CN"
        order = self._complete_order(user=self.clerk)
        order.with_user(self.clerk).action_review_pass()
        template = self.env.ref("order_workflow.mail_template_order_acknowledgement")
        entry = self._notes(order, "Order received")
        self.assertEqual(entry.template_id, template)
        self.assertFalse(
            order.message_ids.filtered(lambda m: "is received" in (m.subject or "")),
            "rendered after the click",
        )
        self.assertEqual(template._render_lang(order.ids), {order.id: "zh_CN"})
        self._send_queued()
        # in the customer's language (i18n/zh_CN.po)
        thanks = order.message_ids.filtered(lambda m: "已收到" in (m.subject or ""))
        self.assertEqual(len(thanks), 1)
        self.assertIn(self.good_customer, thanks.partner_ids)
        self.assertIn("感谢您的订单", thanks.body)
        self.assertIn(self.clerk.name, thanks.body, "the order's clerk is the contact")
        self.assertNotIn(
            self.good_customer,
            order.message_partner_ids,
            "the outbox follows no one: the clerk's next click may subscribe the "
            "customer at the same instant (a duplicate follower, make load)",
        )
        # no e-mail address: nothing to send, and the review still passes
        self.good_customer.email = False
        other = self._complete_order()
        other.with_user(self.clerk).action_review_pass()
        self.assertFalse(self._notes(other, "Order received"))
