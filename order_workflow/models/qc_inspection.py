# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Inspections of workflow orders' finished goods: only QC inspectors decide them; a
failed one sends the MO back to production (rework or remake)."""

from odoo import _, models

from .guard import Rule

QC = "order_workflow.group_qc_inspector"
DECISIONS = ("waiting", "success", "failed")


def _ow_workflow_production(object_ref):
    """The MO the inspected record comes from (an MO or its finished move), when it
    is one of a workflow order's."""
    if not object_ref:
        return False
    record = object_ref.sudo()
    if record._name == "stock.move":
        record = record.production_id
    elif record._name != "mrp.production":
        return False
    return bool(record.sale_id.use_order_workflow)


class QcInspection(models.Model):
    _name = "qc.inspection"
    _inherit = ["qc.inspection", "order_workflow.guarded"]
    # the decision on the goods of a workflow order is the QC inspector's
    _ow_guarded_fields = {"state": Rule(groups=(QC,), scope="_ow_guard_decisions")}

    def _make_inspection(self, object_ref, trigger_line, date=None):
        # OCA runs this as whoever marks the MO done: a production user may not
        # create inspections; the inspection of a workflow order's MO is the
        # system's, not theirs. Any other inspection is made as in OCA.
        inspections = self.sudo() if _ow_workflow_production(object_ref) else self
        return super(QcInspection, inspections)._make_inspection(
            object_ref, trigger_line, date=date
        )

    def _ow_guard_decisions(self, vals, creating):
        if vals.get("state") not in DECISIONS:
            return False
        if creating:
            return (
                self.env["mrp.production"]
                .sudo()
                .browse(vals.get("production_id"))
                .sale_id.use_order_workflow
            )
        return self.filtered(
            lambda i: i.sudo().production_id.sale_id.use_order_workflow
        )

    def _ow_stage_orders(self):
        return self.sudo().production_id.sale_id

    # every finished product is inspected (issue 16): the QC inspector's decisions are
    # called over RPC too, where OCA's ``None`` can't be returned
    def action_confirm(self):
        res = super().action_confirm()
        return True if res is None else res

    def action_approve(self):
        res = super().action_approve()
        return True if res is None else res

    def write(self, vals):
        res = super().write(vals)
        if "state" in vals:
            orders = self.sudo().production_id.sale_id
            if vals["state"] == "failed":
                self._ow_send_back_to_production()
            orders._ow_follow_stage()
        return res

    def _ow_send_back_to_production(self):
        activity_type = self.env.ref("order_workflow.activity_rework")
        for inspection in self.sudo().filtered("production_id"):
            production = inspection.production_id
            production.activity_schedule(
                activity_type_id=activity_type.id,
                note=_(
                    "Inspection %(name)s failed: rework or remake %(product)s; the "
                    "goods can't ship until an inspection passes.",
                    name=inspection.name,
                    product=inspection.product_id.display_name,
                ),
                user_id=production.user_id.id or self.env.uid,
            )
            if production.sale_id:
                production.sale_id._ow_note(
                    _(
                        "Quality inspection %(name)s failed: sent back to production.",
                        name=inspection.name,
                    )
                )
