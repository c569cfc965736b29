# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Inspected before shipping by default: every finished product of a workflow order is
inspected when its MO is done, unless the product opts out
(``ships_without_inspection``).
The workflow adds the finished-goods test to OCA's trigger look-up for the MOs of
workflow orders (qc_trigger_line.py), so nobody sets up a trigger per product, and MOs
of other orders are inspected only as OCA's own triggers say."""

from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    ships_without_inspection = fields.Boolean(
        string="Ships without inspection",
        help="Finished goods of this product ship without the inspection before "
        "shipping. Otherwise, on workflow orders, they are inspected (quantity, "
        "appearance, packaging, labels) when their manufacturing order is done, and "
        "do not ship before the inspection passes.",
    )
    inspection_before_shipping = fields.Boolean(
        string="Inspection before shipping",
        compute="_compute_inspection_before_shipping",
        inverse="_inverse_inspection_before_shipping",
        help="Finished goods of this product are inspected on workflow orders before "
        "shipping (the default): the opposite of Ships without inspection.",
    )

    @api.depends("ships_without_inspection")
    def _compute_inspection_before_shipping(self):
        for template in self:
            template.inspection_before_shipping = not template.ships_without_inspection

    def _inverse_inspection_before_shipping(self):
        for template in self:
            template.ships_without_inspection = not template.inspection_before_shipping
