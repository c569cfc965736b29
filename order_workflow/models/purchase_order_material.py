# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Purchases for workflow orders (采购: 接受回执).

A PO buying components of a workflow order's MOs (Odoo's own links: the purchase lines'
``move_dest_ids``, purchase_stock) shows the orders it serves and whether the supplier
acknowledged it: Odoo's own confirmations (``mail_reception_confirmed`` from the PO's
portal link, ``mail_reminder_confirmed`` from the receipt reminder) or, told by phone or
e-mail, ``action_supplier_acknowledge()`` by the buyer, which records the same.
A confirmed PO still unacknowledged two working days later gets one activity for its
buyer (``_cron_remind_supplier_acknowledgement``). POs of other orders are untouched.
"""

from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

BUYER = "purchase.group_purchase_user"


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    supplier_acknowledged = fields.Boolean(
        compute="_compute_supplier_acknowledged",
        string="Acknowledged by the supplier",
        help="The supplier confirmed the order (its portal link or the receipt "
        "reminder), or the buyer recorded their acknowledgement.",
    )
    ow_sale_order_ids = fields.Many2many(
        "sale.order",
        compute="_compute_ow_sale_order_ids",
        string="Sales orders (workflow)",
        help="The workflow orders whose manufacturing orders this purchase supplies.",
    )

    @api.depends("mail_reception_confirmed", "mail_reminder_confirmed")
    def _compute_supplier_acknowledged(self):
        for order in self:
            order.supplier_acknowledged = (
                order.mail_reception_confirmed or order.mail_reminder_confirmed
            )

    @api.depends(
        "order_line.move_dest_ids.raw_material_production_id",
        "order_line.move_ids.move_dest_ids.raw_material_production_id",
    )
    def _compute_ow_sale_order_ids(self):
        for order in self:
            order.ow_sale_order_ids = order.order_line._ow_material_orders()

    def action_supplier_acknowledge(self):
        """The buyer records the supplier's acknowledgement (接受回执) received by
        phone or e-mail: the same as the supplier confirming from the PO's link."""
        if not (self.env.su or self.env.user.has_group(BUYER)):
            raise AccessError(
                _(
                    "Only %(role)s can record a supplier's acknowledgement.",
                    role=self.env.ref(BUYER).sudo().full_name,
                )
            )
        wrong = self.filtered(lambda o: o.state not in ("sent", "purchase", "done"))
        if wrong:
            raise UserError(
                _(
                    "%(order)s has not been sent to the supplier: there is nothing to "
                    "acknowledge yet.",
                    order=wrong[0].name,
                )
            )
        done = self.filtered("supplier_acknowledged")
        if done:
            raise UserError(
                _(
                    "%(supplier)s already acknowledged %(order)s.",
                    supplier=done[0].partner_id.name,
                    order=done[0].name,
                )
            )
        self._confirm_reception_mail()  # Odoo's own record, with its chatter note
        self._ow_note(
            _("Acknowledgement recorded by %(user)s.", user=self.env.user.name)
        )
        return True

    def _confirm_reception_mail(self):
        res = super()._confirm_reception_mail()
        self._ow_acknowledged()
        return res

    def confirm_reminder_mail(self, confirmed_date=False):
        res = super().confirm_reminder_mail(confirmed_date)
        self._ow_acknowledged()
        return res

    def _ow_acknowledged(self):
        reminded = self.sudo().filtered(
            lambda o: o.activity_ids.activity_type_id
            == self.env.ref("order_workflow.activity_supplier_acknowledgement")
        )
        reminded.activity_unlink(["order_workflow.activity_supplier_acknowledgement"])

    def button_cancel(self):
        orders = self.order_line._ow_material_orders()
        res = super().button_cancel()
        orders._ow_recompute_material()
        return res

    @api.model
    def _cron_remind_supplier_acknowledgement(self):
        """Daily: POs of workflow orders confirmed two working days ago (the company's
        calendar) and not acknowledged get one activity for their buyer. One search
        and one batch of activities, whatever their number."""
        now = fields.Datetime.now()
        calendar = self.env.company.resource_calendar_id
        limit = (
            calendar.plan_hours(-2 * (calendar.hours_per_day or 8.0), now)
            if calendar
            else None
        )
        limit = limit.replace(tzinfo=None) if limit else now - timedelta(days=2)
        activity_type = self.env.ref("order_workflow.activity_supplier_acknowledgement")
        late = self.sudo().search(
            [
                ("state", "=", "purchase"),
                ("date_approve", "<=", limit),
                ("mail_reception_confirmed", "=", False),
                ("mail_reminder_confirmed", "=", False),
                ("receipt_status", "!=", "full"),
                (
                    "activity_ids",
                    "not any",
                    [("activity_type_id", "=", activity_type.id)],
                ),
            ]
        )
        late = late.filtered("ow_sale_order_ids")  # only purchases for workflow orders
        if late:
            self.env["mail.activity"].sudo().create(
                [
                    po._ow_activity_values(
                        activity_type,
                        po.user_id or po.create_uid,
                        note=_(
                            "For %(orders)s.",
                            orders=", ".join(po.ow_sale_order_ids.mapped("name")),
                        ),
                    )
                    for po in late
                ]
            )
        return True


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    def _ow_material_orders(self):
        """The workflow orders whose MOs' components these lines supply."""
        lines = self.sudo()
        moves = lines.move_dest_ids | lines.move_ids.move_dest_ids
        return moves.raw_material_production_id.sale_id.filtered(
            "use_order_workflow"
        ).with_env(self.env)

    def write(self, vals):
        res = super().write(vals)
        if "date_planned" in vals:
            self._ow_material_orders()._ow_recompute_material()
        return res
