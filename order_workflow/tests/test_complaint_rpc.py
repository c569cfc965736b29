# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints over XML-RPC: each step by its role, each wrong role refused, and the
decisions not written by hand."""

import xmlrpc.client

from odoo.tests import HttpCase, tagged

from .common import rpc_caller
from .test_complaint import ComplaintCase

TICKET = "helpdesk.ticket"


@tagged("post_install", "-at_install")
class TestComplaintRpc(ComplaintCase, HttpCase):
    def _callers(self, *users):
        return [rpc_caller(self, user.login) for user in users]

    def test_each_step_by_its_role_over_rpc(self):
        order = self._released_order()
        clerk, service, shipper, production, qc, manager = self._callers(
            self.clerk,
            self.service,
            self.shipper,
            self.supervisor,
            self.qc,
            self.manager,
        )
        # registering: the order clerk or the service supervisor
        for wrong in (shipper, production, qc):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Only|not allowed"):
                wrong(
                    "sale.order",
                    "action_open_complaint",
                    [order.id],
                    "quality",
                    "Cracked",
                    complaint_qty=1,
                )
        self.assertFalse(order.complaint_ids)
        ticket_id = clerk(
            "sale.order",
            "action_open_complaint",
            [order.id],
            "quality",
            "Cracked housings",
            complaint_qty=1,
        )
        ticket = self.Ticket.browse(ticket_id)
        self.assertEqual(ticket.sale_order_id, order)
        self.assertEqual(ticket.complaint_qty, 1)
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Unknown complaint details"):
            clerk(
                "sale.order",
                "action_open_complaint",
                [order.id],
                "quality",
                "Cracked",
                response_overdue=True,
            )
        # the first response: the clerk (the sales manager is one too) or the
        # service supervisor
        for wrong in (production, shipper, qc):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Only|not allowed"):
                wrong(TICKET, "action_first_response", [ticket_id], "Hello")
        self.assertFalse(ticket.first_response_on)
        self.assertIs(
            clerk(TICKET, "action_first_response", [ticket_id], "We will inspect"),
            True,
        )
        ticket.invalidate_recordset()
        self.assertTrue(ticket.first_response_on)
        # the decisions are not written by hand, by anyone
        for caller in (clerk, service):
            for vals in (
                {"complaint_validity": "valid"},
                {"resolution": "repair"},
                {"responsible_department": "production"},
                {"first_response_on": False},
            ):
                with self.assertRaisesRegex(xmlrpc.client.Fault, "by hand"):
                    caller(TICKET, "write", [ticket_id], vals)
        # the assessment: the service supervisor only
        for wrong in (clerk, manager, qc):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Only|not allowed"):
                wrong(
                    TICKET,
                    "action_assess_complaint",
                    [ticket_id],
                    True,
                    "Confirmed",
                    "production",
                )
        ticket.invalidate_recordset()
        self.assertEqual(ticket.complaint_validity, "pending")
        service(
            TICKET, "action_assess_complaint", [ticket_id], True, "Confirmed", "quality"
        )
        # the 8D: the service supervisor or the QC inspector
        for wrong in (clerk, production, shipper):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Only|not allowed"):
                wrong(TICKET, "action_open_8d", [ticket_id])
        nc_id = qc(TICKET, "action_open_8d", [ticket_id])
        ticket.invalidate_recordset()
        self.assertEqual(ticket.nonconformity_id.id, nc_id)
        # the resolution: the service supervisor only
        for wrong in (clerk, manager, production):
            with self.assertRaisesRegex(xmlrpc.client.Fault, "Only|not allowed"):
                wrong(TICKET, "action_resolve", [ticket_id], "replace", "New units")
        ticket.invalidate_recordset()
        self.assertFalse(ticket.resolution)
        self.assertFalse(ticket.complaint_rma_ids)
        rma_id = service(TICKET, "action_resolve", [ticket_id], "replace", "New units")
        ticket.invalidate_recordset()
        self.assertEqual(ticket.complaint_rma_ids.ids, [rma_id])
        self.assertEqual(ticket.resolution, "replace")
        self.assertEqual(ticket.complaint_state, "waiting")
        # closing by hand is refused while the RMA and the 8D are open
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "can't be closed"):
            service(TICKET, "write", [ticket_id], {"stage_id": done.id})
        ticket.invalidate_recordset()
        self.assertFalse(ticket.closed)

    def test_invalid_assessment_over_rpc(self):
        order = self._released_order()
        (service,) = self._callers(self.service)
        ticket_id = service(
            "sale.order",
            "action_open_complaint",
            [order.id],
            "service",
            "The driver was rude",
        )
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Write why"):
            service(TICKET, "action_assess_complaint", [ticket_id], False, "")
        service(
            TICKET, "action_assess_complaint", [ticket_id], False, "Not our carrier"
        )
        ticket = self.Ticket.browse(ticket_id)
        self.assertEqual(ticket.complaint_validity, "invalid")
        self.assertTrue(ticket.closed)
        with self.assertRaisesRegex(xmlrpc.client.Fault, "by hand"):
            service(TICKET, "write", [ticket_id], {"complaint_validity": "valid"})
