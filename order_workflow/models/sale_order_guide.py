# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One line on the order: what it waits for now, and who must act."""

from odoo import api, fields, models

# the roles a waiting line names
ROLES = (
    "group_order_clerk",
    "group_technical_reviewer",
    "group_purchase_reviewer",
    "group_finance_reviewer",
    "group_production_supervisor",
    "group_qc_inspector",
    "group_shipping_clerk",
    "group_sales_manager",
)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    ow_waiting_for = fields.Char(
        string="Waiting for",
        compute="_compute_ow_waiting_for",
        help="What the order waits for now, and who must act.",
    )

    def _ow_role(self, xmlid):
        """The name of the role (group) ``xmlid``. Not env.ref, which checks the
        record exists (a query per kanban card); every role's name is read at once."""
        to_id = self.env["ir.model.data"]._xmlid_to_res_id
        roles = [to_id(f"order_workflow.{role}") for role in ROLES]
        group = self.env["res.groups"].sudo().browse(to_id(f"order_workflow.{xmlid}"))
        return group.with_prefetch(roles).name

    def _ow_waiting_table(self):
        """stage -> (what, role xmlids) for the stages that need no more than the
        stage to say it; built once per batch of orders (a kanban column)."""
        table = {
            "intake": (self.env._("the preliminary review"), ["group_order_clerk"]),
            "info_needed": (
                self.env._("the customer's missing information"),
                ["group_order_clerk"],
            ),
            "technical_review": (
                self.env._("the technical and material sign-off"),
                ["group_technical_reviewer", "group_purchase_reviewer"],
            ),
            "price_review": (
                self.env._("the finance price approval"),
                ["group_finance_reviewer"],
            ),
            "deposit": (self.env._("the deposit payment"), ["group_finance_reviewer"]),
            "production": (
                self.env._("the production of the goods"),
                ["group_production_supervisor"],
            ),
            "quality": (self.env._("the quality inspection"), ["group_qc_inspector"]),
            "payment_hold": (
                self.env._("the balance payment (or finance's release on credit)"),
                ["group_finance_reviewer"],
            ),
            "shipped": (
                self.env._("the customer's signed delivery receipt"),
                ["group_order_clerk", "group_shipping_clerk"],
            ),
            "collection": (
                self.env._("the customer's payment of every invoice"),
                ["group_finance_reviewer"],
            ),
        }
        return table

    def _ow_waiting_line(self, table=None, roles=None):
        """(what, who) for the order's stage; a gate with more to say has its own
        ``_ow_waiting_<stage>`` method. ``table`` and ``roles`` (stage -> who) are
        shared by the orders of one batch."""
        self.ensure_one()
        special = getattr(self, f"_ow_waiting_{self.workflow_stage}", None)
        if special:
            return special()
        if table is None:
            table, roles = self._ow_waiting_table(), {}
        stage = self.workflow_stage
        if stage not in table:
            return False, False
        what, groups = table[stage]
        if stage not in roles:
            roles[stage] = ", ".join(self._ow_role(group) for group in groups)
        return what, roles[stage]

    def _ow_waiting_approval(self):
        pending = (
            self.sudo()
            .review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
            .sorted("sequence")
        )
        who = pending[:1].reviewer_group_id.name
        return self.env._("the approval"), who or self._ow_role("group_sales_manager")

    def _ow_waiting_customer_confirmation(self):
        if self.confirmation_state == "not_sent":
            return self.env._("sending the Order Confirmation"), self._ow_role(
                "group_order_clerk"
            )
        if self.confirmation_state == "sent":
            return self.env._("the customer's signed copy"), self.env._(
                "the customer (the clerk follows up)"
            )
        return self.env._("checking the signed copy"), self._ow_role(
            "group_order_clerk"
        )

    def _ow_waiting_ready(self):
        if not self.shipping_request_issued_on:
            return self.env._("the Shipping Request"), self._ow_role(
                "group_order_clerk"
            )
        return self.env._("the shipment"), self._ow_role("group_shipping_clerk")

    def _ow_waiting_delivered(self):
        return self.env._("the follow-up call"), self.user_id.name or self.env._(
            "the salesperson"
        )

    @api.depends("workflow_stage", "confirmation_state", "shipping_request_issued_on")
    @api.depends_context("lang")
    def _compute_ow_waiting_for(self):
        """Batched for the kanban: the table, the roles and each distinct line are
        translated once per batch (a column), not once per card."""
        table, roles, lines = self._ow_waiting_table(), {}, {}
        pattern = self.env._("Waiting for %(what)s: %(who)s")
        for order in self:
            what, who = (
                order._ow_waiting_line(table, roles)
                if order.use_order_workflow
                else (False, False)
            )
            if what and (what, who) not in lines:
                lines[what, who] = pattern % {"what": what, "who": who}
            order.ow_waiting_for = lines[what, who] if what else False
