# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dates the KPIs read (按时交付率, 一次审核通过率), stored on the order.

- ``finished_on``: when the goods were finished: the latest ``date_finished`` of the
  order's done MOs once production is done. An order with no MO (goods from stock) is
  finished when its production is released (``production_released_on``): the goods
  are then ready in stock, and the order moves on to the ready-to-ship side at once.
- ``shipped_on``: the first outgoing delivery done (``date_done``).
- ``on_time``: finished on or before the promised date, and where an agreed ship date is
  set, shipped on or before it. False while unknown (not finished, or not shipped yet
  when a ship date is agreed, or no promised date). Dates are compared in UTC, as the
  delay risk compares them (sale_order_production.py).
- ``first_pass_review``: the preliminary review passed and the order was never in
  *Info needed* (its stage log has no such row).

Orders outside the workflow keep them empty (off means off); every compute reads the
orders' records in batch (prefetch, one ``_read_group``), never one query per order.
"""

from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    finished_on = fields.Datetime(
        string="Finished on",
        compute="_compute_finished_on",
        store=True,
        copy=False,
        help="When the goods were finished: the last manufacturing order done, or "
        "for goods from stock, the production release.",
    )
    shipped_on = fields.Datetime(
        string="Shipped on",
        compute="_compute_shipped_on",
        store=True,
        copy=False,
        help="When the first delivery to the customer was done.",
    )
    on_time = fields.Boolean(
        string="On time",
        compute="_compute_on_time",
        store=True,
        copy=False,
        help="Finished on or before the promised date, and shipped on or before the "
        "agreed ship date where one is set. Not on time while unknown.",
    )
    first_pass_review = fields.Boolean(
        string="First-pass review",
        compute="_compute_first_pass_review",
        store=True,
        copy=False,
        help="The preliminary review passed without asking the customer for "
        "missing information.",
    )

    @api.depends(
        "production_done",
        "production_released_on",
        "ow_production_ids.state",
        "ow_production_ids.date_finished",
    )
    def _compute_finished_on(self):
        for order in self:
            if not (order.use_order_workflow and order.production_done):
                order.finished_on = False
                continue
            done = order.ow_production_ids.filtered(lambda p: p.state == "done")
            order.finished_on = (
                max(done.mapped("date_finished"), default=False)
                or order.production_released_on
            )

    @api.depends("picking_ids.state", "picking_ids.date_done")
    def _compute_shipped_on(self):
        for order in self:
            if not order.use_order_workflow:
                order.shipped_on = False
                continue
            done = order.picking_ids.filtered(
                lambda p: p.picking_type_code == "outgoing"
                and p.state == "done"
                and p.date_done
            )
            order.shipped_on = min(done.mapped("date_done"), default=False)

    @api.depends("finished_on", "shipped_on", "promised_date", "planned_ship_date")
    def _compute_on_time(self):
        for order in self:
            finished, shipped = order.finished_on, order.shipped_on
            order.on_time = bool(
                order.use_order_workflow
                and finished
                and order.promised_date
                and finished.date() <= order.promised_date
                and (
                    not order.planned_ship_date
                    or (shipped and shipped.date() <= order.planned_ship_date)
                )
            )

    @api.depends("review_state")
    def _compute_first_pass_review(self):
        passed = self.filtered(
            lambda o: o.use_order_workflow and o.review_state == "passed" and o.id
        )
        asked = set()
        if passed:
            groups = (
                self.env["order_workflow.stage.log"]
                .sudo()
                ._read_group(
                    [("order_id", "in", passed.ids), ("stage", "=", "info_needed")],
                    ["order_id"],
                )
            )
            asked = {order.id for (order,) in groups}
        for order in self:
            order.first_pass_review = order in passed and order.id not in asked

    def action_review_need_info(self, note):
        res = super().action_review_need_info(note)
        # the stage log records Info needed now, whatever follows in the same
        # transaction: first_pass_review reads it
        self.flush_recordset(["workflow_stage"])
        return res
