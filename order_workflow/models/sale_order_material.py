# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Material follow-up of the order (物料跟踪; DESIGN.md, *Material follow-up*).

From the component moves of the order's MOs: a move reserved is fine; one supplied by
a purchase order line (Odoo's own links: ``created_purchase_line_ids`` and the receipt
moves' ``purchase_line_id``, purchase_stock/purchase_mrp) is expected on the line's
``date_planned``; one with neither is missing. The order is ``at_risk`` when the latest
expected arrival plus the MO's duration (its BoM's manufacturing lead time, else its
planned span) passes the promised date, by ``material_risk_days``.

Stored, and recomputed in one batch over every order concerned (a constant number of
queries, whatever their number) when a purchase line's date moves or its PO is
cancelled, a move is done (a receipt) or reserved (an MO), an MO is cancelled: see
``_ow_recompute_material`` and its callers (purchase_order_material.py,
stock_move_material.py). Only workflow orders are computed: the others stay
``not_needed`` and their purchases and MOs run as without this module.
"""

from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

CLERK = "order_workflow.group_order_clerk"
SUPERVISOR = "order_workflow.group_production_supervisor"
MATERIAL_STATES = [
    ("not_needed", "Not needed"),
    ("waiting", "Waiting"),
    ("at_risk", "At risk"),
    ("ready", "Ready"),
]
RISK_KEY = "order_workflow.material_risk_turned"
SUPPLY_FIELDS = ("ow_material_supply", "material_expected_date", "ow_material_finish")
STATE_FIELDS = ("material_state", "material_risk_days")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # what the components allow (computed in batch, see the module's docstring)
    ow_material_supply = fields.Selection(
        [("not_needed", "Not needed"), ("waiting", "Waiting"), ("ready", "Ready")],
        string="Material supply",
        compute="_compute_material_supply",
        store=True,
        readonly=True,
        copy=False,
    )
    material_expected_date = fields.Date(
        string="Materials expected",
        compute="_compute_material_supply",
        store=True,
        readonly=True,
        copy=False,
        help="The latest expected arrival of the components of the order's "
        "manufacturing orders, from their purchase orders.",
    )
    ow_material_finish = fields.Date(
        string="Expected finish (materials)",
        compute="_compute_material_supply",
        store=True,
        readonly=True,
        copy=False,
        help="When the goods can be finished: the latest expected component arrival "
        "plus the manufacturing time.",
    )
    material_state = fields.Selection(
        MATERIAL_STATES,
        string="Materials",
        compute="_compute_material_state",
        store=True,
        readonly=True,
        index=True,
        copy=False,
        help="Not needed: no manufacturing order. Waiting: components not all "
        "reserved yet. At risk: a component arrives too late to finish by the "
        "promised date. Ready: every component is reserved.",
    )
    material_risk_days = fields.Integer(
        string="Days late (materials)",
        compute="_compute_material_state",
        store=True,
        readonly=True,
        copy=False,
        help="How many days the late components push the finished goods past the "
        "promised date.",
    )

    # -- computation -------------------------------------------------------------------
    def _ow_material_lines(self):
        """The pending components of the orders' open MOs, in a constant number of
        queries: {order: [{production, move, lines, expected, finish}]} where
        ``lines`` are the purchase lines supplying the move (none: missing),
        ``expected`` their latest date and ``finish`` the MO's expected end."""
        result = {order: [] for order in self}
        productions = (
            self.env["mrp.production"]
            .sudo()
            .search_fetch(
                [("sale_id", "in", self.ids), ("state", "not in", ("done", "cancel"))],
                ["sale_id", "date_start", "date_finished", "bom_id"],
            )
        )
        moves = productions.move_raw_ids.filtered(
            lambda m: m.state not in ("done", "cancel", "assigned")
        )
        for move in moves:
            production = move.raw_material_production_id
            lines = (
                move.created_purchase_line_ids | move.move_orig_ids.purchase_line_id
            ).filtered(lambda pol: pol.state != "cancel")
            expected = max(lines.mapped("date_planned"), default=False)
            finish = False
            if expected:
                delay = production.bom_id.produce_delay
                span = (
                    timedelta(days=delay)
                    if delay
                    else (production.date_finished or expected)
                    - (production.date_start or expected)
                )
                finish = expected + max(span, timedelta(0))
            order = production.sale_id.with_env(self.env)
            result.setdefault(order, []).append(
                {
                    "production": production,
                    "move": move,
                    "lines": lines,
                    "expected": expected,
                    "finish": finish,
                }
            )
        return result, productions

    @api.depends("use_order_workflow")
    def _compute_material_supply(self):
        todo = self.filtered(
            lambda o: o.use_order_workflow and o.id and o.state == "sale"
        )
        (self - todo).update(
            {
                "ow_material_supply": "not_needed",
                "material_expected_date": False,
                "ow_material_finish": False,
            }
        )
        if not todo:
            return
        pending, productions = todo._ow_material_lines()
        with_mo = set(productions.sale_id.ids)
        if len(with_mo) < len(todo):  # orders whose MOs are all done: read their MOs
            done = (
                self.env["mrp.production"]
                .sudo()
                ._read_group(
                    [
                        ("sale_id", "in", list(set(todo.ids) - with_mo)),
                        ("state", "=", "done"),
                    ],
                    ["sale_id"],
                )
            )
            with_mo.update(order.id for (order,) in done)
        for order in todo:
            rows = pending.get(order, [])
            expected = [r["expected"] for r in rows if r["expected"]]
            finish = [r["finish"] for r in rows if r["finish"]]
            if order.id not in with_mo:
                supply = "not_needed"
            else:
                supply = "waiting" if rows else "ready"
            order.ow_material_supply = supply
            order.material_expected_date = max(expected).date() if expected else False
            order.ow_material_finish = max(finish).date() if finish else False

    @api.depends("ow_material_supply", "ow_material_finish", "promised_date")
    def _compute_material_state(self):
        turned, cleared = [], []
        for order in self:
            finish, promised = order.ow_material_finish, order.promised_date
            late = (
                order.ow_material_supply == "waiting"
                and finish
                and promised
                and finish > promised
            )
            state = "at_risk" if late else order.ow_material_supply or "not_needed"
            # read before it is set: the value stored so far
            old = order.material_state
            if order.id and order.use_order_workflow and old != state:
                if state == "at_risk":
                    turned.append(order.id)
                elif old == "at_risk":
                    cleared.append(order.id)
            order.material_state = state
            order.material_risk_days = (finish - promised).days if late else 0
        if turned or cleared:
            self._ow_material_risk_changed(turned, cleared)

    def _ow_recompute_material(self):
        """Mark the workflow orders among ``self`` for recomputation: done in one
        batch when the fields are next read or flushed."""
        orders = self.sudo().filtered("use_order_workflow")
        if not orders:
            return
        for name in SUPPLY_FIELDS + STATE_FIELDS:
            self.env.add_to_compute(self._fields[name], orders)

    # -- the risk: one activity for the clerk and the production supervisor ------------
    def _ow_material_risk_changed(self, turned, cleared):
        """Handled when the transaction commits, on the orders still (or no longer) at
        risk then: one activity each, removed when the risk clears."""
        pending = self.env.cr.precommit.data.setdefault(RISK_KEY, {})
        if not pending:
            self.env.cr.precommit.add(self._ow_notify_material_risk)
        for order_id in turned:
            pending[order_id] = True
        for order_id in cleared:
            pending[order_id] = False

    def _ow_notify_material_risk(self):
        ids = self.env.cr.precommit.data.pop(RISK_KEY, {})
        orders = self.env["sale.order"].sudo().browse(list(ids)).exists()
        if not orders:
            return
        activity_type = self.env.ref("order_workflow.activity_material_risk")
        at_risk = orders.filtered(lambda o: o.material_state == "at_risk")
        (orders - at_risk).activity_unlink(["order_workflow.activity_material_risk"])
        new = at_risk.filtered(
            lambda o: activity_type not in o.activity_ids.activity_type_id
        )
        if not new:
            return
        pending, _productions = new._ow_material_lines()
        values = []
        for order in new:
            note = order._ow_material_risk_note(pending.get(order, []))
            supervisors = (
                order.ow_production_ids.user_id.filtered(
                    lambda u: u.active and u.has_group(SUPERVISOR)
                )[:1]
                or order._ow_role_holders(SUPERVISOR)[:1]
            )
            for user in order._ow_clerk(order.user_id) | supervisors:
                values.append(
                    order._ow_activity_values(
                        activity_type,
                        user,
                        summary=_(
                            "Materials late: %(days)s days past the promised date",
                            days=order.material_risk_days,
                        ),
                        note=note,
                    )
                )
        self.env["mail.activity"].sudo().create(values)
        self.env.flush_all()

    def _ow_material_risk_note(self, rows):
        """The late components and their purchase orders, as the activity says."""
        self.ensure_one()
        items = []
        for row in sorted(rows, key=lambda r: r["finish"] or r["move"].date):
            if not row["lines"]:
                text = _(
                    "%(product)s: no supply yet", product=row["move"].product_id.name
                )
            elif row["finish"].date() > self.promised_date:
                text = _(
                    "%(product)s: %(orders)s, expected %(date)s",
                    product=row["move"].product_id.name,
                    orders=", ".join(row["lines"].order_id.mapped("name")),
                    date=row["expected"].date(),
                )
            else:
                continue
            items.append(Markup("<li>%s</li>") % text)
        intro = _(
            "The goods can be finished on %(date)s at the earliest, after the promised "
            "date %(promised)s. Late components:",
            date=self.ow_material_finish,
            promised=self.promised_date,
        )
        return Markup("<p>%s</p><ul>%s</ul>") % (intro, Markup("").join(items))

    # -- propose a new date -----------------------------------------------------------
    def action_propose_material_date(self):
        """*Propose a new date*: a date change request prefilled with the date the
        materials allow (change_request.py)."""
        self.ensure_one()
        action = self.action_request_change()  # the clerk, a confirmed workflow order
        if self.material_state != "at_risk":
            raise UserError(
                _(
                    "%(order)s is not at risk from its materials: there is no new date "
                    "to propose.",
                    order=self.name,
                )
            )
        action["context"] = {
            **action["context"],
            "default_change_type": "date",
            "default_new_requested_date": fields.Date.to_string(
                self.ow_material_finish
            ),
            "default_reason": _(
                "Late components: the goods can be finished on %(date)s at the "
                "earliest.",
                date=self.ow_material_finish,
            ),
        }
        return action
