# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Ready to ship: arriving there decides the shipping release (sale_order_shipping)
and tells the salesperson and the clerk that the goods are ready."""

from odoo import _, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    ready_notified_on = fields.Datetime(readonly=True, copy=False)

    def _ow_arrive_ready(self):
        """Arrival in Ready to ship (sale_order.LIFECYCLE): released or held for the
        balance; those still ready are announced."""
        return self._ow_evaluate_shipping_release() | self._ow_notify_ready()

    def _ow_notify_ready(self):
        ready = self.sudo().filtered(
            lambda o: o.use_order_workflow
            and o.workflow_stage == "ready"
            and not o.ready_notified_on
        )
        ready.ready_notified_on = fields.Datetime.now()
        outbox = self.env["order_workflow.outbox"]
        for order in ready:  # the note mentions them: posted by the outbox
            partners = (
                (order.user_id | order._ow_clerk(order.create_uid))
                .filtered(lambda u: not u.share)
                .partner_id
            )
            outbox._queue(
                order,
                _("Ready to ship"),
                partners=partners,
                in_chatter=True,
                subtype_xmlid="mail.mt_note",
                body=_(
                    "%(order)s is ready to ship: the goods are produced%(qc)s.",
                    order=order.name,
                    qc=_(" and passed the quality inspection")
                    if order.qc_state == "passed"
                    else "",
                ),
            )
        return ready
