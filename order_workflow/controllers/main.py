# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Approve or reject from the notification e-mail.

A GET only shows a confirmation page (mail scanners follow links); the decision is a
POST with the CSRF token, by the logged-in reviewer, through the same methods as the
chatter buttons, so the same checks refuse anyone else.
"""

from markupsafe import escape

from odoo import _, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request


class OrderWorkflowApproval(http.Controller):
    def _page(self, title, body, status=200):
        html = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'/>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'/>"
            f"<title>{escape(title)}</title>"
            "<style>body{font-family:sans-serif;max-width:40em;margin:3em auto;"
            "padding:0 1em}textarea{width:100%;height:6em}button{padding:.5em 1.5em}"
            "</style></head>"
            f"<body><h1>{escape(title)}</h1>{body}</body></html>"
        )
        return request.make_response(
            html, headers=[("Content-Type", "text/html; charset=utf-8")], status=status
        )

    def _open_link(self, order):
        return f"<a href='/odoo/sales/{order.id}'>{escape(_('Open the order'))}</a>"

    def _order(self, order_id):
        order = request.env["sale.order"].browse(order_id).exists()
        if not order:
            raise AccessError(_("This order does not exist or you can't see it."))
        order.check_access("read")
        return order

    @http.route(
        "/order_workflow/approval/<int:order_id>/<any(approve,reject):decision>",
        type="http",
        auth="user",
        methods=["GET"],
        website=False,
    )
    def approval_confirm_page(self, order_id, decision, **kwargs):
        try:
            order = self._order(order_id)
            order._ow_approval_prepare()
            order._ow_my_reviews()
        except (AccessError, UserError) as error:
            return self._page(_("Approval"), f"<p>{escape(str(error))}</p>", status=403)
        title = (
            _("Approve %(order)s?", order=order.name)
            if decision == "approve"
            else _("Reject %(order)s?", order=order.name)
        )
        summary = escape(
            _(
                "%(customer)s, total %(amount)s %(currency)s.",
                customer=order.partner_id.display_name,
                amount=order.amount_total,
                currency=order.currency_id.name,
            )
        )
        reason = (
            f"<p><label for='reason'>{escape(_('Reason'))}</label><br/>"
            "<textarea id='reason' name='reason' required='required'></textarea></p>"
            if decision == "reject"
            else ""
        )
        url = f"/order_workflow/approval/{order.id}/{decision}"
        form = (
            f"<p>{summary}</p>"
            f"<form method='post' action='{url}'>"
            f"<input type='hidden' name='csrf_token' value='{request.csrf_token()}'/>"
            f"{reason}<button type='submit'>"
            f"{escape(_('Approve') if decision == 'approve' else _('Reject'))}</button>"
            f" {self._open_link(order)}</form>"
        )
        return self._page(title, form)

    @http.route(
        "/order_workflow/approval/<int:order_id>/<any(approve,reject):decision>",
        type="http",
        auth="user",
        methods=["POST"],
        website=False,
    )
    def approval_decide(self, order_id, decision, reason=None, **kwargs):
        try:
            order = self._order(order_id)
            if decision == "approve":
                order.action_approve()
                message = _("%(order)s approved.", order=order.name)
            else:
                order.action_reject(reason)
                message = _("%(order)s rejected.", order=order.name)
        except (AccessError, UserError) as error:
            request.env.cr.rollback()
            return self._page(_("Approval"), f"<p>{escape(str(error))}</p>", status=403)
        return self._page(
            message,
            f"<p>{self._open_link(order)}</p>",
        )
