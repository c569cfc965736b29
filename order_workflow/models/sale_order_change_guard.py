# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""No silent change after confirmation (DESIGN.md, *Change requests*).

Once a workflow order is confirmed, its lines (quantity, product, price, packaging,
adding or removing one), its requested, promised and delivery dates and its
cancellation change only through a change request (change_request.py), whose apply
step runs as a workflow action. Anyone else, over RPC too, is refused with a message
naming *Request a change*. The workflow's own bookkeeping stays free: down-payment,
expense and delivery-cost lines, sections and notes.
"""

from odoo import _, api, models
from odoo.exceptions import AccessError

from .guard import ACTION, Rule, is_internal
from .sale_order import SaleOrder as _Order
from .sale_order_line import SaleOrderLine as _Line

CHANGE_SCOPE = "_ow_guard_confirmed"
AFTER_CONFIRMATION = Rule(scope=CHANGE_SCOPE)
ORDER_FIELDS = ("requested_date", "promised_date", "commitment_date")
LINE_FIELDS = (
    "product_id",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
    "product_packaging_id",
)
# lines the workflow and Odoo add to a confirmed order by themselves
FREE_LINE_FLAGS = ("display_type", "is_downpayment", "is_expense", "is_delivery")


def _refuse_change(orders):
    raise AccessError(
        _(
            "%(orders)s is confirmed: its lines, dates and cancellation change only "
            "through a change request. Use Request a change on the order.",
            orders=", ".join(orders.mapped("display_name")) or _("The order"),
        )
    )


def _confirmed(order):
    return order.use_order_workflow and order.state == "sale"


class SaleOrder(models.Model):
    _inherit = "sale.order"
    _ow_guarded_fields = {
        **_Order._ow_guarded_fields,
        **dict.fromkeys(ORDER_FIELDS, AFTER_CONFIRMATION),
    }

    def _ow_guard_confirmed(self, vals, creating):
        if creating:
            return False
        return self.filtered(_confirmed)

    def _ow_refuse_guarded(self, refused):
        if any(rule.scope == CHANGE_SCOPE for rule in refused.values()):
            _refuse_change(self.filtered(_confirmed))
        return super()._ow_refuse_guarded(refused)

    def _ow_check_cancel(self):
        if self.env.su or is_internal(ACTION):
            return
        confirmed = self.filtered(_confirmed)
        if confirmed:
            _refuse_change(confirmed)

    def action_cancel(self):
        self._ow_check_cancel()
        return super().action_cancel()

    def _action_cancel(self):
        # the mass-cancel wizard calls this one directly
        self._ow_check_cancel()
        return super()._action_cancel()


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"
    _ow_guarded_fields = {
        **_Line._ow_guarded_fields,
        **dict.fromkeys(LINE_FIELDS, AFTER_CONFIRMATION),
    }

    def _ow_free_line(self):
        return any(self[flag] for flag in FREE_LINE_FLAGS if flag in self._fields)

    def _ow_guard_confirmed(self, vals, creating):
        if creating:
            order = self.env["sale.order"].browse(vals.get("order_id"))
            return (
                bool(order)
                and _confirmed(order.sudo())
                and not any(vals.get(flag) for flag in FREE_LINE_FLAGS)
            )
        return self.filtered(
            lambda line: _confirmed(line.order_id) and not line._ow_free_line()
        )

    def _ow_refuse_guarded(self, refused):
        if any(rule.scope == CHANGE_SCOPE for rule in refused.values()):
            _refuse_change(self.order_id.filtered(_confirmed))
        return super()._ow_refuse_guarded(refused)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if not (self.env.su or is_internal(ACTION)):
            locked = self._check_line_unlink().filtered(
                lambda line: _confirmed(line.order_id)
            )
            if locked:
                _refuse_change(locked.order_id)
        return super()._unlink_except_confirmed()
