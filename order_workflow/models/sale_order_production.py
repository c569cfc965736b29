# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Production follow-up on the order: progress, delay risk, the daily digest.

The MOs of an order are those OCA ``mrp_sale_info`` links to it (``sale_id``, stored);
Odoo's ``mrp_production_ids`` is neither stored nor readable by every role.
"""

import logging
from datetime import datetime, time

from odoo import _, api, fields, models
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

CLERK = "order_workflow.group_order_clerk"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    quantity_tolerance = fields.Float(
        string="Quantity tolerance (%)",
        digits=(5, 2),
        tracking=True,
        help="Over- or under-delivery the customer accepts, printed on the production "
        "instruction.",
    )
    packaging_requirements = fields.Text(
        string="Packaging",
        help="Packaging and labelling asked by the customer, printed on the production "
        "instruction.",
    )
    ow_production_ids = fields.One2many(
        "mrp.production", "sale_id", string="Manufacturing orders (workflow)"
    )
    production_qty_planned = fields.Float(
        string="Quantity planned",
        compute="_compute_production_progress",
        store=True,
        digits="Product Unit of Measure",
    )
    production_qty_produced = fields.Float(
        string="Quantity produced",
        compute="_compute_production_progress",
        store=True,
        digits="Product Unit of Measure",
    )
    production_progress = fields.Float(
        string="Production progress (%)",
        compute="_compute_production_progress",
        store=True,
        digits=(5, 1),
    )
    production_finish_date = fields.Datetime(
        string="Planned finish",
        compute="_compute_production_progress",
        store=True,
        help="The latest planned or expected end of the order's open manufacturing "
        "orders.",
    )
    production_done = fields.Boolean(
        compute="_compute_production_progress",
        store=True,
        help="Every manufacturing order of the order is done (or cancelled).",
    )
    delay_risk = fields.Boolean(
        compute="_compute_delay_risk",
        store=True,
        index=True,
        help="A manufacturing order is planned or expected to finish after the "
        "promised date.",
    )
    ow_anomaly_ids = fields.One2many(
        "order_workflow.production.anomaly", "order_id", string="Production anomalies"
    )
    ow_anomaly_count = fields.Integer(compute="_compute_ow_anomaly_count")
    ow_digest_snapshot = fields.Json(
        copy=False,
        help="Technical: the figures of the last daily production digest.",
    )

    @api.depends(
        "ow_production_ids.state",
        "ow_production_ids.product_qty",
        "ow_production_ids.qty_producing",
        "ow_production_ids.date_finished",
        "production_released",
    )
    def _compute_production_progress(self):
        for order in self:
            productions = order.ow_production_ids.filtered(
                lambda p: p.state != "cancel"
            )
            planned = sum(productions.mapped("product_qty"))
            produced = sum(
                p.qty_produced if p.state == "done" else p.qty_producing
                for p in productions
            )
            open_ = productions.filtered(lambda p: p.state != "done")
            finish = max(open_.mapped("date_finished"), default=False)
            order.production_qty_planned = planned
            order.production_qty_produced = produced
            order.production_progress = (
                min(100.0, 100.0 * produced / planned) if planned else 0.0
            )
            order.production_finish_date = finish
            order.production_done = bool(order.production_released and not open_)

    @api.depends("production_finish_date", "promised_date")
    def _compute_delay_risk(self):
        turned = []
        for order in self:
            finish = order.production_finish_date
            risk = bool(
                finish
                and order.promised_date
                and finish > datetime.combine(order.promised_date, time.max)
            )
            # read before it is set: the value stored so far
            if risk and order.use_order_workflow and order.id and not order.delay_risk:
                turned.append(order.id)
            order.delay_risk = risk
        if turned:  # the sales manager is told (sale_order_manager_notice.py)
            self._ow_delay_risk_turned(turned)

    def _ow_waits_for_production(self):  # sale_order.LIFECYCLE
        return not self.production_done

    def _compute_ow_anomaly_count(self):
        groups = (
            self.env["order_workflow.production.anomaly"]
            .sudo()
            ._read_group([("order_id", "in", self.ids)], ["order_id"], ["__count"])
        )
        counts = {order.id: count for order, count in groups}
        for order in self:
            order.ow_anomaly_count = counts.get(order.id, 0)

    # -- the MO deadlines follow the date production committed to -------------------
    def write(self, vals):
        res = super().write(vals)
        # Odoo's sale_stock carries a new commitment date down the stock moves to the
        # MOs; the customer's dates never move production's own (生产部所确认的交货期)
        if {"promised_date", "commitment_date", "production_committed_date"} & set(
            vals
        ):
            self._ow_apply_production_deadlines()
        return res

    def _ow_apply_production_deadlines(self):
        """The open MOs' deadline = the production date (noon), set on their finished
        moves without passing it on to the delivery moves."""
        productions = self.sudo().ow_production_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
            and p.sale_id.use_order_workflow
            and p.sale_id.production_committed_date
        )
        for order, mine in productions.grouped("sale_id").items():
            deadline = datetime.combine(order.production_committed_date, time(12))
            todo = mine.filtered(lambda p, d=deadline: p.date_deadline != d)
            if not todo:
                continue
            finished = todo.move_finished_ids.filtered(
                lambda m: m.state not in ("done", "cancel")
            )
            # the delivery moves keep the customer's date: no propagation to them
            blocked = set((finished.move_dest_ids | finished.move_orig_ids).ids)
            finished.with_context(date_deadline_propagate_ids=blocked).write(
                {"date_deadline": deadline}
            )
            todo.filtered(lambda p, d=deadline: p.date_deadline != d).write(
                {"date_deadline": deadline}
            )

    # -- views -------------------------------------------------------------------------
    def action_view_ow_productions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mrp.mrp_production_action"
        )
        action["domain"] = [("sale_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_view_ow_anomalies(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Production anomalies"),
            "res_model": "order_workflow.production.anomaly",
            "view_mode": "list,form",
            "domain": [("order_id", "=", self.id)],
            "context": {"default_order_id": self.id},
        }

    # -- the daily digest --------------------------------------------------------------
    def _ow_digest_figures(self):
        """What the digest shows of one order (stored fields only: no query)."""
        self.ensure_one()
        return {
            "progress": round(self.production_progress, 1),
            "risk": self.delay_risk,
            "finish": fields.Datetime.to_string(self.production_finish_date) or "",
            "promised": fields.Date.to_string(self.promised_date) or "",
            "stage": self.workflow_stage or "",
        }

    def _ow_digest_changes(self):
        """What changed since the last digest, in words."""
        self.ensure_one()
        old = self.ow_digest_snapshot or {}
        new = self._ow_digest_figures()
        if not old:
            return [_("new in production")]
        changes = []
        if old.get("progress") != new["progress"]:
            changes.append(
                _(
                    "progress %(old)s%% → %(new)s%%",
                    old=old.get("progress"),
                    new=new["progress"],
                )
            )
        if old.get("risk") != new["risk"]:
            changes.append(
                _("delay risk appeared") if new["risk"] else _("delay risk cleared")
            )
        if old.get("finish") != new["finish"]:
            changes.append(_("planned finish moved"))
        if old.get("promised") != new["promised"]:
            changes.append(_("promised date changed"))
        if old.get("stage") != new["stage"]:
            changes.append(_("stage changed"))
        return changes

    @api.model
    def _ow_digest_domain(self):
        return [
            ("use_order_workflow", "=", True),
            ("workflow_stage", "in", ("production", "quality")),
        ]

    @api.model
    def _cron_production_digest(self):
        """Daily: each salesperson gets one e-mail with their orders in production.

        Batched: one search, one rendering and one mail per salesperson, one UPDATE for
        every snapshot; nothing is queried order by order.
        """
        orders = self.search(self._ow_digest_domain(), order="user_id, promised_date")
        if not orders:
            return True
        render = self.env["ir.qweb"]._render
        mails = []
        for user, mine in orders.grouped("user_id").items():
            if not user.partner_id.email:
                continue
            body = render(
                "order_workflow.production_digest_body",
                {"docs": mine, "changes": {o.id: o._ow_digest_changes() for o in mine}},
                lang=user.lang,
            )
            mails.append(
                {
                    "subject": _(
                        "Daily Production Report: %(count)s orders",
                        count=len(mine),
                    ),
                    "body_html": body,
                    "email_to": user.partner_id.email_formatted,
                    "email_from": (
                        self.env.company.email_formatted
                        or self.env.user.email_formatted
                    ),
                    "recipient_ids": [fields.Command.link(user.partner_id.id)],
                    "auto_delete": True,
                }
            )
        if mails:
            self.env["mail.mail"].sudo().create(mails)
        self._ow_store_snapshots(orders)
        return True

    @api.model
    def _ow_store_snapshots(self, orders):
        """What the digest reported, for tomorrow's comparison: one statement. An
        order a user changed since the cron's transaction began refuses the update
        (a serialization failure): then each order is stored on its own and the
        refused ones keep yesterday's snapshot, so the digest and its e-mails still
        commit, and tomorrow's digest reports their changes again rather than none."""
        import json

        values = [(o.id, json.dumps(o._ow_digest_figures())) for o in orders]
        try:
            with self.env.cr.savepoint(flush=False):
                self._ow_write_snapshots(values)
        except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
            kept = []
            for value in values:
                try:
                    with self.env.cr.savepoint(flush=False):
                        self._ow_write_snapshots([value])
                except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                    kept.append(value[0])
            _logger.info("digest snapshots of orders %s kept (changed meanwhile)", kept)
        orders.invalidate_recordset(["ow_digest_snapshot"])

    @api.model
    def _ow_write_snapshots(self, values):
        self.env.cr.execute(
            SQL(
                """
                UPDATE sale_order o SET ow_digest_snapshot = v.snap::jsonb
                  FROM (VALUES %s) AS v(id, snap)
                 WHERE o.id = v.id
                """,
                SQL(", ").join(SQL("(%s, %s)", oid, snap) for oid, snap in values),
            )
        )
