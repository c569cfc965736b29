# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .guard import ACTION, Rule, internal
from .ir_sequence import ORDER_SEQUENCE_CODE

# The order lifecycle, in one table, read top to bottom (DESIGN.md, "The order
# lifecycle"). For each stage: its key, its label, the method saying whether the order
# still waits there (each gate's file defines its own), and what is done when an order
# arrives there (``_ow_follow_stage``). An order is in the first stage it still waits
# in; ``closed`` is where the road ends. ``rejected`` and ``cancelled`` end it early:
# they are listed last, as in DESIGN.md, and checked first (ENDS).
LIFECYCLE = [
    ("intake", "Intake", "_ow_waits_in_intake", None),
    ("info_needed", "Info needed", "_ow_waits_for_information", None),
    ("technical_review", "Technical review", "_ow_waits_for_technical_review", None),
    ("price_review", "Price review", "_ow_waits_for_price_review", None),
    ("approval", "Approval", "_ow_waits_for_approval", "_ow_request_approval"),
    (
        "customer_confirmation",
        "Customer confirmation",
        "_ow_waits_for_customer_confirmation",
        None,
    ),
    ("deposit", "Deposit", "_ow_waits_for_deposit", None),
    ("production", "Production", "_ow_waits_for_production", None),
    ("quality", "Quality check", "_ow_waits_for_quality", None),
    ("payment_hold", "Payment hold", "_ow_waits_for_payment", None),
    ("ready", "Ready to ship", "_ow_waits_to_ship", "_ow_arrive_ready"),
    ("shipped", "Shipped", "_ow_waits_for_receipt", None),
    ("delivered", "Delivered", "_ow_waits_for_followup", "_ow_arrive_delivered"),
    ("collection", "Awaiting payment", "_ow_waits_for_collection", None),
    ("closed", "Closed", None, None),
    ("rejected", "Rejected", "_ow_is_rejected", None),
    ("cancelled", "Cancelled", "_ow_is_cancelled", None),
]
ENDS = ("cancelled", "rejected")
FOLDED_STAGES = ("closed", *ENDS)
WORKFLOW_STAGES = [(key, label) for key, label, _waits, _arrival in LIFECYCLE]
# What the predicates read: the stage is recomputed when one of them changes.
STAGE_INPUTS = (
    "use_order_workflow",
    "state",
    "review_state",
    "technical_review_state",
    "price_review_state",
    "review_ids.status",
    "deposit_state",
    "production_done",
    "qc_state",
    "shipping_release_state",
    "ow_delivery_state",
    "followup_done_on",
    "invoice_status",
    "order_line.invoice_lines.move_id.state",
    "order_line.invoice_lines.move_id.amount_residual",
)
ORDER_CHANNELS = [
    ("direct", "Direct"),
    ("salesperson", "Salesperson"),
    ("channel", "Channel partner"),
    ("online", "Online platform"),
]
ORDER_SOURCES = [
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("fax", "Fax"),
    ("web", "Web"),
    ("written", "Written form"),
]


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "order_workflow.guarded"]
    # Besides the stored readonly fields the workflow adds (guard.py): a workflow
    # order changes state only through Odoo's own actions, which the workflow's gates
    # check (confirm, cancel, set to quotation); a quotation may be marked sent. The
    # responsible clerk is given by workload and reassigned by the sales manager
    # (sale_order_clerk.py).
    _ow_guarded_fields = {
        "state": Rule(scope="_ow_guard_state_scope"),
        "order_clerk_id": Rule(groups=("order_workflow.group_sales_manager",)),
        # sale_order_ship_date.py
        "planned_ship_date": Rule(
            groups=("order_workflow.group_order_clerk",),
            scope="_ow_guard_workflow_scope",
        ),
    }

    use_order_workflow = fields.Boolean(
        string="Order Workflow",
        readonly=True,
        copy=False,
        help="Fixed when the order is created, from its sales team. Orders outside the "
        "workflow behave exactly as in standard Odoo.",
    )
    workflow_stage = fields.Selection(
        WORKFLOW_STAGES,
        string="Stage",
        compute="_compute_workflow_stage",
        store=True,
        index=True,
        tracking=True,
        group_expand="_group_expand_workflow_stage",
        help="Where the order stands in the order workflow; derived from the order's "
        "review, approval, confirmation, production and shipping records.",
    )

    order_channel = fields.Selection(
        ORDER_CHANNELS,
        string="Channel",
        default="direct",
        tracking=True,
        help="Who brought the order: direct from the customer, a salesperson, a "
        "channel partner (agent or distributor) or an online platform.",
    )
    order_source = fields.Selection(
        ORDER_SOURCES,
        string="Received by",
        tracking=True,
        help="How the order came in.",
    )
    requested_date = fields.Date(
        tracking=True,
        copy=False,
        help="The date the customer asked for.",
    )

    # Set from the sales team when the order is created (see create), then fixed: it
    # never follows later changes of the team. In the form, a new order shows it as its
    # team would set it.
    @api.onchange("team_id")
    def _onchange_team_id_use_order_workflow(self):
        for order in self.filtered(lambda o: not o._origin.id):
            order.use_order_workflow = bool(order.team_id.use_order_workflow)

    @api.depends(*STAGE_INPUTS)
    def _compute_workflow_stage(self):
        for order in self:
            order.workflow_stage = (
                order._get_workflow_stage() if order.use_order_workflow else False
            )

    def _get_workflow_stage(self):
        """The stage of one workflow order, read from LIFECYCLE: the first stage it
        still waits in (after the ENDS), else ``closed``. A pure function of the gate
        fields and of Odoo's own states."""
        self.ensure_one()
        stages = {key: waits for key, _label, waits, _arrival in LIFECYCLE}
        for key in ENDS:
            if getattr(self, stages[key])():
                return key
        for key, _label, waits, _arrival in LIFECYCLE:
            if waits is None:
                return key
            if key not in ENDS and getattr(self, waits)():
                return key
        return "closed"

    @api.model
    def _group_expand_workflow_stage(self, stages, domain):
        return [key for key, _label in WORKFLOW_STAGES]

    @api.model
    def _read_group_fill_results(
        self,
        domain,
        groupby,
        annoted_aggregates,
        read_group_result,
        read_group_order=None,
    ):
        """Fold the columns of the orders that are finished (closed, rejected,
        cancelled) in the stage kanban, as CRM folds Won and Lost: they hold most
        orders and are opened on demand."""
        result = super()._read_group_fill_results(
            domain, groupby, annoted_aggregates, read_group_result, read_group_order
        )
        if groupby == "workflow_stage":
            for line in result:
                line["__fold"] = line["workflow_stage"] in FOLDED_STAGES
        return result

    def _ow_is_cancelled(self):
        return self.state == "cancel"

    def _ow_quotation(self):
        """Not confirmed yet: the gates before the confirmation apply."""
        return self.state in ("draft", "sent")

    def _ow_follow_stage(self):
        """Do what LIFECYCLE says is done when an order arrives in a stage (request
        the approval, decide the shipping release, tell that the goods are ready…).

        The one place these side effects run, after the inputs changed: at the end of
        each workflow action, and after the events that are no action (a payment, an
        MO done, an inspection decided, a delivery validated). Each arrival method is
        idempotent and returns the orders it moved on; arrivals repeat until none
        does (an arrival may move an order to another stage)."""
        orders = self.sudo().filtered("use_order_workflow")
        for _round in range(len(LIFECYCLE)):
            moved = self.browse()
            for key, _label, _waits, arrival in LIFECYCLE:
                if not arrival:
                    continue
                arrived = orders.filtered(lambda o, key=key: o.workflow_stage == key)
                if arrived:
                    moved |= getattr(arrived, arrival)()
            if not moved:
                break
        return True

    def _ow_stage_orders(self):
        return self

    # -- helpers shared by the workflow's concerns -----------------------------------
    def _ow_alert_salesperson(self, activity_xmlid, note):
        """Log ``note`` on each order and give its salesperson an activity with it."""
        for order in self:
            order._ow_note(note)
            order.activity_schedule(
                activity_xmlid, note=note, user_id=order.user_id.id or self.env.uid
            )

    def _ow_check_group(self, groups, action):
        """Raise an AccessError unless the user is in one of ``groups`` (xml ids)."""
        if self.env.su or any(self.env.user.has_group(g) for g in groups):
            return
        names = ", ".join(self.env.ref(g).sudo().name for g in groups)
        raise AccessError(
            _(
                "Only %(roles)s can %(action)s.",
                roles=names,
                action=action,
            )
        )

    def _ow_check_workflow(self):
        outside = self.filtered(lambda o: not o.use_order_workflow)
        if outside:
            raise UserError(
                _(
                    "%(orders)s not under the order workflow.",
                    orders=", ".join(outside.mapped("name")),
                )
            )

    def _ow_check_stage(self, stages, action):
        wrong = self.filtered(lambda o: o.workflow_stage not in stages)
        if not wrong:
            return
        labels = dict(self._fields["workflow_stage"]._description_selection(self.env))
        where = [
            _(
                "%(order)s is in stage %(stage)s",
                order=order.name,
                stage=labels.get(order.workflow_stage, order.workflow_stage),
            )
            for order in wrong
        ]
        raise UserError(
            _("Can't %(action)s: %(orders)s.", action=action, orders=", ".join(where))
        )

    # -- creation: numbering, blocked customers --------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # the team decides, whatever the caller passes
            vals["use_order_workflow"] = self._ow_will_use_workflow(vals)
            if vals["use_order_workflow"] and vals.get("name", _("New")) == _("New"):
                vals["name"] = self._ow_next_order_number(vals)
        orders = super().create(vals_list)
        workflow_orders = orders.filtered("use_order_workflow")
        if workflow_orders:
            workflow_orders._ow_check_partner_not_blocked()
            workflow_orders.partner_id._ow_ensure_customer_code()
        return orders

    @api.model
    def _ow_will_use_workflow(self, vals):
        team_id = vals.get("team_id") or self.env.context.get("default_team_id")
        if not team_id:
            fields_for_team = ("partner_id", "user_id", "company_id", "team_id")
            team_id = self.new(
                {k: vals[k] for k in fields_for_team if k in vals}
            ).team_id.id
        return bool(self.env["crm.team"].browse(team_id).use_order_workflow)

    @api.model
    def _ow_next_order_number(self, vals):
        """``YYYYMM-NNN``: per company, the counter restarting every month."""
        company = (
            self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        )
        date = (
            fields.Datetime.context_timestamp(
                self, fields.Datetime.to_datetime(vals["date_order"])
            )
            if vals.get("date_order")
            else fields.Datetime.context_timestamp(self, fields.Datetime.now())
        )
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [("code", "=", ORDER_SEQUENCE_CODE), ("company_id", "=", company.id)],
                limit=1,
            )
        )
        if not sequence:
            sequence = sequence.create(
                {
                    "name": _("Workflow orders (%(company)s)", company=company.name),
                    "code": ORDER_SEQUENCE_CODE,
                    "company_id": company.id,
                    "prefix": "%(range_year)s%(range_month)s-",
                    "padding": 3,
                    "use_date_range": True,
                }
            )
        return sequence._next(sequence_date=date.date())

    def _ow_check_partner_not_blocked(self):
        blocked = self.filtered(
            lambda o: o.use_order_workflow
            and o.state in ("draft", "sent")
            and o.partner_id.commercial_partner_id.qualification_state == "blocked"
        )
        if blocked:
            customer = blocked[0].partner_id.commercial_partner_id
            raise UserError(
                _(
                    "%(customer)s is blocked and can't get new orders. Reason: "
                    "%(reason)s",
                    customer=customer.display_name,
                    reason=customer.blocked_reason or _("none given"),
                )
            )

    def write(self, vals):
        if "use_order_workflow" in vals and any(
            order.use_order_workflow != bool(vals["use_order_workflow"])
            for order in self
        ):
            raise UserError(
                _(
                    "Whether an order follows the order workflow is fixed when it is "
                    "created. Create a new order in a sales team with the workflow "
                    "switched on or off instead."
                )
            )
        res = super().write(vals)
        if "partner_id" in vals:
            self._ow_check_partner_not_blocked()
        return res

    # -- the state changes only through Odoo's actions -------------------------------
    def _ow_guard_state_scope(self, vals, creating):
        if creating:
            return vals.get("use_order_workflow")
        workflow = self.filtered("use_order_workflow")
        if vals.get("state") == "sent":  # a quotation e-mailed or marked sent
            return workflow.filtered(lambda o: o.state not in ("draft", "sent"))
        return workflow

    def action_confirm(self):
        # the gates' checks ran in the overrides above this one (approval,
        # customer confirmation): Odoo's confirmation may set the state
        with internal(ACTION):
            return super().action_confirm()

    def _action_cancel(self):
        with internal(ACTION):
            return super()._action_cancel()

    def action_draft(self):
        with internal(ACTION):
            return super().action_draft()
