# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The two printed forms of after-sales: the 8D Corrective Action Report from a quality
complaint's 8D, the Acceptance Issue Record from a delivery complaint (their content in
the HTML rendering; the real PDF in test_after_sales_reports_pdf.py)."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_production import _text
from .test_shipping import ShippingCase

EIGHT_D = "order_workflow.report_eight_d"
ACCEPTANCE = "order_workflow.report_acceptance_issue"


@tagged("post_install", "-at_install")
class TestAfterSalesReports(ShippingCase):
    def _shipped(self):
        order = self._ready_order()
        order.with_user(self.clerk).action_issue_shipping_request()
        return order, self._ship(order)

    def _html(self, report, records, user):
        html, _fmt = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(report, records.ids)
        )
        return _text(html)

    def _quality_complaint(self, order, picking=None):
        ticket_id = order.with_user(self.clerk).action_open_complaint(
            "quality", "Rust on two pumps", picking_id=picking.id if picking else False
        )
        return self.env["helpdesk.ticket"].browse(ticket_id)

    def _print_menu(self, user, model):
        bindings = self.env["ir.actions.actions"].with_user(user).get_bindings(model)
        return {binding["id"] for binding in bindings.get("report", [])}

    def test_8d_report_prints_the_complaint_and_the_eight_disciplines(self):
        order, picking = self._shipped()
        picking.with_user(self.shipper).action_register_receipt(
            "Zhou Min", "2026-11-25"
        )
        ticket = self._quality_complaint(order, picking)
        ticket.with_user(self.clerk).action_first_response("We are looking into it")
        ticket.with_user(self.service).action_assess_complaint(
            True, "Paint defect confirmed", "production"
        )
        nc = self.env["mgmtsystem.nonconformity"].browse(
            ticket.with_user(self.qc).action_open_8d()
        )
        cause = self.env["mgmtsystem.nonconformity.cause"].create(
            {"name": "Primer layer skipped"}
        )
        action = (
            self.env["mgmtsystem.action"]
            .with_user(self.qc)
            .create(
                {
                    "name": "Retrain the paint line",
                    "type_action": "correction",
                    "user_id": self.supervisor.id,
                    "date_deadline": "2026-12-15",
                }
            )
        )
        nc.with_user(self.qc).write(
            {
                "eight_d_containment": "Lot quarantined in stock",
                "analysis": "The primer pump was blocked",
                "cause_ids": [Command.set(cause.ids)],
                "action_ids": [Command.link(action.id)],
                "action_comments": "Plan agreed with production",
                "eight_d_verification": "Salt spray test passed",
                "eight_d_prevention": "Primer check added to the QC plan",
            }
        )
        action.with_user(self.qc).stage_id = self.env.ref(
            "mgmtsystem_action.stage_close"
        )
        nc.with_user(self.qc).write(
            {
                "evaluation_comments": "No rust on the next three lots",
                "stage_id": self.env.ref("mgmtsystem_nonconformity.stage_done").id,
            }
        )
        self.assertEqual(nc.eight_d_closed_by_id, self.qc, "D8 knows who closed it")
        self.assertTrue(nc.closing_date)
        # the QC inspector prints it, though the complaint is the helpdesk's
        self.assertFalse(self.qc.has_group("helpdesk_mgmt.group_helpdesk_user"))
        text = self._html(EIGHT_D, nc, self.qc)
        for content in (
            "8D Corrective Action Report",
            nc.ref,
            ticket.number,
            order.name,
            self.good_customer.name,
            self.product.name,
            self.qc.name,  # D1: the team
            "Paint defect confirmed",  # D2 from the assessment
            "Lot quarantined in stock",  # D3
            "The primer pump was blocked",  # D4
            "Primer layer skipped",
            "Retrain the paint line",  # D5
            self.supervisor.name,
            "Salt spray test passed",  # D6
            "Primer check added to the QC plan",  # D7
            "No rust on the next three lots",  # D8
            f"Closed by: {self.qc.name}",
        ):
            self.assertIn(content, text)
        nc.with_user(self.qc).stage_id = self.env.ref(
            "mgmtsystem_nonconformity.stage_analysis"
        )
        self.assertFalse(nc.eight_d_closed_by_id, "reopened: no longer closed")
        self.assertNotIn("Closed by", self._html(EIGHT_D, nc, self.service))

    def test_acceptance_record_prints_the_disputed_receipt(self):
        order, picking = self._shipped()
        action = picking.with_user(self.clerk).action_open_receipt_wizard()
        photo = (
            self.env["ir.attachment"]
            .with_user(self.clerk)
            .create({"name": "dent.jpg", "raw": b"\xff\xd8\xff photo"})
        )
        self.env[action["res_model"]].with_user(self.clerk).with_context(
            **action["context"]
        ).create(
            {
                "signed_by": "Zhou Min",
                "receipt_date": "2026-11-26",
                "issue_note": "One crate dented",
                "photo_ids": [Command.set(photo.ids)],
            }
        ).action_register()
        ticket = picking.complaint_ids
        self.assertEqual(ticket.complaint_category, "delivery")
        ticket.with_user(self.service).action_first_response("We check it today")
        ticket.with_user(self.service).action_assess_complaint(
            True, "Crate crushed in transit", "shipping"
        )
        ticket.with_user(self.service).action_resolve(
            "explained", "The carrier pays for the damage"
        )
        self.assertEqual(ticket._ow_photo_count(), 1)
        text = self._html(ACCEPTANCE, ticket, self.clerk)
        for content in (
            "Acceptance Issue Record",
            ticket.number,
            picking.name,
            order.name,
            self.good_customer.name,
            "Zhou Min",
            "11/26/2026",
            "One crate dented",
            "Photos 1 ",
            "Valid",
            "Shipping",
            "Crate crushed in transit",
            "Explained",
            "The carrier pays for the damage",
        ):
            self.assertIn(content, text)

    def test_acceptance_record_is_refused_for_other_tickets(self):
        order = self._released_order()
        quality = self._quality_complaint(order)
        other = self.env["helpdesk.ticket"].create(
            {"name": "Password reset", "description": "<p>Portal login</p>"}
        )
        report = self.env["ir.actions.report"].with_user(self.service)
        for tickets in (quality, other):
            with self.assertRaisesRegex(UserError, "delivery complaints only"):
                report._render_qweb_html(ACCEPTANCE, tickets.ids)
            with self.assertRaisesRegex(UserError, "delivery complaints only"):
                report._render_qweb_pdf(ACCEPTANCE, tickets.ids)

    def test_print_menus_follow_the_roles(self):
        eight_d = self.env.ref("order_workflow.action_report_eight_d").id
        record = self.env.ref("order_workflow.action_report_acceptance_issue").id
        for user in (self.service, self.qc):
            self.assertIn(eight_d, self._print_menu(user, "mgmtsystem.nonconformity"))
        production = self.users["group_production_supervisor"]
        self.assertNotIn(
            eight_d, self._print_menu(production, "mgmtsystem.nonconformity")
        )
        for user in (self.clerk, self.service):
            self.assertIn(record, self._print_menu(user, "helpdesk.ticket"))
