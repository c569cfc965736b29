# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Goods of a workflow order leave only through the gates: first the quality one."""

from odoo import _, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _ow_outgoing_workflow(self):
        return self.filtered(
            lambda p: p.picking_type_code == "outgoing"
            and p.sudo().sale_id.use_order_workflow
        )

    def _ow_check_can_ship(self):
        """Raise a UserError saying why an outgoing picking can't leave yet."""
        for picking in self._ow_outgoing_workflow():
            order = picking.sudo().sale_id
            if order.qc_state in ("pending", "failed"):
                raise UserError(
                    _(
                        "%(picking)s can't be shipped: the finished goods of %(order)s "
                        "have not passed the quality inspection%(failed)s.",
                        picking=picking.name,
                        order=order.name,
                        failed=_(" (an inspection failed: rework or remake first)")
                        if order.qc_state == "failed"
                        else "",
                    )
                )

    def _action_done(self):
        self._ow_check_can_ship()
        return super()._action_done()
