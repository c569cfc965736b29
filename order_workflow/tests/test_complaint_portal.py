# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer files a complaint on the portal (controllers/complaint_portal.py): OCA's
ticket form with the order and the category; someone else's order is never linked;
tickets of other types, or of none, as OCA ships them."""

from datetime import timedelta

from odoo import fields, http
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.customer = env.ref("order_workflow.demo_customer_a")
        cls.other_customer = env.ref("order_workflow.demo_customer_b")
        Order = env["sale.order"]
        domain = [("state", "=", "sale"), ("use_order_workflow", "=", True)]
        cls.order = Order.search(
            domain + [("partner_id", "=", cls.customer.id)], limit=1
        )
        cls.other_order = Order.search(
            domain + [("partner_id", "=", cls.other_customer.id)], limit=1
        )
        assert cls.order and cls.other_order, "the demo data has confirmed orders"
        # the portal user is a contact of the customer company
        cls.contact = env["res.partner"].create(
            {
                "name": "Zhang Wei",
                "parent_id": cls.customer.id,
                "email": "zhang.wei@example.com",
            }
        )
        cls.portal_user = new_test_user(
            env,
            login="ow_portal_customer",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        cls.complaint_type = env.ref("order_workflow.ticket_type_complaint")
        cls.Ticket = env["helpdesk.ticket"]

    def _submit(self, **values):
        data = {
            "csrf_token": http.Request.csrf_token(self),
            "subject": "Valves leak",
            "description": "Two valves of the delivery leak at the flange.",
            **values,
        }
        before = self.Ticket.search([])
        response = self.url_open("/submitted/ticket", data=data)
        self.assertEqual(response.status_code, 200)
        ticket = self.Ticket.search([]) - before
        self.assertEqual(len(ticket), 1, "one ticket was filed")
        return ticket

    def test_form_preselects_the_complaint_and_the_order(self):
        self.authenticate("ow_portal_customer", "ow_portal_customer")
        response = self.url_open(f"/new/ticket?sale_order={self.order.id}")
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn(self.order.name, html)
        self.assertIn('name="sale_order"', html)
        self.assertIn('name="complaint_category"', html)
        self.assertIn(f'<option value="{self.order.id}" selected="', html)
        # the type: chosen in helpdesk_type's select or, without it, a hidden input
        self.assertRegex(
            html,
            rf'(value="{self.complaint_type.id}" selected="|'
            rf'type="hidden" name="type" value="{self.complaint_type.id}")',
        )
        self.assertNotIn(self.other_order.name, html, "only the customer's orders")

    def test_form_offers_the_type_select_with_the_complaint_chosen(self):
        self.env.company.helpdesk_mgmt_portal_type = True
        self.authenticate("ow_portal_customer", "ow_portal_customer")
        html = self.url_open(f"/new/ticket?sale_order={self.order.id}").text
        self.assertIn(f'<option value="{self.complaint_type.id}" selected="', html)
        self.assertNotIn('type="hidden" name="type"', html)

    def test_complaint_filed_on_the_portal(self):
        self.authenticate("ow_portal_customer", "ow_portal_customer")
        ticket = self._submit(
            type=self.complaint_type.id,
            sale_order=self.order.id,
            complaint_category="quality",
        )
        self.assertTrue(ticket.is_complaint)
        self.assertEqual(ticket.sale_order_id, self.order)
        self.assertIn(self.order, ticket.sale_order_ids)
        self.assertEqual(ticket.complaint_category, "quality")
        self.assertEqual(ticket.partner_id, self.contact)
        self.assertEqual(ticket.company_id, self.order.company_id)
        self.assertEqual(
            ticket.team_id, self.env.ref("order_workflow.helpdesk_team_after_sales")
        )
        self.assertIn(self.contact, ticket.message_partner_ids)
        hours = ticket.company_id.complaint_response_hours
        self.assertEqual(hours, 24)
        self.assertTrue(ticket.first_response_due)
        self.assertAlmostEqual(
            ticket.first_response_due,
            ticket.create_date + timedelta(hours=hours),
            delta=timedelta(minutes=5),
        )
        self.assertLess(fields.Datetime.now(), ticket.first_response_due)
        self.assertFalse(ticket.first_response_on)
        self.assertIn(ticket, self.order.complaint_ids)
        # the customer sees the complaint in the portal
        response = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Valves leak", response.text)

    def test_someone_elses_order_is_not_linked(self):
        self.authenticate("ow_portal_customer", "ow_portal_customer")
        for value in (self.other_order.id, "not-an-id", 10**9):
            ticket = self._submit(
                type=self.complaint_type.id,
                sale_order=value,
                complaint_category="no-such-category",
            )
            self.assertTrue(ticket.is_complaint)
            self.assertFalse(ticket.sale_order_id, f"{value} is not linked")
            self.assertFalse(ticket.sale_order_ids)
            self.assertEqual(ticket.complaint_category, "other")
            self.assertNotIn(ticket, self.other_order.sudo().complaint_ids)
        # nor the form preselects it, nor lists it
        html = self.url_open(f"/new/ticket?sale_order={self.other_order.id}").text
        self.assertNotIn(self.other_order.name, html)
        self.assertIn(self.order.name, html)

    def test_a_quotation_is_not_linked(self):
        quotation = self.order.copy()
        self.assertEqual(quotation.state, "draft")
        self.authenticate("ow_portal_customer", "ow_portal_customer")
        ticket = self._submit(type=self.complaint_type.id, sale_order=quotation.id)
        self.assertFalse(ticket.sale_order_id)

    def test_plain_ticket_as_oca_ships_it(self):
        self.authenticate("ow_portal_customer", "ow_portal_customer")
        html = self.url_open("/new/ticket").text
        self.assertNotIn('name="sale_order"', html)
        self.assertNotIn('name="complaint_category"', html)
        self.assertNotIn('name="type"', html)
        ticket = self._submit(sale_order=self.order.id, complaint_category="quality")
        self.assertFalse(ticket.is_complaint)
        self.assertFalse(ticket.type_id)
        self.assertFalse(ticket.sale_order_id)
        self.assertFalse(ticket.complaint_category)
        self.assertFalse(ticket.first_response_due)
        self.assertEqual(ticket.partner_id, self.contact)
        self.assertEqual(ticket.name, "Valves leak")
        self.assertIn(self.contact, ticket.message_partner_ids)
        # another type: the complaint's fields are ignored too
        other_type = self.env["helpdesk.ticket.type"].create(
            {"name": "Question", "show_in_portal": True}
        )
        ticket = self._submit(
            type=other_type.id, sale_order=self.order.id, complaint_category="quality"
        )
        self.assertEqual(ticket.type_id, other_type)
        self.assertFalse(ticket.is_complaint)
        self.assertFalse(ticket.sale_order_id)
        self.assertFalse(ticket.complaint_category)

    def test_portal_order_page_links_to_the_complaint_form(self):
        self.authenticate("ow_portal_customer", "ow_portal_customer")
        url = f"/new/ticket?sale_order={self.order.id}"
        html = self.url_open(f"/my/orders/{self.order.id}").text
        self.assertIn("o_ow_portal_complaint", html)
        self.assertIn(url, html)
        # not on a quotation, nor on an order outside the workflow
        quotation = self.order.copy()
        self.assertEqual(quotation.state, "draft")
        self.assertFalse(quotation._ow_portal_complaint_url())
        html = self.url_open(quotation.get_portal_url()).text
        self.assertNotIn("o_ow_portal_complaint", html)
        outside = self.env["sale.order"].search(
            [("state", "=", "sale"), ("use_order_workflow", "=", False)], limit=1
        )
        self.assertTrue(outside)
        self.assertFalse(outside._ow_portal_complaint_url())
        # nor when the Complaint type is not offered on the portal
        self.complaint_type.show_in_portal = False
        self.assertFalse(self.order._ow_portal_complaint_url())
        html = self.url_open(f"/my/orders/{self.order.id}").text
        self.assertNotIn("o_ow_portal_complaint", html)
        html = self.url_open(url).text
        self.assertNotIn('name="complaint_category"', html)
