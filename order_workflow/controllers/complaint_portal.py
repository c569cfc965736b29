# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer files a complaint on the portal.

OCA's ticket form (helpdesk_mgmt's /new/ticket and /submitted/ticket, with
helpdesk_type's ``type``) gets, when the type is Complaint, the customer's order and
the complaint category. ``/new/ticket?sale_order=<id>`` (the "File a complaint" link
on the portal order page) opens the form with both chosen.

An order is linked only if it is a confirmed order of the portal user's own company
(commercial partner); any other id is ignored. Tickets of any other type, or of none,
go through OCA's code unchanged.
"""

import logging

from odoo import http
from odoo.http import request

from odoo.addons.helpdesk_type.controllers.main import HelpdeskTicketControllerTypes

from ..models.helpdesk_ticket_complaint import CATEGORIES, COMPLAINT_TYPE

_logger = logging.getLogger(__name__)

# the orders offered in the form's select (the newest first)
ORDER_CHOICES = 100


def _to_id(value):
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


class HelpdeskTicketControllerComplaint(HelpdeskTicketControllerTypes):
    def _ow_portal_complaint_type(self):
        """The Complaint type, when it is offered on the portal."""
        complaint = request.env.ref(COMPLAINT_TYPE, raise_if_not_found=False)
        complaint = complaint and complaint.sudo()
        if complaint and complaint.active and complaint.show_in_portal:
            return complaint
        return None

    def _ow_customer_order_domain(self):
        commercial = request.env.user.partner_id.commercial_partner_id
        return [
            ("partner_id.commercial_partner_id", "=", commercial.id),
            ("state", "=", "sale"),
        ]

    def _ow_own_order(self, value):
        """The confirmed order ``value`` (an id) if it is the customer's own, else an
        empty recordset: someone else's order is never linked."""
        order_id = _to_id(value)
        orders = request.env["sale.order"].sudo()
        if order_id:
            orders = orders.search(
                [("id", "=", order_id)] + self._ow_customer_order_domain(), limit=1
            )
            if not orders:
                _logger.info(
                    "Portal complaint by user %s: order %s is not one of the "
                    "customer's confirmed orders, not linked",
                    request.env.uid,
                    order_id,
                )
        return orders

    @http.route("/new/ticket", type="http", auth="user", website=True)
    def create_new_ticket(self, **kw):
        response = super().create_new_ticket(**kw)
        complaint = self._ow_portal_complaint_type()
        if not complaint or (
            "sale_order" not in kw and _to_id(kw.get("type")) != complaint.id
        ):
            return response
        order = self._ow_own_order(kw.get("sale_order"))
        orders = (
            request.env["sale.order"]
            .sudo()
            .search(
                self._ow_customer_order_domain(),
                order="date_order desc, id desc",
                limit=ORDER_CHOICES,
            )
        )
        ticket_model = request.env["helpdesk.ticket"]
        response.qcontext.update(
            {
                "ow_complaint_type": complaint,
                "ow_complaint_order": order,
                "ow_complaint_orders": order | orders,
                "ow_complaint_categories": ticket_model._fields[
                    "complaint_category"
                ]._description_selection(request.env),
            }
        )
        return response

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        complaint = self._ow_portal_complaint_type()
        if not complaint or vals.get("type_id") != complaint.id:
            return vals
        order = self._ow_own_order(kw.get("sale_order"))
        if order:
            vals["sale_order_id"] = order.id
            vals["company_id"] = order.company_id.id
        category = kw.get("complaint_category")
        vals["complaint_category"] = (
            category if category in dict(CATEGORIES) else "other"
        )
        return vals
