# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints from the order: ``action_open_complaint`` and the smart button."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .helpdesk_ticket_complaint import CATEGORIES, CLERK, COMPLAINT_TYPE, SERVICE


class SaleOrder(models.Model):
    _inherit = "sale.order"

    complaint_ids = fields.One2many(
        "helpdesk.ticket",
        "sale_order_id",
        string="Complaints",
        domain=[("is_complaint", "=", True)],
    )
    complaint_count = fields.Integer(compute="_compute_complaint_count")

    @api.depends("complaint_ids")
    def _compute_complaint_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("sale_order_id", "in", self.ids), ("is_complaint", "=", True)],
                ["sale_order_id"],
                ["__count"],
            )
        )
        for order in self:
            order.complaint_count = counts.get(order._origin, 0)

    def action_open_complaint(self, category, description, **register):
        """Register a customer's complaint about this order (the order clerk or the
        service supervisor). ``register`` may give the delivery (``picking_id``), the
        lot (``lot_id``), the product (``complaint_product_id``) and the quantity
        (``complaint_qty``). Returns the complaint's id."""
        self.ensure_one()
        self._ow_check_group([CLERK, SERVICE], _("register a complaint"))
        if category not in dict(CATEGORIES):
            raise UserError(
                _(
                    "Choose the complaint's category: %(categories)s.",
                    categories=", ".join(key for key, _label in CATEGORIES),
                )
            )
        description = self._ow_text(description)
        if not description:
            raise UserError(_("Describe the customer's complaint."))
        if self.state != "sale":
            raise UserError(_("%(order)s is not a confirmed order.", order=self.name))
        allowed = {"picking_id", "lot_id", "complaint_product_id", "complaint_qty"}
        unknown = set(register) - allowed
        if unknown:
            raise UserError(
                _(
                    "Unknown complaint details: %(names)s.",
                    names=", ".join(sorted(unknown)),
                )
            )
        picking = self.env["stock.picking"].browse(register.get("picking_id"))
        if picking and picking.sudo().sale_id != self:
            raise UserError(
                _(
                    "%(picking)s is not a delivery of %(order)s.",
                    picking=picking.sudo().name,
                    order=self.name,
                )
            )
        label = dict(
            self.env["helpdesk.ticket"]
            ._fields["complaint_category"]
            ._description_selection(self.env)
        )[category]
        ticket = (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": _(
                        "%(category)s complaint on %(order)s",
                        category=label,
                        order=self.name,
                    ),
                    "description": description,
                    "type_id": self.env.ref(COMPLAINT_TYPE).id,
                    "sale_order_id": self.id,
                    "complaint_category": category,
                    "channel_id": self.env.ref(
                        "helpdesk_mgmt.helpdesk_ticket_channel_phone"
                    ).id,
                    **register,
                }
            )
        )
        return ticket.id

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "order_workflow.action_complaints"
        )
        action["domain"] = [
            ("sale_order_id", "=", self.id),
            ("is_complaint", "=", True),
        ]
        action["context"] = {
            "default_sale_order_id": self.id,
            "default_type_id": self.env.ref(COMPLAINT_TYPE).id,
        }
        return action

    def action_register_complaint_dialog(self):
        self.ensure_one()
        return self.env["order_workflow.complaint.wizard"]._open(
            "register", _("Register a complaint"), order_id=self.id
        )

    def _ow_portal_complaint_url(self):
        """The portal order page's "File a complaint" link (controllers/
        complaint_portal.py): for a confirmed workflow order, when the Complaint type
        is offered on the portal."""
        self.ensure_one()
        complaint = self.env.ref(COMPLAINT_TYPE, raise_if_not_found=False)
        complaint = complaint and complaint.sudo()
        if not (
            self.use_order_workflow
            and self.state == "sale"
            and complaint
            and complaint.active
            and complaint.show_in_portal
        ):
            return False
        return f"/new/ticket?sale_order={self.id}"
