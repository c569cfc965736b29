# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The production release (生产下达): procurement (MOs, pickings) runs once nothing
holds the order back, and nobody lifts the deposit hold by hand.

The hold itself is OCA ``sale_stock_picking_blocking``'s delivery block
(sale_order_deposit); here it is lifted and the held-back procurement launched."""

import logging
from contextlib import contextmanager

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import ACTION, internal, is_internal

_logger = logging.getLogger(__name__)

FINANCE = "order_workflow.group_finance_reviewer"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    production_released = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Procurement ran: the manufacturing orders and pickings exist.",
    )
    production_released_on = fields.Datetime(readonly=True, copy=False)

    def _ow_release_production(self):
        """Lift the deposit hold and launch the procurement (MOs, pickings).

        Runs in the payment's transaction, as whoever registered it: with sudo, and in
        a savepoint so that a procurement error cannot undo the payment; the error is
        left to the salesperson as an activity, the order stays held.
        """
        reason = self._ow_deposit_block_reason()
        for order in self.sudo():
            try:
                with self.env.cr.savepoint():
                    if order.delivery_block_id == reason:
                        # back to what the customer or payment term asks, if anything
                        term = order.payment_term_id
                        other = (
                            order.partner_id.default_delivery_block
                            or term.default_delivery_block_reason_id
                        )
                        with internal(ACTION):
                            order.write({"delivery_block_id": other.id})
                    order._ow_launch_procurement()
            except UserError as exc:
                _logger.warning("Production of %s not released: %s", order.name, exc)
                order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_("Production could not be released"),
                    note=exc.args[0],
                    user_id=order.user_id.id or self.env.uid,
                )
                continue
            order.activity_unlink(["order_workflow.activity_deposit"])
            order._ow_start_clock()

    def _ow_mark_production_released(self):
        todo = self.filtered(
            lambda o: o.use_order_workflow
            and o.state == "sale"
            and not o.production_released
            and not o.delivery_block_id
        )
        if todo:
            todo.sudo().write(
                {
                    "production_released": True,
                    "production_released_on": fields.Datetime.now(),
                }
            )
            todo._ow_follow_stage()  # goods from stock are ready at once

    def _ow_launch_procurement(self):
        """Launch the procurement held back by the deposit."""
        with self._ow_unlocked():
            self.order_line._action_launch_stock_rule()

    @contextmanager
    def _ow_unlocked(self):
        """Odoo procures nothing for a locked order, and "Lock Confirmed Sales" locks
        it at confirmation, after the procurement it would have launched: procurement
        launched later (deposit paid, block removed) runs with the order unlocked."""
        locked = self.sudo().filtered("locked")
        locked.locked = False
        try:
            yield
        finally:
            locked.locked = True

    # -- nobody lifts the deposit hold by hand ----------------------------------------
    def _ow_refuse_manual_release(self):
        held = self._ow_waiting_for_deposit()
        if held:
            raise UserError(
                _(
                    "%(orders)s wait for their deposit: production is released when "
                    "the deposit is paid or finance waives it, not by hand.",
                    orders=", ".join(held.mapped("name")),
                )
            )

    def write(self, vals):
        if "delivery_block_id" in vals and not is_internal(ACTION):
            self._ow_refuse_manual_release()
        return super().write(vals)

    def action_remove_delivery_block(self):
        self._ow_refuse_manual_release()
        if not self.filtered("use_order_workflow"):
            return super().action_remove_delivery_block()
        # any other block of a workflow order (credit hold from the customer or the
        # payment term) is lifted by finance or a sales manager; the procurement then
        # runs as the system, as it does when the deposit is paid
        self._ow_check_group(
            [FINANCE, "order_workflow.group_sales_manager"],
            _("remove a delivery block"),
        )
        with self._ow_unlocked():
            return super(SaleOrder, self.sudo()).action_remove_delivery_block()

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "production_released",
            "production_released_on",
            "delivery_block_id",
        ]
