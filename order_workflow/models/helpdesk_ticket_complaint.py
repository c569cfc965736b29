# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A complaint (客户投诉) is an OCA ``helpdesk.ticket`` of the type *Complaint*.

OCA's helpdesk gives the ticket, its team, stages, portal and SLA. What it lacks, and is
written here:

- the complaint register (《客户投诉登记表》): the order, delivery, lot, product,
  quantity, delivery date and category of the complaint;
- the 24-hour first response (售后部门需在24小时内响应): OCA's SLA
  (``helpdesk_mgmt_sla``) measures reaching a stage, not the first reply to the
  customer, so the first response has its own due time, its own stamp and its own cron.
  The SLA stays in use for the resolution time.

Tickets of any other type, and every ticket when the workflow is not installed, behave
as OCA ships them: everything here applies to complaints only.
"""

from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import Rule, workflow_action

CLERK = "order_workflow.group_order_clerk"
SERVICE = "order_workflow.group_service_supervisor"
MANAGER = "order_workflow.group_sales_manager"
COMPLAINT_TYPE = "order_workflow.ticket_type_complaint"
# the cron's batch: one run's queries don't grow with the number of complaints
OVERDUE_BATCH = 200

CATEGORIES = [
    ("quality", "Quality"),
    ("delivery", "Delivery"),
    ("quantity", "Quantity"),
    ("packaging", "Packaging"),
    ("documents", "Documents"),
    ("service", "Service"),
    ("other", "Other"),
]


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "order_workflow.guarded"]

    # the register's facts are given by whoever files the complaint, then fixed
    _ow_guarded_fields = {
        "type_id": Rule(scope="_ow_complaint_scope", on_create=False),
        "sale_order_id": Rule(scope="_ow_complaint_scope", on_create=False),
    }

    is_complaint = fields.Boolean(
        compute="_compute_is_complaint", store=True, index=True, string="Complaint"
    )
    sale_order_id = fields.Many2one(
        "sale.order", string="Order", index="btree_not_null", tracking=True
    )
    picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        index="btree_not_null",
        domain="[('sale_id', '=', sale_order_id), ('picking_type_code', '=', "
        "'outgoing')]",
    )
    lot_id = fields.Many2one("stock.lot", string="Lot/Serial")
    complaint_product_id = fields.Many2one("product.product", string="Product")
    complaint_qty = fields.Float(
        string="Quantity concerned", digits="Product Unit of Measure"
    )
    delivery_date = fields.Datetime(
        compute="_compute_delivery_date", store=True, string="Delivered on"
    )
    complaint_category = fields.Selection(CATEGORIES, string="Complaint category")
    first_response_due = fields.Datetime(
        readonly=True, copy=False, string="First response due"
    )
    first_response_on = fields.Datetime(
        readonly=True, copy=False, string="First response on"
    )
    response_overdue = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        string="Response overdue",
        help="The first response was not given within the company's response time.",
    )

    # -- computes ----------------------------------------------------------------------
    @api.depends("type_id")
    def _compute_is_complaint(self):
        complaint = self.env.ref(COMPLAINT_TYPE, raise_if_not_found=False)
        for ticket in self:
            ticket.is_complaint = bool(complaint) and ticket.type_id == complaint

    @api.depends("picking_id.date_done")
    def _compute_delivery_date(self):
        for ticket in self:
            ticket.delivery_date = ticket.picking_id.date_done

    def _ow_complaint_scope(self, vals, creating):
        if creating:
            return False
        return self.filtered("is_complaint")

    # -- registration ------------------------------------------------------------------
    @api.model
    def _ow_complaint_type(self):
        return self.env.ref(COMPLAINT_TYPE)

    @api.model_create_multi
    def create(self, vals_list):
        complaint = self.env.ref(COMPLAINT_TYPE, raise_if_not_found=False)
        if complaint:
            team = self.env.ref(
                "order_workflow.helpdesk_team_after_sales", raise_if_not_found=False
            )
            for vals in vals_list:
                if vals.get("type_id") != complaint.id:
                    continue
                if team and not vals.get("team_id"):
                    vals["team_id"] = team.id
                # the team's leader answers it, not whoever typed it in (OCA's
                # auto-assignment gives it to its creator)
                leader = (
                    self.env["helpdesk.ticket.team"]
                    .sudo()
                    .browse(vals.get("team_id"))
                    .user_id
                )
                if leader and vals.get("user_id") in (None, False, self.env.uid):
                    vals["user_id"] = leader.id
                self._ow_complaint_defaults(vals)
        tickets = super().create(vals_list)
        complaints = tickets.filtered("is_complaint")
        if complaints:
            complaints._ow_register()
        return tickets

    @api.model
    def _ow_complaint_defaults(self, vals):
        """The register's facts from the order and the delivery, when not given."""
        order = self.env["sale.order"].sudo().browse(vals.get("sale_order_id"))
        picking = self.env["stock.picking"].sudo().browse(vals.get("picking_id"))
        if picking and not order:
            order = picking.sale_id
            vals["sale_order_id"] = order.id
        if order:
            vals.setdefault("partner_id", order.partner_id.id)
            vals.setdefault("company_id", order.company_id.id)
            if "sale_order_ids" not in vals:  # OCA helpdesk_mgmt_sale's link
                vals["sale_order_ids"] = [fields.Command.link(order.id)]
            if not vals.get("picking_id"):
                done = order.picking_ids.filtered(
                    lambda p: p.picking_type_code == "outgoing" and p.state == "done"
                )
                vals["picking_id"] = done.sorted("date_done")[-1:].id or False
            lines = order.order_line.filtered(lambda line: line.product_id.type)
            if len(lines.product_id) == 1 and not vals.get("complaint_product_id"):
                vals["complaint_product_id"] = lines.product_id.id
                vals.setdefault("complaint_qty", sum(lines.mapped("qty_delivered")))

    def _ow_register(self):
        """The first-response clock starts at registration."""
        now = fields.Datetime.now()
        for company, tickets in self.grouped("company_id").items():
            hours = (company or self.env.company).complaint_response_hours
            # fields.Datetime: stored naive UTC, as the cron compares
            # and the complaint waits for its assessment ("To assess")
            tickets.sudo().write(
                {
                    "first_response_due": now + timedelta(hours=hours),
                    "complaint_validity": "pending",
                }
            )
        self._ow_schedule_answer()
        for ticket in self.filtered("sale_order_id"):
            ticket.sale_order_id.sudo()._ow_note(
                _(
                    "Complaint %(ticket)s registered: %(title)s",
                    ticket=ticket.number,
                    title=ticket.name,
                )
            )

    def _ow_schedule_answer(self):
        """Whoever answers the complaint (its responsible, else the team's leader,
        else a service supervisor) gets an activity due at the first-response time."""
        activity_type = self.env.ref("order_workflow.activity_complaint_answer")
        fallback = {}
        values = []
        for ticket in self.sudo():
            user = ticket.user_id or ticket.team_id.user_id
            if not user:
                if ticket.company_id not in fallback:
                    fallback[ticket.company_id] = ticket._ow_role_holders(SERVICE)[:1]
                user = fallback[ticket.company_id]
            if not user:
                continue
            vals = ticket._ow_activity_values(activity_type, user, note=ticket.name)
            vals["date_deadline"] = fields.Date.to_date(ticket.first_response_due)
            values.append(vals)
        self._ow_create_activities(values)

    def _ow_clear_answer_activities(self):
        types = self.env.ref("order_workflow.activity_complaint_answer") | self.env.ref(
            "order_workflow.activity_complaint_response"
        )
        self.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id in types
        ).unlink()

    # -- the first response ------------------------------------------------------------
    @workflow_action
    def action_first_response(self, note):
        """The clerk or the service supervisor answers the customer for the first time:
        the reply goes to the customer (queued: nothing renders in the click) and the
        first-response clock stops."""
        self.env["sale.order"]._ow_check_group(
            [CLERK, SERVICE], _("give a complaint's first response")
        )
        note = self._ow_text(note)
        if not note:
            raise UserError(_("Write the first response to the customer."))
        self._ow_check_complaint()
        done = self.filtered("first_response_on")
        if done:
            raise UserError(
                _(
                    "%(ticket)s already had its first response on %(date)s.",
                    ticket=done[0].display_name,
                    date=done[0].first_response_on,
                )
            )
        self._ow_stop_response_clock()
        for ticket in self:
            ticket._ow_tell_customer(
                _("First response to complaint %(ticket)s", ticket=ticket.number),
                note,
            )
        return True

    def _ow_tell_customer(self, what, body):
        """Queue a message to the complaint's customer, posted in its chatter by the
        outbox: nothing renders in the click."""
        self.ensure_one()
        self.env["order_workflow.outbox"]._queue(
            self,
            what,
            partners=self.partner_id,
            in_chatter=True,
            subtype_xmlid="mail.mt_comment",
            body=body,
            requested_by_id=self.env.uid,
        )

    def _ow_stop_response_clock(self):
        todo = self.filtered(lambda t: t.is_complaint and not t.first_response_on)
        if not todo:
            return
        values = {"first_response_on": fields.Datetime.now()}
        in_progress = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress", raise_if_not_found=False
        )
        with_new_stage = todo.filtered(lambda t: t.stage_id.unattended)
        (todo - with_new_stage).sudo().write(values)
        if with_new_stage:
            if in_progress:
                values["stage_id"] = in_progress.id
            with_new_stage.sudo().write(values)
        todo._ow_clear_answer_activities()

    def _message_post_after_hook(self, message, msg_vals):
        """The first message sent to the customer from the ticket is its first
        response, however it was written."""
        res = super()._message_post_after_hook(message, msg_vals)
        if (
            self.is_complaint
            and not self.first_response_on
            and self.partner_id
            and message.message_type == "comment"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and self.partner_id in message.partner_ids
            and message.author_id != self.partner_id
        ):
            self._ow_stop_response_clock()
        return res

    @api.model
    def _cron_complaint_response_overdue(self, batch=OVERDUE_BATCH):
        """Complaints past their first-response time without an answer: marked
        ``response_overdue`` and given one activity for the service supervisor and one
        for the sales manager. A batch per run; the cron runs again for the rest."""
        domain = [
            ("is_complaint", "=", True),
            ("first_response_on", "=", False),
            ("response_overdue", "=", False),
            ("first_response_due", "<", fields.Datetime.now()),
            ("closed", "=", False),
        ]
        tickets = self.sudo().search(domain, limit=batch, order="first_response_due")
        if not tickets:
            return True
        tickets.write({"response_overdue": True})
        activity_type = self.env.ref("order_workflow.activity_complaint_response")
        tickets.fetch(["number", "user_id", "team_id", "sale_order_id", "company_id"])
        service = self.env["res.users"].browse(
            set(tickets.team_id.user_id.ids) | set(tickets.user_id.ids)
        )
        service.fetch(["active", "share"])
        fallback = {}
        values = []
        for ticket in tickets:
            people = ticket.user_id or ticket.team_id.user_id
            if not people:
                key = (SERVICE, ticket.company_id.id)
                if key not in fallback:
                    fallback[key] = ticket._ow_role_holders(SERVICE)[:1]
                people = fallback[key]
            order = ticket.sale_order_id
            manager = order.team_id.user_id if order else self.env["res.users"]
            if not (manager and manager.has_group(MANAGER)):
                key = (MANAGER, ticket.company_id.id)
                if key not in fallback:
                    fallback[key] = ticket._ow_role_holders(MANAGER)[:1]
                manager = fallback[key]
            note = _(
                "No first response to the customer by %(due)s.",
                due=fields.Datetime.to_string(ticket.first_response_due),
            )
            for user in people | manager:
                values.append(
                    ticket._ow_activity_values(activity_type, user, note=note)
                )
        self._ow_create_activities(values)
        remaining = self.sudo().search_count(domain)
        self.env["ir.cron"]._notify_progress(done=len(tickets), remaining=remaining)
        return True

    # -- helpers -----------------------------------------------------------------------
    def _ow_in_workflow(self):
        return bool(self.is_complaint)

    def _track_template(self, tracking):
        """OCA mails the customer a stage's template (closed, rejected) as the stage
        changes, inside the click; a complaint's goes through the outbox instead."""
        res = super()._track_template(tracking)
        ticket = self[:1]
        if ticket.is_complaint and "stage_id" in res:
            template = res.pop("stage_id")[0]
            self.env["order_workflow.outbox"]._queue(
                ticket,
                self.env._(
                    "Complaint %(ticket)s: %(stage)s",
                    ticket=ticket.number,
                    stage=ticket.stage_id.name,
                ),
                template=template,
                subtype_xmlid="mail.mt_note",
            )
        return res

    def _ow_check_complaint(self):
        others = self.filtered(lambda t: not t.is_complaint)
        if others:
            raise UserError(
                _("%(ticket)s is not a complaint.", ticket=others[0].display_name)
            )
        closed = self.filtered("closed")
        if closed:
            raise UserError(_("%(ticket)s is closed.", ticket=closed[0].display_name))

    def _ow_stage_orders(self):
        return self.env["sale.order"]
