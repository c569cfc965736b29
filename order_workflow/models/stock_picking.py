# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Goods of a workflow order leave only through the gates (quality, payment,
shipping request, the shipping clerk), and come back as a signed delivery receipt."""

from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, format_datetime

from .guard import Rule, workflow_action

SHIPPING = "order_workflow.group_shipping_clerk"
RECEIPT_GROUPS = ("order_workflow.group_order_clerk", SHIPPING)
RECEIPT_STATES = [
    ("not_applicable", "Not applicable"),
    ("awaiting", "Awaiting"),
    ("received", "Received"),
    ("disputed", "Disputed"),
]


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = [
        "stock.picking",
        "order_workflow.guarded",
        "order_workflow.outbox.mixin",
    ]
    # A delivery of a workflow order is not moved to another order, another
    # procurement or another operation type (which would take it out of the gate).
    _ow_guarded_fields = {
        name: Rule(scope="_ow_guard_outgoing_scope", on_create=False)
        for name in ("sale_id", "group_id", "picking_type_id")
    }

    shipping_override_by_id = fields.Many2one(
        "res.users", string="Shipping overridden by", readonly=True, copy=False
    )
    shipping_override_on = fields.Datetime(readonly=True, copy=False, index=True)
    shipping_override_reason = fields.Text(readonly=True, copy=False)
    ow_carrier = fields.Char(
        string="Carrier", help="Carrier or transport used.", copy=False
    )
    ow_tracking_ref = fields.Char(string="Tracking reference", copy=False)
    ow_expected_arrival = fields.Date(string="Expected arrival", copy=False)
    receipt_state = fields.Selection(
        RECEIPT_STATES,
        string="Delivery receipt",
        default="not_applicable",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    receipt_signed_by = fields.Char(readonly=True, copy=False)
    receipt_date = fields.Date(readonly=True, copy=False)
    receipt_issue_note = fields.Text(readonly=True, copy=False)
    receipt_scan_ids = fields.Many2many(
        "ir.attachment",
        "stock_picking_ow_receipt_scan_rel",
        "picking_id",
        "attachment_id",
        string="Signed receipt",
        copy=False,
    )
    # a disputed receipt opens a delivery complaint (helpdesk_ticket_complaint.py)
    complaint_ids = fields.One2many(
        "helpdesk.ticket",
        "picking_id",
        string="Complaints",
        domain=[("is_complaint", "=", True)],
    )

    def _ow_outgoing_workflow(self):
        return self.filtered(
            lambda p: p.picking_type_code == "outgoing"
            and p.sudo().sale_id.use_order_workflow
        )

    def _ow_stage_orders(self):
        return self.sudo().sale_id

    # -- the gate ----------------------------------------------------------------------
    def _ow_check_can_ship(self):
        """Raise saying why an outgoing picking of a workflow order can't leave yet."""
        pickings = self._ow_outgoing_workflow()
        if not pickings:
            return
        if not (self.env.su or self.env.user.has_group(SHIPPING)):
            raise AccessError(
                _(
                    "Only %(role)s can ship the goods of workflow orders.",
                    role=self.env.ref(SHIPPING).sudo().name,
                )
            )
        for picking in pickings:
            order = picking.sudo().sale_id
            if order.qc_state in ("pending", "failed"):
                raise UserError(
                    _(
                        "%(picking)s can't be shipped: the finished goods of %(order)s "
                        "have not passed the quality inspection%(failed)s.",
                        picking=picking.name,
                        order=order.name,
                        failed=_(" (an inspection failed: rework or remake first)")
                        if order.qc_state == "failed"
                        else "",
                    )
                )
            # released, then a payment taken back: the money is checked again
            if order.shipping_release_state == "blocked" or order._ow_balance_holds():
                raise UserError(
                    _(
                        "%(picking)s can't be shipped: %(customer)s pays before "
                        "shipping and %(amount)s is still due on %(order)s.",
                        picking=picking.name,
                        customer=order.partner_id.commercial_partner_id.name,
                        amount=order._ow_format_amount(order.ow_balance_due),
                        order=order.name,
                    )
                )
            if order.shipping_release_state not in ("released", "overridden"):
                raise UserError(
                    _(
                        "%(picking)s can't be shipped: %(order)s is not released for "
                        "shipping yet.",
                        picking=picking.name,
                        order=order.name,
                    )
                )
            if picking.shipping_override_on:
                continue  # the override stands in for the request, not the money
            if not order.shipping_request_issued_on:
                raise UserError(
                    _(
                        "%(picking)s can't be shipped: the order clerk has not issued "
                        "the Shipping Request of %(order)s.",
                        picking=picking.name,
                        order=order.name,
                    )
                )

    def button_validate(self):
        # Odoo skips a picking already done and answers True: on a workflow delivery
        # the second of two shipping clerks clicking at once (retried after the
        # first's commit) is told that the goods went out once
        workflow = self._ow_outgoing_workflow()
        if workflow:
            # ... and waits here, on the delivery, for the first one's commit. Met
            # later on the stock quants, its locks made the first one's validation
            # skip the locked quant (Odoo's SKIP LOCKED): a duplicate quant took the
            # goods out and the reservation stayed on the first (odoo/odoo#268942,
            # found by make load), leaving the next delivery of the product unreserved
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM stock_picking WHERE id IN %s FOR NO KEY UPDATE",
                    tuple(workflow.ids),
                )
            )
        done = workflow.filtered(lambda p: p.state == "done")
        if done:
            raise UserError(
                _(
                    "%(picking)s was already validated on %(date)s: the goods were "
                    "shipped once, nothing more was done.",
                    picking=done[0].name,
                    date=format_datetime(self.env, done[0].date_done),
                )
            )
        # before any wizard Odoo opens first (SMS, backorder): the reason at once
        self._ow_check_can_ship()
        return super().button_validate()

    def _action_done(self):
        self._ow_check_can_ship()
        shipping = self._ow_outgoing_workflow().filtered(lambda p: p.state != "done")
        res = super()._action_done()
        shipped = shipping.filtered(lambda p: p.state == "done")
        if shipped:
            shipped.sudo().write({"receipt_state": "awaiting"})
            shipped._ow_send_shipping_notice()
            shipped.sudo().sale_id._ow_after_shipment()
            shipped._ow_receipt_from_signature()  # signed on the device, then done
        return res

    def _ow_guard_outgoing_scope(self, vals, creating):
        return self._ow_outgoing_workflow()

    def write(self, vals):
        res = super().write(vals)
        if vals.get("signature"):
            self._ow_receipt_from_signature()
        return res

    def _ow_receipt_from_signature(self):
        """Odoo's delivery signature (Inventory > Settings > Signature), taken on the
        device when the goods are handed over, is the customer's receipt: whoever
        holds the device, the customer signed."""
        signed = self.filtered(lambda p: p.receipt_state == "awaiting" and p.signature)
        for picking in signed:
            picking.sudo().action_register_receipt(
                picking.partner_id.name or _("the customer"),
                fields.Date.context_today(picking),
            )
        return signed

    def _ow_send_shipping_notice(self):
        """Queue the Shipping Notice (rendered with its PDF by the outbox)."""
        unknown = self.filtered(lambda p: not p.partner_id.email)
        unknown.sudo()._ow_note(
            _("The customer has no e-mail address: no shipping notice sent.")
        )
        if self - unknown:
            self.env["order_workflow.outbox"]._queue(
                self - unknown,
                _("Shipping Notice"),
                template=self.env.ref("order_workflow.mail_template_shipping_notice"),
            )

    # -- the signed delivery receipt ---------------------------------------------------
    @workflow_action
    def action_register_receipt(self, signed_by, receipt_date, issue_note=False):
        """The customer's signed delivery receipt (scan or Odoo's signature), with any
        issue the customer noted on it."""
        if not (self.env.su or any(self.env.user.has_group(g) for g in RECEIPT_GROUPS)):
            raise AccessError(
                _("Only an order clerk or a shipping clerk can register receipts.")
            )
        if not self._ow_text(signed_by):
            raise UserError(_("Give the name of the person who signed the receipt."))
        if not receipt_date:
            raise UserError(_("Give the date of the receipt."))
        receipt_date = self._ow_date(receipt_date, _("Receipt date"))
        wrong = self.filtered(lambda p: p.receipt_state != "awaiting")
        if wrong:
            raise UserError(
                _(
                    "%(picking)s is not awaiting a delivery receipt.",
                    picking=wrong[0].name,
                )
            )
        issue = self._ow_text(issue_note)
        self.sudo().write(
            {
                "receipt_state": "disputed" if issue else "received",
                "receipt_signed_by": signed_by,
                "receipt_date": receipt_date,
                "receipt_issue_note": issue or False,
            }
        )
        if issue:
            self._ow_open_receipt_complaints(issue)
        for picking in self:
            picking.sudo().message_post(
                body=_(
                    "Delivery receipt signed by %(name)s on %(date)s%(issue)s.",
                    name=signed_by,
                    date=receipt_date,
                    issue=_(", with an issue: %(note)s", note=issue) if issue else "",
                ),
                subtype_xmlid="mail.mt_note",
            )
        self.sudo().activity_unlink(["order_workflow.activity_receipt_chase"])
        return True

    def _ow_open_receipt_complaints(self, issue):
        """What the customer noted on the receipt is a delivery complaint, registered
        at once with its first-response clock running."""
        complaint = self.env.ref("order_workflow.ticket_type_complaint")
        channel = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_other", raise_if_not_found=False
        )
        return (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                [
                    {
                        "name": _(
                            "Delivery receipt of %(picking)s disputed",
                            picking=picking.name,
                        ),
                        "description": issue,
                        "type_id": complaint.id,
                        "complaint_category": "delivery",
                        "picking_id": picking.id,
                        "sale_order_id": picking.sale_id.id,
                        "channel_id": channel.id if channel else False,
                    }
                    for picking in self
                ]
            )
        )

    @api.model
    def _cron_chase_receipts(self):
        """Daily: receipts still awaited after the expected arrival plus the
        company's grace days get an activity for the salesperson (once)."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("order_workflow.activity_receipt_chase")
        pickings = self.search(
            [
                ("receipt_state", "=", "awaiting"),
                (
                    "activity_ids",
                    "not any",
                    [("activity_type_id", "=", activity_type.id)],
                ),
            ]
        )
        late = pickings.filtered(
            lambda p: (p.ow_expected_arrival or fields.Date.to_date(p.date_done))
            + timedelta(days=p.company_id.order_workflow_receipt_chase_days)
            < today
        )
        self.env["mail.activity"].sudo().create(
            [
                picking._ow_activity_values(
                    activity_type,
                    picking.sudo().sale_id._ow_clerk(picking.sudo().sale_id.user_id),
                )
                for picking in late
            ]
        )
        return True

    def action_open_receipt_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Delivery receipt"),
            "res_model": "order_workflow.receipt.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_picking_id": self.id,
                "default_signed_by": self.partner_id.name,
            },
        }
