# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""When the order's materials are recomputed (sale_order_material.py): a component of
an MO reserved or cancelled, a purchase receipt done. Only the moves that concern an
MO or a purchase line are looked at; the orders are marked for one batch
recomputation, and only workflow orders."""

from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _ow_material_orders(self):
        """The workflow orders whose components these moves are or supply."""
        moves = self.filtered(
            lambda m: m.raw_material_production_id or m.purchase_line_id
        ).sudo()
        if not moves:
            return self.env["sale.order"]
        raw = moves.filtered("raw_material_production_id") | moves.filtered(
            "purchase_line_id"
        ).move_dest_ids.filtered("raw_material_production_id")
        return raw.raw_material_production_id.sale_id.with_env(self.env)

    def _action_assign(self, force_qty=False):
        res = super()._action_assign(force_qty=force_qty)
        self._ow_material_orders()._ow_recompute_material()
        return res

    def _action_done(self, cancel_backorder=False):
        moves = super()._action_done(cancel_backorder=cancel_backorder)
        (self | moves)._ow_material_orders()._ow_recompute_material()
        return moves

    def _action_cancel(self):
        orders = self._ow_material_orders()
        res = super()._action_cancel()
        orders._ow_recompute_material()
        return res
