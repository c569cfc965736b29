# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The production instruction (生产指令单) carried by the MO of a workflow order.

OCA ``mrp_sale_info`` already puts the sale order, customer, customer PO and delivery
date on the MO; this adds what the paper instruction carries besides (promised date,
tolerance, packaging, special requirements, non-standard notes) and the production
supervisor's acknowledgement, which is a record, not a gate.
"""

from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .guard import QC_TRIGGERS, internal, workflow_action

SUPERVISOR = "order_workflow.group_production_supervisor"


class MrpProduction(models.Model):
    _name = "mrp.production"
    _inherit = ["mrp.production", "order_workflow.guarded"]

    # searched by the order lines' production progress (sale_order_line)
    sale_line_id = fields.Many2one(index="btree_not_null")
    ow_use_order_workflow = fields.Boolean(
        related="sale_id.use_order_workflow", string="Order workflow"
    )
    ow_promised_date = fields.Date(
        related="sale_id.promised_date",
        string="Promised date",
        help="The finished-goods date promised to the customer.",
    )
    ow_quantity_tolerance = fields.Float(
        related="sale_id.quantity_tolerance", string="Quantity tolerance (%)"
    )
    ow_packaging = fields.Text(
        related="sale_id.packaging_requirements", string="Packaging"
    )
    ow_special_requirements = fields.Html(
        related="sale_id.note", string="Special requirements"
    )
    ow_nonstandard_note = fields.Text(
        related="sale_line_id.nonstandard_note", string="Non-standard requirements"
    )
    instruction_acknowledged_by_id = fields.Many2one(
        "res.users", string="Instruction acknowledged by", readonly=True, copy=False
    )
    instruction_acknowledged_on = fields.Datetime(readonly=True, copy=False)
    ow_anomaly_ids = fields.One2many(
        "order_workflow.production.anomaly", "production_id", string="Anomalies"
    )

    @workflow_action
    def action_acknowledge_instruction(self):
        """The production supervisor acknowledges the production instruction."""
        if not (self.env.su or self.env.user.has_group(SUPERVISOR)):
            raise AccessError(
                _(
                    "Only %(role)s can acknowledge a production instruction.",
                    role=self.env.ref(SUPERVISOR).sudo().name,
                )
            )
        todo = self.filtered(lambda p: not p.instruction_acknowledged_by_id)
        todo.sudo().write(
            {
                "instruction_acknowledged_by_id": self.env.uid,
                "instruction_acknowledged_on": fields.Datetime.now(),
            }
        )
        for production in todo:
            production.message_post(
                body=_(
                    "Production instruction acknowledged by %(user)s.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        todo.sudo().activity_unlink(["order_workflow.activity_instruction"])
        return True

    @api.model
    def _cron_remind_instructions(self):
        """Daily: instructions not acknowledged one working day after release get an
        activity for the production supervisor (once)."""
        now = fields.Datetime.now()
        calendar = self.env.company.resource_calendar_id
        # one working day of the company's calendar back from now
        limit = (
            calendar.plan_hours(-(calendar.hours_per_day or 8.0), now)
            if calendar
            else None
        )
        limit = limit.replace(tzinfo=None) if limit else now - timedelta(days=1)
        activity_type = self.env.ref("order_workflow.activity_instruction")
        late = self.search(
            [
                ("sale_id.use_order_workflow", "=", True),
                ("instruction_acknowledged_by_id", "=", False),
                ("state", "not in", ("done", "cancel")),
                ("create_date", "<=", limit),
                (
                    "activity_ids",
                    "not any",
                    [("activity_type_id", "=", activity_type.id)],
                ),
            ]
        )
        if not late:
            return True
        supervisors = (
            self.env.ref(SUPERVISOR)
            .sudo()
            .users.filtered(lambda u: not u.share and u.active)
        )
        default = self._ow_role_holders(SUPERVISOR)[:1]
        self.env["mail.activity"].sudo().create(
            [
                production._ow_activity_values(
                    activity_type,
                    production.user_id
                    if production.user_id in supervisors
                    else default or self.env.user,
                )
                for production in late
            ]
        )
        return True

    def action_cancel(self):
        # the last open MO of an order cancelled (the customer takes less): the goods
        # made so far are ready, and the shipping release is decided now
        orders = self.sudo().sale_id
        res = super().action_cancel()
        orders._ow_follow_stage()
        return res

    def _post_inventory(self, cancel_backorder=False):
        # OCA creates the inspections in super: the order's stage is read after.
        # For MOs of workflow orders, OCA's look-up of the QC triggers runs as the
        # system (qc_trigger_line.py); any other MO is posted exactly as without us.
        workflow = self.filtered(lambda mo: mo.sudo().sale_id.use_order_workflow)
        res = True
        if self - workflow:
            res = super(MrpProduction, self - workflow)._post_inventory(
                cancel_backorder=cancel_backorder
            )
        if workflow:
            with internal(QC_TRIGGERS):
                res = super(MrpProduction, workflow)._post_inventory(
                    cancel_backorder=cancel_backorder
                )
        self.sudo().sale_id._ow_follow_stage()
        return res

    def _ow_stage_orders(self):
        return self.sale_id
