# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customer satisfaction over XML-RPC (issue 19): each step by its role, the wrong
roles refused, and the scores and results not written by hand."""

import xmlrpc.client
from datetime import date

from odoo.tests import HttpCase, tagged

from .common import rpc_caller
from .satisfaction_common import SatisfactionCase

CAMPAIGN = "order_workflow.satisfaction.survey"
RESULT = "order_workflow.satisfaction.result"


@tagged("post_install", "-at_install")
class TestSatisfactionRpc(SatisfactionCase, HttpCase):
    def test_follow_up_call_over_rpc(self):
        order = self._delivered()
        clerk, shipper, qc = (
            rpc_caller(self, user.login) for user in (self.clerk, self.shipper, self.qc)
        )
        for wrong in (shipper, qc):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Only|not allowed"):
                wrong("sale.order", "action_record_followup", [order.id], 5, 5, 5, "")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "from 1 to 5"):
            clerk("sale.order", "action_record_followup", [order.id], 5, 9, 5, "")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "workflow's actions"):
            clerk("sale.order", "write", [order.id], {"satisfaction_score": 5.0})
        self.assertIs(
            clerk("sale.order", "action_record_followup", [order.id], 5, 1, 4, "Late"),
            True,
        )
        order.invalidate_recordset()
        self.assertTrue(order.followup_done_on)
        self.assertFalse(
            order.activity_ids.filtered(
                lambda a: a.activity_type_id == self.followup_type
            )
        )
        self.assertEqual(order.complaint_ids.complaint_category, "delivery")

    def test_campaign_over_rpc(self):
        self._delivered()
        manager, service, clerk, qc = (
            rpc_caller(self, user.login)
            for user in (self.sales_manager, self.service, self.clerk, self.qc)
        )
        today = str(date.today())
        with self.assertRaisesRegex(xmlrpc.client.Fault, "sum to 1"):
            manager(
                CAMPAIGN,
                "create",
                {
                    "name": "Bad",
                    "weight_overall": 0.5,
                    "weight_service": 0.5,
                    "weight_quality": 0.5,
                },
            )
        for wrong in (clerk, qc):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "not allowed|Only"):
                wrong(CAMPAIGN, "create", {"name": "Not mine"})
        campaign_id = manager(
            CAMPAIGN,
            "create",
            {
                "name": "RPC survey",
                "date_from": today,
                "date_to": today,
                "weight_overall": 0.5,
                "weight_service": 0.25,
                "weight_quality": 0.25,
            },
        )
        for wrong in (clerk, qc):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Only"):
                wrong(CAMPAIGN, "action_send", [campaign_id])
        with self.assertRaisesRegex(xmlrpc.client.Fault, "workflow's actions"):
            manager(CAMPAIGN, "write", [campaign_id], {"state": "sent"})
        self.assertIs(manager(CAMPAIGN, "action_send", [campaign_id]), True)
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Only"):
            clerk(
                CAMPAIGN,
                "action_record_scores",
                [campaign_id],
                self.good_customer.id,
                80,
                60,
                100,
            )
        result_id = service(
            CAMPAIGN,
            "action_record_scores",
            [campaign_id],
            self.good_customer.id,
            80,
            60,
            100,
        )
        self.assertIsInstance(result_id, int)
        [result] = clerk(RESULT, "read", [result_id], ["total", "below_target"])
        self.assertEqual(result["total"], 80)
        self.assertTrue(result["below_target"])
        with self.assertRaisesRegex(xmlrpc.client.Fault, "workflow's actions"):
            service(RESULT, "write", [result_id], {"score_service": 100})
        with self.assertRaisesRegex(xmlrpc.client.Fault, "0 to 100"):
            service(
                CAMPAIGN,
                "action_record_scores",
                [campaign_id],
                self.customer.id,
                80,
                160,
                100,
            )
