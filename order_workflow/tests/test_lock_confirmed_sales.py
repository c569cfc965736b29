# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workflow with Sales > Settings > Lock Confirmed Sales on."""

from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .test_shipping import ShippingCase


@tagged("post_install", "-at_install")
class TestLockConfirmedSales(ShippingCase):
    """Companies with Sales > Settings > Lock Confirmed Sales on: confirmed orders are
    locked at once. The deposit gate, the balance and the shipment work the same."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.config.settings"].create(
            {"group_auto_done_setting": True}
        ).execute()

    def test_whole_path_with_locked_orders(self):
        self.assertTrue(self.clerk.has_group("sale.group_auto_done_setting"))
        order = self._verified_order(user_id=self.clerk.id)
        self.assertTrue(order.locked)
        self.assertEqual(order.workflow_stage, "deposit")
        self.assertFalse(self._mos(order))
        invoice = order._ow_deposit_invoices()
        invoice.with_user(self.finance).action_post()
        self._pay(invoice, order.deposit_amount, date.today())
        self.assertEqual(order.deposit_state, "paid")
        self.assertTrue(self._mos(order))
        self._produce(order)
        self.assertEqual(order.workflow_stage, "payment_hold")
        balance = order._ow_deposit_invoices().filtered(lambda m: m.state == "draft")
        self.assertAlmostEqual(balance.amount_total, order.ow_balance_due)
        balance.with_user(self.finance).action_post()
        self._pay(balance, order.ow_balance_due, date.today())
        self.assertEqual(order.workflow_stage, "ready")
        order.with_user(self.clerk).action_issue_shipping_request()
        picking = self._ship(order)
        self.assertEqual(picking.state, "done")
        self.assertEqual(order.workflow_stage, "shipped")
        picking.with_user(self.shipper).action_register_receipt("Li Na", date.today())
        self.assertEqual(order.workflow_stage, "delivered")
        self.assertTrue(order.locked)

    def test_remove_delivery_block_after_a_failed_release(self):
        """The troubleshooting path: the release failed, the cause is fixed, the block
        is removed by hand; the locked order still gets its MOs."""
        order = self._verified_order(user_id=self.clerk.id)
        invoice = order._ow_deposit_invoices()
        invoice.with_user(self.finance).action_post()
        with patch.object(
            type(order), "_ow_launch_procurement", side_effect=UserError("No route")
        ):
            self._pay(invoice, order.deposit_amount, date.today())
        self.assertEqual(order.deposit_state, "paid")
        self.assertTrue(order.delivery_block_id)
        self.assertFalse(self._mos(order))
        self.assertTrue(
            order.activity_ids.filtered(
                lambda a: a.summary == "Production could not be released"
            )
        )
        order.with_user(self.manager).action_remove_delivery_block()
        self.assertFalse(order.delivery_block_id)
        self.assertTrue(self._mos(order))
        self.assertTrue(order.locked)

    def test_other_blocks_keep_the_oca_rule(self):
        reason = self.env["sale.delivery.block.reason"].create({"name": "Credit hold"})
        order = self._complete_order(partner_id=self.customer_c.id)
        with self.assertRaisesRegex(ValidationError, "auto_done_setting"):
            order.delivery_block_id = reason
