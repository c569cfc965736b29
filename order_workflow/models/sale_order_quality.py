# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quality gate (质检): finished goods of workflow orders are inspected when their
MO is done (OCA ``quality_control_mrp_oca``), unless their product ships without
inspection; the order stays in ``quality`` until every inspection has passed, and its
goods don't leave before."""

from odoo import api, fields, models

QC_STATES = [
    ("not_needed", "Not needed"),
    ("pending", "Pending"),
    ("failed", "Failed"),
    ("passed", "Passed"),
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    qc_state = fields.Selection(
        QC_STATES,
        string="Quality check",
        compute="_compute_qc_state",
        store=True,
        index=True,
    )

    @api.depends(
        "ow_production_ids.state",
        "ow_production_ids.product_id.ships_without_inspection",
        "ow_production_ids.qc_inspections_ids.state",
    )
    def _compute_qc_state(self):
        for order in self:
            # an MO finished with no inspection at all was made before its product
            # needed one: opting back in does not reopen finished orders
            productions = order.ow_production_ids.filtered(
                lambda p: p.state != "cancel"
                and not p.product_id.ships_without_inspection
                and (p.state != "done" or p.qc_inspections_ids)
            )
            if not productions:
                order.qc_state = "not_needed"
                continue
            inspections = productions.qc_inspections_ids.filtered(
                lambda i: i.state != "canceled"
            )
            if any(i.state == "failed" for i in inspections):
                order.qc_state = "failed"
            elif all(
                p.state == "done"
                and (kept := p.qc_inspections_ids & inspections)
                and all(i.state == "success" for i in kept)
                for p in productions
            ):  # cancelling every inspection of an MO does not pass it
                order.qc_state = "passed"
            else:
                order.qc_state = "pending"

    # -- stage (sale_order.LIFECYCLE) ------------------------------------------------
    def _ow_waits_for_quality(self):
        return self.qc_state in ("pending", "failed")

    def _ow_stages_waiting_for(self, user):
        stages = super()._ow_stages_waiting_for(user)
        if user.has_group("order_workflow.group_production_supervisor"):
            stages.add("production")
        if user.has_group("order_workflow.group_qc_inspector"):
            stages.add("quality")
        return stages
