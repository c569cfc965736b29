# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Applying a product, packaging or cancellation change; the form and the printed
Production Change Request (生产计划变更单)."""

from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .test_change_request import ChangeRequestCase


@tagged("post_install", "-at_install")
class TestChangeRequestApply(ChangeRequestCase):
    def _through(self, request, new_date=None):
        request.with_user(self.clerk).action_submit()
        if request.state == "production_review":
            request.with_user(self.supervisor).action_production_approve(
                new_date or request.order_id.promised_date + timedelta(days=4), "ok"
            )
        if request.state == "approval":
            request.with_user(self.manager).action_approve()
        return request

    def test_product_change_replaces_the_line_and_its_mo(self):
        order = self._released_order()
        old_mo = order.ow_production_ids
        other = self.env["product.product"].create(
            {
                "name": "Blue product",
                "type": "consu",
                "is_storable": True,
                "route_ids": [Command.set(self.product.route_ids.ids)],
                "ships_without_inspection": True,
            }
        )
        bom = self.env["mrp.bom"]._bom_find(self.product)[self.product]
        bom.copy({"product_tmpl_id": other.product_tmpl_id.id})
        line = order.order_line
        request = self._request(
            order, "product", [{"order_line_id": line.id, "new_product_id": other.id}]
        )
        request = self._through(request)
        request.with_user(self.clerk).action_customer_accept()
        self.assertEqual(request.state, "applied", request.apply_error)
        self.assertEqual(line.product_uom_qty, 0)
        self.assertEqual(old_mo.state, "cancel")
        new_line = order.order_line - line
        self.assertEqual(new_line.product_id, other)
        self.assertEqual(new_line.product_uom_qty, 1)
        self.assertEqual(
            order.ow_production_ids.filtered(lambda p: p.state != "cancel").product_id,
            other,
        )

    def test_packaging_change_replaces_the_mo(self):
        order = self._released_order()
        old_mo = order.ow_production_ids
        line = order.order_line
        request = self._through(
            self._request(
                order,
                "packaging",
                [{"order_line_id": line.id, "new_packaging_note": "Wooden crate"}],
            )
        )
        request.with_user(self.clerk).action_customer_accept()
        self.assertEqual(request.state, "applied", request.apply_error)
        self.assertIn("Wooden crate", line.name)
        self.assertEqual(old_mo.state, "cancel")
        self.assertEqual(
            len(order.ow_production_ids.filtered(lambda p: p.state != "cancel")), 1
        )

    def test_cancelling_an_order_with_a_paid_deposit_says_what_happens_to_it(self):
        order = self._released_order()
        order.sudo().deposit_state = "paid"  # (the deposit gate has its own tests)
        request = self._through(self._request(order, "cancel"))
        with self.assertRaisesRegex(UserError, "deposit"):
            request.with_user(self.clerk).action_customer_accept()
        request.with_user(self.clerk).action_customer_accept(
            deposit_handling="credit_note"
        )
        self.assertEqual(request.state, "applied", request.apply_error)
        self.assertEqual(request.deposit_handling, "credit_note")
        self.assertEqual(order.state, "cancel")

    def test_request_a_change_from_the_order_form_and_print_it(self):
        order = self._released_order()
        action = order.with_user(self.clerk).action_request_change()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.clerk)
            .with_context(**action["context"])
        )
        form.change_type = "quantity"
        form.reason = "The customer needs more"
        with form.line_ids.new() as line:
            line.order_line_id = order.order_line
            line.new_qty = 5
        request = form.save()
        self.assertEqual(request.order_id, order)
        self.assertTrue(request.name.startswith("CR"))
        self._through(request)
        self.assertEqual(order.change_request_count, 1)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "order_workflow.action_report_change_request", request.ids
            )[0]
            .decode()
        )
        self.assertIn("Production Change Request", html)
        self.assertIn(request.name, html)
        self.assertIn("The customer needs more", html)
