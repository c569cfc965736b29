# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Purchases for workflow orders (purchase_order_material.py): the supplier's
acknowledgement, the buyer's reminder, and the Order Progress Report."""

import io
import re
import xmlrpc.client
from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.pdf import PdfFileReader

from . import test_reports_pdf as pdf_tests
from .common import rpc_caller
from .test_material import MaterialCase


@tagged("post_install", "-at_install")
class TestSupplierAcknowledgement(MaterialCase):
    def _confirmed_purchase(self):
        order = self._released_order()
        purchase = self._purchase_line(order).order_id
        purchase.button_confirm()
        self.assertEqual(purchase.ow_sale_order_ids, order)
        return order, purchase

    def test_buyer_records_the_acknowledgement(self):
        order, purchase = self._confirmed_purchase()
        self.assertFalse(purchase.supplier_acknowledged)
        with self.assertRaises(AccessError):
            purchase.with_user(self.clerk).action_supplier_acknowledge()
        self.assertIs(
            purchase.with_user(self.buyer).action_supplier_acknowledge(), True
        )
        self.assertTrue(purchase.mail_reception_confirmed, "Odoo's own record")
        self.assertTrue(purchase.supplier_acknowledged)
        with self.assertRaisesRegex(UserError, "already acknowledged"):
            purchase.with_user(self.buyer).action_supplier_acknowledge()

    def test_the_purchasing_reviewer_records_it_as_a_buyer(self):
        """The Purchasing Reviewer (采购部) is a buyer, the demo 'purchase' too."""
        reviewer = self.users["group_purchase_reviewer"]
        self.assertTrue(reviewer.has_group("purchase.group_purchase_user"))
        _order, purchase = self._confirmed_purchase()
        self.assertIs(purchase.with_user(reviewer).action_supplier_acknowledge(), True)
        self.assertTrue(purchase.supplier_acknowledged)
        demo = self.env.ref("order_workflow.user_demo_purchase")
        self.assertTrue(demo.has_group("purchase.group_purchase_user"))

    def test_an_rfq_not_sent_cannot_be_acknowledged(self):
        order = self._released_order()
        purchase = self._purchase_line(order).order_id
        self.assertEqual(purchase.state, "draft")
        with self.assertRaisesRegex(UserError, "not been sent"):
            purchase.with_user(self.buyer).action_supplier_acknowledge()

    def test_the_reminder_confirmation_counts_as_acknowledged(self):
        _order, purchase = self._confirmed_purchase()
        purchase.confirm_reminder_mail()
        self.assertTrue(purchase.supplier_acknowledged)

    def test_unacknowledged_after_two_working_days_reminds_the_buyer_once(self):
        activity_type = self.env.ref("order_workflow.activity_supplier_acknowledgement")
        _order, purchase = self._confirmed_purchase()
        purchase.user_id = self.buyer
        cron = self.env["purchase.order"]._cron_remind_supplier_acknowledgement
        purchase.date_approve = datetime.now() - timedelta(hours=1)
        cron()
        self.assertFalse(purchase.activity_ids, "not two working days yet")
        purchase.date_approve = datetime.now() - timedelta(days=7)
        cron()
        cron()
        reminders = purchase.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.user_id, self.buyer)
        purchase.with_user(self.buyer).action_supplier_acknowledge()
        self.assertFalse(
            purchase.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
        )


@tagged("post_install", "-at_install")
class TestOrderProgressReport(MaterialCase):
    def test_report_lists_stage_owner_dates_materials_and_next_step(self):
        order = self._released_order()
        line = self._purchase_line(order)
        line.date_planned = datetime.combine(
            order.promised_date + timedelta(days=2), datetime.min.time()
        )
        html, _fmt = (
            self.env["ir.actions.report"]
            .with_user(self.clerk)
            ._render_qweb_html("order_workflow.report_order_progress", order.ids)
        )
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))
        for expected in (
            "Order Progress Report",
            order.name,
            "Production",
            order.order_clerk_id.name,
            "At risk",
            self.bought.display_name,
            line.order_id.name,
            f"(+ {2 + 3} d)",
            "Waiting for",
        ):
            self.assertIn(expected, text)


@tagged("post_install", "-at_install")
class TestSupplierAcknowledgementRpc(HttpCase):
    def test_only_a_buyer_records_it_over_rpc(self):
        clerk = new_test_user(
            self.env,
            login="ow_rpc_ack_clerk",
            groups="base.group_user,order_workflow.group_order_clerk",
        )
        buyer = new_test_user(
            self.env,
            login="ow_rpc_ack_buyer",
            email="rpc.buyer@example.com",
            groups="base.group_user,purchase.group_purchase_user",
        )
        vendor = self.env["res.partner"].create({"name": "RPC vendor"})
        product = self.env["product.product"].create({"name": "RPC part"})
        purchase = self.env["purchase.order"].create(
            {
                "partner_id": vendor.id,
                "order_line": [
                    (
                        0,
                        0,
                        {"product_id": product.id, "product_qty": 1, "price_unit": 1},
                    )
                ],
            }
        )
        as_clerk = rpc_caller(self, clerk.login)
        as_buyer = rpc_caller(self, buyer.login)
        with self.assertRaisesRegex(xmlrpc.client.Fault, "not been sent"):
            as_buyer("purchase.order", "action_supplier_acknowledge", purchase.ids)
        purchase.button_confirm()
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Only .*Purchase"):
            as_clerk("purchase.order", "action_supplier_acknowledge", purchase.ids)
        self.assertFalse(purchase.mail_reception_confirmed)
        self.assertIs(
            as_buyer("purchase.order", "action_supplier_acknowledge", purchase.ids),
            True,
        )
        purchase.invalidate_recordset()
        self.assertTrue(purchase.mail_reception_confirmed)


@tagged("post_install", "-at_install")
class TestOrderProgressReportPdf(HttpCase):
    def test_prints_a_page_per_salesperson(self):
        customer = self.env["res.partner"].create({"name": "Progress customer"})
        team = self.env["crm.team"].create(
            {"name": "Progress team", "use_order_workflow": True}
        )
        sellers = [
            new_test_user(
                self.env,
                login=f"ow_progress_{i}",
                groups="sales_team.group_sale_salesman",
            )
            for i in range(2)
        ]
        orders = self.env["sale.order"].create(
            [
                {"partner_id": customer.id, "team_id": team.id, "user_id": seller.id}
                for seller in sellers
            ]
        )
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, _fmt = report._render_qweb_pdf(
            "order_workflow.report_order_progress", orders.ids
        )
        self.assertGreater(
            pdf_tests.TestReportsPdf._ink(self, pdf), 0.005, "the page is not blank"
        )
        pages = len(PdfFileReader(io.BytesIO(pdf)).pages)
        self.assertEqual(pages, 2, "one page per salesperson")
