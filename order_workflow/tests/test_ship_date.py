# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The agreed ship date and the customer PO on the Shipping Request (issue 16): the
finished-goods date is not the ship date."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools.misc import format_date

from .test_production import _text
from .test_shipping import ShippingCase

REPORT = "order_workflow.report_shipping_request"


@tagged("post_install", "-at_install")
class TestShipDate(ShippingCase):
    def test_shipping_request_prints_the_agreed_ship_date_and_the_customer_po(self):
        order = self._ready_order()
        ship_on = order.promised_date + timedelta(days=3)
        order.with_user(self.clerk).write(
            {"planned_ship_date": ship_on, "client_order_ref": "PO-4711"}
        )
        order.with_user(self.clerk).action_issue_shipping_request()
        html, _type = self.env["ir.actions.report"]._render_qweb_html(REPORT, order.ids)
        text = _text(html)
        self.assertIn("Customer PO PO-4711", text)
        self.assertIn(f"Agreed ship date {format_date(self.env, ship_on)} ", text)
        self.assertIn(
            f"Finished-goods date {format_date(self.env, order.promised_date)} ",
            text,
        )
        self.assertNotIn("Requested ship date", text)

    def test_only_the_clerk_sets_it_until_the_request_is_issued(self):
        order = self._ready_order()
        salesman = new_test_user(
            self.env,
            login="ow_plain_salesman",
            groups="base.group_user,sales_team.group_sale_salesman_all_leads",
        )
        tomorrow = fields.Date.today() + timedelta(days=1)
        for user in (salesman, self.users["group_finance_reviewer"]):
            with self.assertRaises(AccessError):
                order.with_user(user).planned_ship_date = tomorrow
        self.assertFalse(order.planned_ship_date)
        order.with_user(self.clerk).planned_ship_date = tomorrow
        self.assertEqual(order.planned_ship_date, tomorrow)
        order.with_user(self.clerk).action_issue_shipping_request()
        with self.assertRaisesRegex(UserError, "shipping request is issued"):
            order.with_user(self.clerk).planned_ship_date = tomorrow + timedelta(1)
        order.with_user(self.clerk).planned_ship_date = tomorrow  # unchanged: fine
        self.assertEqual(order.planned_ship_date, tomorrow)
        self.assertFalse(order.copy().planned_ship_date)
