# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""After-sales (issue 18): a customer's complaint on an order gets its first response
within the company's response time, is assessed, resolved (an RMA for replace and
refund, an 8D for a valid quality complaint) and closes only when nothing is pending."""

from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .test_shipping import ShippingCase

REGISTERED = datetime(2026, 11, 20, 8, 0)


class ComplaintCase(ShippingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["helpdesk.ticket"]
        cls.team.user_id = cls.manager
        cls.after_sales = cls.env.ref("order_workflow.helpdesk_team_after_sales")
        cls.after_sales.user_id = cls.service
        cls.response_type = cls.env.ref("order_workflow.activity_complaint_response")

    def _shipped_order(self):
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        self._ship(order)
        return order

    def _complaint(self, order, category="quality", user=None, **register):
        ticket_id = order.with_user(user or self.clerk).action_open_complaint(
            category, "Scratches on the housing of every unit", **register
        )
        return self.Ticket.browse(ticket_id)

    def _response_activities(self, ticket):
        return ticket.activity_ids.filtered(
            lambda a: a.activity_type_id == self.response_type
        )

    def _cron(self, at):
        with freeze_time(at):
            self.Ticket._cron_complaint_response_overdue()

    def _valid(self, ticket, department="production"):
        ticket.with_user(self.service).action_assess_complaint(
            True, "Confirmed on the returned samples", department
        )

    def _messages_to_customer(self, ticket):
        return ticket.message_ids.filtered(
            lambda m: self.good_customer in m.partner_ids
            and m.subtype_id == self.env.ref("mail.mt_comment")
        )


@tagged("post_install", "-at_install")
class TestComplaintResponse(ComplaintCase):
    def test_registered_from_the_order_with_24_hours_to_respond(self):
        order = self._shipped_order()
        with freeze_time(REGISTERED):
            ticket = self._complaint(order)
        self.assertTrue(ticket.is_complaint)
        self.assertEqual(ticket.team_id, self.after_sales)
        self.assertEqual(ticket.sale_order_id, order)
        self.assertEqual(ticket.partner_id, self.good_customer)
        self.assertEqual(ticket.picking_id, self._out_picking(order))
        self.assertEqual(ticket.complaint_product_id, self.product)
        self.assertEqual(ticket.complaint_qty, 1)
        self.assertEqual(ticket.complaint_category, "quality")
        self.assertEqual(ticket.complaint_state, "registered")
        self.assertEqual(ticket.first_response_due, REGISTERED + timedelta(hours=24))
        self.assertFalse(ticket.first_response_on)
        self.assertEqual(order.complaint_ids, ticket)
        self.assertEqual(order.complaint_count, 1)
        # the company's response time applies to the complaints registered after
        self.env.company.complaint_response_hours = 4
        with freeze_time(REGISTERED):
            other = self._complaint(order, "packaging")
        self.assertEqual(other.first_response_due, REGISTERED + timedelta(hours=4))
        self.assertEqual(ticket.first_response_due, REGISTERED + timedelta(hours=24))
        self.assertEqual(order.complaint_count, 2)

    def test_overdue_complaint_is_flagged_once_for_service_and_sales(self):
        order = self._shipped_order()
        with freeze_time(REGISTERED):
            late = self._complaint(order)
        with freeze_time(REGISTERED + timedelta(hours=20)):
            recent = self._complaint(order, "delivery")
        self._cron(REGISTERED + timedelta(hours=23))
        self.assertFalse(late.response_overdue, "not yet due")
        self.assertFalse(self._response_activities(late))
        self._cron(REGISTERED + timedelta(hours=25))
        self.assertTrue(late.response_overdue)
        self.assertFalse(recent.response_overdue)
        activities = self._response_activities(late)
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.service | self.manager)
        self.assertFalse(self._response_activities(recent))
        self._cron(REGISTERED + timedelta(hours=26))
        self.assertEqual(self._response_activities(late), activities, "no second")
        # the late answer clears the reminders; the flag stays for the record
        late.with_user(self.clerk).action_first_response("We are looking into it.")
        self.assertFalse(self._response_activities(late))
        self.assertTrue(late.response_overdue)

    def test_first_response_stops_the_clock_and_reaches_the_customer(self):
        order = self._shipped_order()
        with freeze_time(REGISTERED):
            ticket = self._complaint(order)
        with self.assertRaisesRegex(UserError, "Write the first response"):
            ticket.with_user(self.clerk).action_first_response("  ")
        self.assertFalse(ticket.first_response_on)
        answered = REGISTERED + timedelta(hours=3)
        with freeze_time(answered):
            ticket.with_user(self.clerk).action_first_response(
                "We received your complaint and will inspect the units."
            )
        self.assertEqual(ticket.first_response_on, answered)
        self.assertEqual(ticket.complaint_state, "responded")
        self.assertFalse(ticket.stage_id.unattended)
        self._send_queued()
        sent = self._messages_to_customer(ticket).filtered(
            lambda m: "inspect the units" in m.body
        )
        self.assertEqual(len(sent), 1)
        self._cron(REGISTERED + timedelta(hours=30))
        self.assertFalse(ticket.response_overdue)
        self.assertFalse(self._response_activities(ticket))
        with self.assertRaisesRegex(UserError, "already had its first response"):
            ticket.with_user(self.service).action_first_response("Again")
        self.assertEqual(ticket.first_response_on, answered)

    def test_comment_to_the_customer_stops_the_clock_a_note_does_not(self):
        order = self._shipped_order()
        with freeze_time(REGISTERED):
            ticket = self._complaint(order)
        ticket.with_user(self.clerk).message_post(
            body="Called the warehouse", subtype_xmlid="mail.mt_note"
        )
        self.assertFalse(ticket.first_response_on)
        self._cron(REGISTERED + timedelta(hours=25))
        self.assertTrue(ticket.response_overdue)
        self.assertEqual(len(self._response_activities(ticket)), 2)
        ticket.with_user(self.clerk).message_post(
            body="Dear customer, we are on it.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.good_customer.ids,
        )
        self.assertTrue(ticket.first_response_on)
        self.assertFalse(self._response_activities(ticket))


@tagged("post_install", "-at_install")
class TestComplaintResolution(ComplaintCase):
    def test_invalid_complaint_closes_and_the_customer_learns_why(self):
        order = self._shipped_order()
        ticket = self._complaint(order)
        ticket.with_user(self.service).action_assess_complaint(
            False, "The damage comes from storage outdoors"
        )
        self.assertEqual(ticket.complaint_validity, "invalid")
        self.assertEqual(
            ticket.stage_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected"),
        )
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.complaint_state, "closed")
        self.assertTrue(ticket.first_response_on, "the answer is the first response")
        self.assertFalse(ticket.responsible_department)
        self._send_queued()
        sent = self._messages_to_customer(ticket).filtered(
            lambda m: "storage outdoors" in m.body
        )
        self.assertEqual(len(sent), 1)
        with self.assertRaisesRegex(UserError, "is closed"):
            ticket.with_user(self.service).action_resolve("explained", "No")

    def test_replace_opens_an_rma_and_the_complaint_closes_with_it(self):
        order = self._shipped_order()
        ticket = self._complaint(order)
        self._valid(ticket)
        self.assertEqual(ticket.complaint_state, "assessed")
        self.assertEqual(ticket.responsible_department, "production")
        rma_id = ticket.with_user(self.service).action_resolve(
            "replace", "Two new units"
        )
        rma = self.env["rma"].browse(rma_id)
        self.assertEqual(ticket.complaint_rma_ids, rma)
        self.assertEqual(rma.complaint_id, ticket)
        self.assertEqual(rma.order_id, order)
        self.assertEqual(rma.product_id, self.product)
        self.assertEqual(rma.product_uom_qty, 1)
        self.assertEqual(rma.operation_id, self.env.ref("rma.rma_operation_replace"))
        self.assertEqual(rma.move_id.picking_id, self._out_picking(order))
        self.assertEqual(rma.state, "draft")
        self.assertEqual(ticket.resolution, "replace")
        self.assertEqual(ticket.complaint_state, "waiting")
        self.assertFalse(ticket.closed)
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        for user in (self.service, self.env.ref("base.user_admin")):
            with self.assertRaisesRegex(UserError, "return \\(RMA\\) is not done"):
                ticket.with_user(user).stage_id = done
        self.assertFalse(ticket.closed)
        rma.with_user(self.service).action_confirm()
        self.assertEqual(rma.state, "confirmed")
        self.assertFalse(ticket.closed)
        # the RMA manager finishes the return
        rma.sudo().write({"state": "replaced"})
        self.assertEqual(ticket.stage_id, done)
        self.assertEqual(ticket.complaint_state, "closed")

    def test_cancelled_rma_reopens_the_resolution(self):
        order = self._shipped_order()
        ticket = self._complaint(order, complaint_qty=1)
        self._valid(ticket)
        rma = self.env["rma"].browse(
            ticket.with_user(self.service).action_resolve("refund", "Credit note")
        )
        self.assertEqual(rma.operation_id, self.env.ref("rma.rma_operation_refund"))
        rma.with_user(self.service).action_cancel()
        self.assertEqual(rma.state, "cancelled")
        self.assertFalse(ticket.resolution)
        self.assertEqual(ticket.complaint_state, "assessed")
        self.assertFalse(ticket.closed)
        self.assertIs(
            ticket.with_user(self.service).action_resolve("repair", "Fixed"), True
        )
        self.assertEqual(ticket.complaint_state, "closed")

    def test_quality_8d_keeps_the_complaint_open_until_it_closes(self):
        order = self._shipped_order()
        ticket = self._complaint(order)
        self._valid(ticket)
        nc = self.env["mgmtsystem.nonconformity"].browse(
            ticket.with_user(self.service).action_open_8d()
        )
        self.assertEqual(ticket.nonconformity_id, nc)
        self.assertEqual(nc.complaint_id, ticket)
        self.assertIn(order.name, nc.description)
        self.assertIn(self.service, nc.eight_d_team_ids)
        with self.assertRaisesRegex(UserError, "already has its 8D"):
            ticket.with_user(self.service).action_open_8d()
        ticket.with_user(self.service).action_resolve("repair", "Reworked on site")
        self.assertFalse(ticket.closed, "its 8D is open")
        self.assertEqual(ticket.complaint_state, "waiting")
        with self.assertRaisesRegex(UserError, "8D report is not closed"):
            ticket.with_user(self.service).stage_id = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_stage_done"
            )
        nc = nc.with_user(self.service)
        stage = "mgmtsystem_nonconformity.stage_%s"
        nc.stage_id = self.env.ref(stage % "analysis")
        nc.write({"analysis": "Fixture worn", "eight_d_containment": "Sorted stock"})
        nc.stage_id = self.env.ref(stage % "pending")
        with self.assertRaises(ValidationError):
            nc.stage_id = self.env.ref(stage % "open")
        nc.action_comments = "Replace the fixture"
        nc.stage_id = self.env.ref(stage % "open")
        self.assertFalse(ticket.closed)
        with self.assertRaises(ValidationError):
            nc.stage_id = self.env.ref(stage % "done")
        self.assertFalse(ticket.closed)
        nc.evaluation_comments = "No recurrence on the next three lots"
        nc.stage_id = self.env.ref(stage % "done")
        self.assertEqual(nc.state, "done")
        self.assertEqual(ticket.complaint_state, "closed")
        self.assertEqual(
            ticket.stage_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        )

    def test_disputed_receipt_opens_a_delivery_complaint(self):
        order = self._shipped_order()
        picking = self._out_picking(order)
        picking.with_user(self.shipper).action_register_receipt(
            "Zhou Min", fields.Date.today(), issue_note="Two cartons crushed"
        )
        ticket = picking.complaint_ids
        self.assertEqual(len(ticket), 1)
        self.assertTrue(ticket.is_complaint)
        self.assertEqual(ticket.complaint_category, "delivery")
        self.assertEqual(ticket.sale_order_id, order)
        self.assertEqual(ticket.partner_id, self.good_customer)
        self.assertIn("Two cartons crushed", ticket.description)
        self.assertTrue(ticket.first_response_due)
        self.assertEqual(order.complaint_ids, ticket)
        # a receipt without an issue opens none
        other = self._shipped_order()
        self._out_picking(other).with_user(self.shipper).action_register_receipt(
            "Zhou Min", fields.Date.today()
        )
        self.assertFalse(other.complaint_ids)
