# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Telling the sales manager (销售经理) at once: production anomalies
(production_anomaly.py) and orders turning late (延期风险, ``delay_risk``).

The sales manager of an order is the leader of its sales team when they hold the Sales
Manager role, otherwise every Sales Manager of the order's company. They get one note
in the order's chatter that mentions them all, posted by the outbox (outbox.py):
nothing renders inside the click or the recomputation that caused it.
"""

from odoo import _, models

MANAGER = "order_workflow.group_sales_manager"
DELAY_KEY = "order_workflow.delay_risk_turned"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _ow_sales_managers(self):
        """The sales manager(s) of the order (see the module's docstring)."""
        self.ensure_one()
        leader = self.sudo().team_id.user_id
        if leader.active and not leader.share and leader.has_group(MANAGER):
            return leader
        return self._ow_role_holders(MANAGER)

    def _ow_tell_sales_managers(self, what, body):
        """Queue one note per order to its sales managers, in as few batches as there
        are sets of managers."""
        batches = {}
        for order in self.sudo():
            partners = order._ow_sales_managers().partner_id
            if partners:
                batches.setdefault(partners, order.browse())
                batches[partners] |= order
        outbox = self.env["order_workflow.outbox"]
        for partners, orders in batches.items():
            outbox._queue(
                orders,
                what,
                partners=partners,
                in_chatter=True,
                subtype_xmlid="mail.mt_note",
                body=body,
            )

    # -- delay risk --------------------------------------------------------------------
    def _ow_delay_risk_turned(self, order_ids):
        """``delay_risk`` became true on these orders (its compute; the promised-date
        cron only moves dates later, which never makes an order late): the sales
        managers are told when the transaction commits, if the risk is still there
        then."""
        pending = self.env.cr.precommit.data.setdefault(DELAY_KEY, set())
        if not pending:
            self.env.cr.precommit.add(self._ow_notify_delay_risk)
        pending.update(order_ids)

    def _ow_notify_delay_risk(self):
        ids = self.env.cr.precommit.data.pop(DELAY_KEY, set())
        orders = (
            self.env["sale.order"]
            .sudo()
            .browse(ids)
            .exists()
            .filtered(lambda o: o.use_order_workflow and o.delay_risk)
        )
        if not orders:
            return
        orders._ow_tell_sales_managers(
            _("Delay risk"),
            _(
                "Delay risk: the goods are planned to be finished after the promised "
                "date. Agree on what to tell the customer now."
            ),
        )
        self.env.flush_all()
