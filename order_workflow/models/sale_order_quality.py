# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quality gate (质检): finished goods flagged "inspection before shipping" are
inspected when their MO is done (OCA ``quality_control_mrp_oca``); the order stays in
``quality`` until every inspection has passed, and its goods don't leave before."""

from odoo import _, api, fields, models

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
    ready_notified_on = fields.Datetime(readonly=True, copy=False)

    @api.depends(
        "ow_production_ids.state",
        "ow_production_ids.product_id.inspection_before_shipping",
        "ow_production_ids.qc_inspections_ids.state",
    )
    def _compute_qc_state(self):
        for order in self:
            # an MO finished with no inspection at all was made before its product
            # needed one: switching the flag on does not reopen finished orders
            productions = order.ow_production_ids.filtered(
                lambda p: p.state != "cancel"
                and p.product_id.inspection_before_shipping
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

    # -- stage -----------------------------------------------------------------------
    @api.depends("production_done", "qc_state")
    def _compute_workflow_stage(self):
        return super()._compute_workflow_stage()

    def _get_workflow_stage_after_confirmation(self):
        stage = super()._get_workflow_stage_after_confirmation()
        if stage != "production" or not self.production_done:
            return stage
        if self.qc_state in ("pending", "failed"):
            return "quality"
        return self._get_workflow_stage_after_quality()

    def _get_workflow_stage_after_quality(self):
        """Stage once the goods are produced and inspected; the shipping gates
        extend it."""
        return "ready"

    def _ow_stages_waiting_for(self, user):
        stages = super()._ow_stages_waiting_for(user)
        if user.has_group("order_workflow.group_production_supervisor"):
            stages.add("production")
        if user.has_group("order_workflow.group_qc_inspector"):
            stages.add("quality")
        return stages

    # -- ready: the clerk and the salesperson are told --------------------------------
    def _ow_notify_ready(self):
        ready = self.sudo().filtered(
            lambda o: o.use_order_workflow
            and o.workflow_stage == "ready"
            and not o.ready_notified_on
        )
        for order in ready:
            order.ready_notified_on = fields.Datetime.now()
            partners = (
                (order.user_id | order.create_uid)
                .filtered(lambda u: not u.share)
                .partner_id
            )
            order.message_post(
                body=_(
                    "%(order)s is ready to ship: the goods are produced%(qc)s.",
                    order=order.name,
                    qc=_(" and passed the quality inspection")
                    if order.qc_state == "passed"
                    else "",
                ),
                partner_ids=partners.ids,
                subtype_xmlid="mail.mt_note",
            )
        return ready
