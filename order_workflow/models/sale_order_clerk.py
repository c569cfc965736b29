# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The responsible order clerk (跟单员) of each workflow order.

Given when the order is created: to its creator when they are an order clerk, otherwise
to the clerk of the company with the fewest open workflow orders (派单, dispatch by
workload). The clerk's activities of the order go to them (``_ow_clerk``). Only the
sales manager reassigns it (the guard, sale_order.py), and the chatter logs who did.

The clerks given orders are the users of the Order Clerk role itself: the approvers
(sales manager, director, general manager) and the administrators hold the role too,
with theirs, and get orders only when nobody else holds it.
"""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .sale_order import FOLDED_STAGES

CLERK = "order_workflow.group_order_clerk"
MANAGER = "order_workflow.group_sales_manager"
NOT_DISPATCHED = (
    MANAGER,
    "order_workflow.group_sales_director",
    "order_workflow.group_general_manager",
    "base.group_system",
)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    order_clerk_id = fields.Many2one(
        "res.users",
        string="Order clerk",
        compute="_compute_order_clerk_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        copy=False,
        domain=lambda self: [
            ("share", "=", False),
            ("groups_id", "in", self.env.ref(CLERK).ids),
        ],
        help="The order clerk who follows the order (跟单员): given by workload when "
        "the order is created, reassigned by the sales manager. The clerk's "
        "activities of the order go to them.",
    )
    ow_may_assign_clerk = fields.Boolean(
        string="Can reassign the clerk", compute="_compute_ow_may_assign_clerk"
    )

    def _compute_ow_may_assign_clerk(self):
        may = self.env.su or self.env.user.has_group(MANAGER)
        for order in self:
            order.ow_may_assign_clerk = may

    @api.depends("use_order_workflow")
    def _compute_order_clerk_id(self):
        """At creation (the workflow switch is fixed then): the creator if a clerk,
        else the clerk with the fewest open workflow orders; one query for the pool
        and one ``_read_group`` for their load, whatever the batch."""
        todo = self.filtered(lambda o: o.use_order_workflow and not o.order_clerk_id)
        (self - todo).filtered(
            lambda o: not o.use_order_workflow
        ).order_clerk_id = False
        for company, orders in todo.grouped("company_id").items():
            pool = self._ow_clerk_pool(company or self.env.company)
            if self.env.user in pool:
                orders.order_clerk_id = self.env.user
                continue
            if not pool:
                orders.order_clerk_id = False
                continue
            load = dict.fromkeys(pool.ids, 0)
            for clerk, count in (
                self.env["sale.order"]
                .sudo()
                ._read_group(
                    [
                        ("use_order_workflow", "=", True),
                        ("workflow_stage", "not in", FOLDED_STAGES),
                        ("order_clerk_id", "in", pool.ids),
                    ],
                    ["order_clerk_id"],
                    ["__count"],
                )
            ):
                load[clerk.id] = count
            for order in orders:  # a batch (an import) is spread too
                clerk_id = min(load, key=lambda uid: (load[uid], uid))
                order.order_clerk_id = clerk_id
                load[clerk_id] += 1

    @api.model
    def _ow_clerk_pool(self, company):
        """The order clerks of ``company`` who are given orders (see the docstring)."""
        data = self.env["ir.model.data"]
        clerk_id = data._xmlid_to_res_id(CLERK)
        users = self.env["res.users"].sudo()
        domain = [
            ("share", "=", False),
            ("company_ids", "in", company.id),
            ("groups_id", "in", clerk_id),
        ]
        excluded = [data._xmlid_to_res_id(xmlid) for xmlid in NOT_DISPATCHED]
        return users.search(
            [*domain, ("groups_id", "not in", excluded)], order="id"
        ) or users.search(domain, order="id")

    @api.model
    def _get_under_validation_exceptions(self):
        # reassigning the clerk changes nothing the approvers decide on
        return [*super()._get_under_validation_exceptions(), "order_clerk_id"]

    @api.constrains("order_clerk_id")
    def _check_order_clerk_id(self):
        for order in self:
            clerk = order.order_clerk_id
            if clerk and (clerk.share or not clerk.has_group(CLERK)):
                raise ValidationError(
                    _(
                        "%(user)s is not an order clerk: %(order)s can't be given "
                        "to them.",
                        user=clerk.name,
                        order=order.name,
                    )
                )

    def _ow_clerk(self, fallback=None):
        """Who gets the clerk's activities of the order: its responsible clerk, else
        ``fallback`` (who got them before there was one), else the current user."""
        clerk = self[:1].sudo().order_clerk_id
        if clerk.active:
            return clerk.with_env(self.env)
        return fallback or self.env.user
