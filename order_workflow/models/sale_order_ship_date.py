# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The agreed ship date (发货日期): the day the goods leave, agreed with the customer.
It is not the promised date, which is the finished-goods date. The order clerk sets it
(the guard: ``sale_order._ow_guarded_fields``) until the shipping request is issued;
the Shipping Request prints it."""

from odoo import _, fields, models
from odoo.exceptions import UserError

from .guard import ACTION, is_internal


class SaleOrder(models.Model):
    _inherit = "sale.order"

    planned_ship_date = fields.Date(
        string="Agreed ship date",
        copy=False,
        tracking=True,
        help="The date the goods ship, agreed with the customer; not the promised "
        "(finished-goods) date. The order clerk sets it until the shipping request is "
        "issued.",
    )

    def _ow_guard_workflow_scope(self, vals, creating):
        if creating:
            return vals.get("use_order_workflow")
        return self.filtered("use_order_workflow")

    def _ow_check_ship_date_open(self, vals):
        if "planned_ship_date" not in vals or self.env.su or is_internal(ACTION):
            return
        issued = self.filtered(
            lambda o: o.shipping_request_issued_on
            and o.planned_ship_date != fields.Date.to_date(vals["planned_ship_date"])
        )
        if issued:
            raise UserError(
                _(
                    "The agreed ship date of %(orders)s is fixed: the shipping request "
                    "is issued.",
                    orders=", ".join(issued.mapped("name")),
                )
            )

    def write(self, vals):
        self._ow_check_ship_date_open(vals)
        return super().write(vals)
