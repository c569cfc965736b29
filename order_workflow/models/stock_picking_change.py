# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An order with a change in progress can't ship the lines the change is about (its
quantity, product or packaging lines; every line of a cancellation)."""

from odoo import _, models
from odoo.exceptions import UserError

from .change_request import PENDING_STATES


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _ow_check_can_ship(self):
        super()._ow_check_can_ship()
        for picking in self._ow_outgoing_workflow():
            order = picking.sudo().sale_id
            for request in order.change_request_ids.filtered(
                lambda r: r.state in PENDING_STATES and r.state != "draft"
            ):
                if request.change_type == "cancel":
                    lines = order.order_line
                else:
                    lines = request.line_ids.order_line_id
                if picking.move_ids.sale_line_id & lines:
                    raise UserError(
                        _(
                            "%(picking)s can't be shipped: the change request "
                            "%(request)s of %(order)s is not decided yet.",
                            picking=picking.name,
                            request=request.name,
                            order=order.name,
                        )
                    )
