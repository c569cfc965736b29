# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.tools import float_is_zero

from .guard import NO_RESTART, Rule, is_internal

TECH = "order_workflow.group_technical_reviewer"


class SaleOrderLine(models.Model):
    _name = "sale.order.line"
    _inherit = ["sale.order.line", "order_workflow.guarded"]
    # Besides the price list price and the deviation (readonly: computed): what the
    # technical review saw is changed by the technical reviewer (ticking a line
    # non-standard is always allowed: it opens a new round), and a line of a workflow
    # order stays on its order.
    _ow_guarded_fields = {
        "is_nonstandard": Rule(groups=(TECH,), scope="_ow_guard_reviewed"),
        "nonstandard_note": Rule(groups=(TECH,), scope="_ow_guard_reviewed"),
        "order_id": Rule(scope="_ow_guard_workflow_lines", on_create=False),
    }

    ow_qty_planned = fields.Float(
        string="Planned (MO)",
        compute="_compute_ow_production_qty",
        digits="Product Unit of Measure",
    )
    ow_qty_produced = fields.Float(
        string="Produced",
        compute="_compute_ow_production_qty",
        digits="Product Unit of Measure",
    )

    is_nonstandard = fields.Boolean(
        string="Non-standard",
        compute="_compute_is_nonstandard",
        store=True,
        precompute=True,
        readonly=False,
        help="A non-standard process, structure, part, packaging or recipe: the order "
        "goes through the technical review.",
    )
    nonstandard_note = fields.Text(
        string="What differs",
        help="What is non-standard: process, structure, parts, packaging, recipe.",
    )
    list_price_expected = fields.Monetary(
        string="Price list price",
        compute="_compute_list_price_expected",
        store=True,
        help="The unit price the price list gives this customer for this product, "
        "quantity and date.",
    )
    last_price_paid = fields.Monetary(
        string="Last price paid",
        compute="_compute_last_price_paid",
        help="The unit price this customer paid for this product on its latest "
        "confirmed order.",
    )
    price_deviation_percent = fields.Float(
        string="Deviation (%)",
        digits=(16, 2),
        compute="_compute_price_deviation_percent",
        store=True,
        help="How far the net unit price (after discount) is from the price list "
        "price, in percent; negative below, positive above.",
    )

    @api.depends("product_id")
    def _compute_is_nonstandard(self):
        for line in self:
            line.is_nonstandard = line.product_id.always_technical_review or (
                line.is_nonstandard
                if line._origin.product_id == line.product_id
                else False
            )

    def _compute_pricelist_item_id(self):
        """Price list rules for a customer or a customer class apply to its workflow
        orders. Other orders pick among the rules for everyone exactly as Odoo does."""
        workflow = self.filtered(lambda line: line.order_id.use_order_workflow)
        super(SaleOrderLine, self - workflow)._compute_pricelist_item_id()
        by_partner = defaultdict(lambda: self.browse())
        for line in workflow:
            by_partner[line.order_id.partner_id.commercial_partner_id.id] |= line
        for partner_id, lines in by_partner.items():
            super(
                SaleOrderLine, lines.with_context(ow_pricing_partner_id=partner_id)
            )._compute_pricelist_item_id()

    def _ow_priced_lines(self):
        return self.filtered(
            lambda line: line.order_id.use_order_workflow
            and line.product_id
            and not line.display_type
            and not line.is_downpayment
        )

    @api.depends(
        "product_id",
        "product_uom",
        "product_uom_qty",
        "order_id.pricelist_id",
        "order_id.date_order",
        "order_id.partner_id",  # customer and class rules of the price list
    )
    def _compute_list_price_expected(self):
        priced = self._ow_priced_lines()
        (self - priced).list_price_expected = 0.0
        for line in priced:
            line.list_price_expected = line._get_pricelist_price()

    @api.depends("list_price_expected", "price_unit", "discount")
    def _compute_price_deviation_percent(self):
        for line in self:
            expected = line.list_price_expected
            if float_is_zero(expected, precision_digits=6) or not line.product_id:
                line.price_deviation_percent = 0.0
                continue
            net = line.price_unit * (1.0 - (line.discount or 0.0) / 100.0)
            line.price_deviation_percent = (net - expected) / expected * 100.0

    def _compute_last_price_paid(self):
        """The customer's latest confirmed price per product: one grouped read of the
        latest line per contact and product, then those lines (bounded by the
        customer's contacts and the products, not by its history)."""
        priced = self._ow_priced_lines()
        (self - priced).last_price_paid = 0.0
        if not priced:
            return
        partners = priced.order_id.partner_id.commercial_partner_id
        groups = self.sudo()._read_group(
            [
                ("order_partner_id", "child_of", partners.ids),
                ("product_id", "in", priced.product_id.ids),
                ("state", "=", "sale"),
                ("is_downpayment", "=", False),
                ("id", "not in", priced.ids),
            ],
            ["order_partner_id", "product_id"],
            ["id:max"],
        )
        latest = {}
        for past in self.sudo().browse([line_id for _p, _pr, line_id in groups]):
            key = (past.order_partner_id.commercial_partner_id.id, past.product_id.id)
            if past.id > latest.get(key, self.browse()).id:
                latest[key] = past
        for line in priced:
            past = latest.get(
                (line.order_id.partner_id.commercial_partner_id.id, line.product_id.id),
                self.browse(),
            )
            net = past.price_unit * (1.0 - (past.discount or 0.0) / 100.0)
            line.last_price_paid = net if past else 0.0

    def _ow_price_deviates(self):
        """True when this line needs the finance price approval."""
        self.ensure_one()
        tolerance = self.order_id.company_id.order_workflow_price_tolerance or 0.0
        return (
            bool(self._ow_priced_lines())
            and abs(self.price_deviation_percent) > tolerance + 1e-6
        )

    # -- the guard (guard.py) ---------------------------------------------------------
    def _ow_guard_reviewed(self, vals, creating):
        """Non-standard lines of orders that passed the preliminary review (their
        technical review opened), unless the write marks them non-standard."""
        if creating or vals.get("is_nonstandard"):
            return self.browse()
        return self.filtered(
            lambda line: line.is_nonstandard
            and line.order_id.use_order_workflow
            and line.order_id.review_state == "passed"
        )

    def _ow_guard_workflow_lines(self, vals, creating):
        target = self.env["sale.order"].browse(vals.get("order_id"))
        if target.use_order_workflow:
            return self
        return self.filtered(lambda line: line.order_id.use_order_workflow)

    def _ow_restart(self, orders, reason):
        if is_internal(NO_RESTART):
            return
        orders._ow_restart_approval(reason)

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["sale.order"].browse(
            {vals.get("order_id") for vals in vals_list if vals.get("order_id")}
        )
        self._ow_restart(orders, _("line added"))
        lines = super().create(vals_list)
        lines.order_id._ow_refresh_price_review()
        lines.filtered(
            "is_nonstandard"
        ).order_id._ow_open_technical_rounds()._ow_follow_stage()
        return lines

    def write(self, vals):
        orders = self.order_id
        priced = {
            "price_unit",
            "discount",
            "product_id",
            "product_uom_qty",
            "product_uom",
        }
        if priced & set(vals):
            self._ow_restart(orders, _("line changed"))
        res = super().write(vals)
        if priced & set(vals):
            orders._ow_refresh_price_review()
        if "is_nonstandard" in vals:
            orders._ow_open_technical_rounds()._ow_follow_stage()
        return res

    def _compute_ow_production_qty(self):
        """Produced / planned per line, from the line's MOs (one grouped read)."""
        groups = (
            self.env["mrp.production"]
            .sudo()
            ._read_group(
                [("sale_line_id", "in", self.ids), ("state", "!=", "cancel")],
                ["sale_line_id", "state"],
                ["product_qty:sum", "qty_producing:sum"],
            )
        )
        planned, produced = {}, {}
        for line, state, qty, producing in groups:
            planned[line.id] = planned.get(line.id, 0.0) + qty
            # a done MO produced its quantity; an open one what is being produced
            produced[line.id] = produced.get(line.id, 0.0) + (
                qty if state == "done" else producing
            )
        for line in self:
            line.ow_qty_planned = planned.get(line.id, 0.0)
            line.ow_qty_produced = produced.get(line.id, 0.0)

    def _action_launch_stock_rule(self, previous_product_uom_qty=False):
        res = super()._action_launch_stock_rule(
            previous_product_uom_qty=previous_product_uom_qty
        )
        # the procurement ran for orders not held by a delivery block (OCA filters)
        self.order_id._ow_mark_production_released()
        return res

    def unlink(self):
        orders = self.order_id
        self._ow_restart(orders, _("line removed"))
        res = super().unlink()
        orders.exists()._ow_refresh_price_review()
        return res
