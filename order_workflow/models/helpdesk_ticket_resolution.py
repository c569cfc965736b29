# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A complaint's assessment, resolution and closing.

The service supervisor judges whether the complaint is valid and which department is
responsible, then resolves it: repair, replace, refund or explained. Replace and refund
open an RMA on OCA's ``rma_sale`` for the order's product and quantity, and the
complaint waits for the RMA. A valid quality complaint gets an 8D (OCA's
``mgmtsystem_nonconformity``, helpdesk_ticket_8d.py). The complaint closes once it is
resolved, its RMAs are done and its 8D is closed, and not before: a stage moved by hand
to a closed stage is refused too.
"""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import ACTION, internal, is_internal, workflow_action

SERVICE = "order_workflow.group_service_supervisor"

DEPARTMENTS = [
    ("sales", "Sales"),
    ("production", "Production"),
    ("quality", "Quality"),
    ("shipping", "Shipping"),
    ("purchasing", "Purchasing"),
    ("finance", "Finance"),
]
RESOLUTIONS = [
    ("repair", "Repair"),
    ("replace", "Replace"),
    ("refund", "Refund"),
    ("explained", "Explained"),
]
RMA_OPERATIONS = {
    "replace": "rma.rma_operation_replace",
    "refund": "rma.rma_operation_refund",
}
# an RMA in one of these states is done with
RMA_DONE = ("refunded", "returned", "replaced", "finished", "locked")


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    complaint_validity = fields.Selection(
        [("pending", "To assess"), ("valid", "Valid"), ("invalid", "Invalid")],
        readonly=True,
        copy=False,
        string="Validity",
    )
    assessment_note = fields.Text(readonly=True, copy=False)
    responsible_department = fields.Selection(
        DEPARTMENTS, readonly=True, copy=False, string="Responsible department"
    )
    resolution = fields.Selection(RESOLUTIONS, readonly=True, copy=False)
    resolution_note = fields.Text(readonly=True, copy=False)
    complaint_rma_ids = fields.One2many(
        "rma", "complaint_id", string="Returns (RMA)", readonly=True
    )
    complaint_rma_count = fields.Integer(compute="_compute_complaint_rma_count")
    complaint_state = fields.Selection(
        [
            ("registered", "Registered"),
            ("responded", "Responded"),
            ("assessed", "Assessed"),
            ("waiting", "Waiting for the return or the 8D"),
            ("closed", "Closed"),
        ],
        compute="_compute_complaint_state",
        store=True,
        string="Complaint status",
    )

    @api.depends("complaint_rma_ids")
    def _compute_complaint_rma_count(self):
        # the order clerk, who opens complaints, is no RMA user: the count is read
        # as the system (the button opens them for RMA users only)
        for ticket in self:
            ticket.complaint_rma_count = len(ticket.sudo().complaint_rma_ids)

    @api.depends(
        "is_complaint",
        "stage_id.closed",
        "first_response_on",
        "complaint_validity",
        "resolution",
    )
    def _compute_complaint_state(self):
        for ticket in self:
            if not ticket.is_complaint:
                ticket.complaint_state = False
            elif ticket.stage_id.closed:
                ticket.complaint_state = "closed"
            elif ticket.resolution:
                ticket.complaint_state = "waiting"
            elif ticket.complaint_validity in ("valid", "invalid"):
                ticket.complaint_state = "assessed"
            elif ticket.first_response_on:
                ticket.complaint_state = "responded"
            else:
                ticket.complaint_state = "registered"

    # -- assessment --------------------------------------------------------------------
    @workflow_action
    def action_assess_complaint(self, valid, note, department=False):
        """The service supervisor judges the complaint. Valid: the responsible
        department is named. Invalid: the complaint closes and the customer is told
        why."""
        self.env["sale.order"]._ow_check_group([SERVICE], _("assess a complaint"))
        self._ow_check_complaint()
        note = self._ow_text(note)
        if not note:
            raise UserError(_("Write why the complaint is valid or not."))
        if valid and department not in dict(DEPARTMENTS):
            raise UserError(_("Name the department responsible for a valid complaint."))
        assessed = self.filtered(lambda t: t.complaint_validity in ("valid", "invalid"))
        if assessed:
            raise UserError(
                _("%(ticket)s is already assessed.", ticket=assessed[0].display_name)
            )
        if not valid:
            # an invalid complaint is answered, and the answer is the first response
            self._ow_stop_response_clock()
        values = {
            "complaint_validity": "valid" if valid else "invalid",
            "assessment_note": note,
            "responsible_department": department if valid else False,
        }
        self.sudo().write(values)
        if not valid:
            for ticket in self:
                ticket._ow_tell_customer(
                    _("Complaint %(ticket)s not accepted", ticket=ticket.number),
                    _(
                        "We have examined your complaint %(ticket)s and cannot accept "
                        "it: %(reason)s",
                        ticket=ticket.number,
                        reason=note,
                    ),
                )
            self._ow_set_stage("helpdesk_mgmt.helpdesk_ticket_stage_rejected")
        return True

    # -- resolution --------------------------------------------------------------------
    @workflow_action
    def action_resolve(self, resolution, note):
        """The service supervisor resolves a valid complaint. Replace and refund open
        an RMA for the order's product and quantity (OCA rma_sale); the complaint then
        waits for it. Returns the RMA's id when one was opened, True otherwise."""
        self.env["sale.order"]._ow_check_group([SERVICE], _("resolve a complaint"))
        self._ow_check_complaint()
        if resolution not in dict(RESOLUTIONS):
            raise UserError(
                _(
                    "Choose how the complaint is resolved: repair, replace, refund or "
                    "explained."
                )
            )
        note = self._ow_text(note)
        if not note:
            raise UserError(_("Write how the complaint is resolved."))
        not_valid = self.filtered(lambda t: t.complaint_validity != "valid")
        if not_valid:
            raise UserError(
                _(
                    "Assess %(ticket)s as valid before resolving it.",
                    ticket=not_valid[0].display_name,
                )
            )
        resolved = self.filtered("resolution")
        if resolved:
            raise UserError(
                _("%(ticket)s is already resolved.", ticket=resolved[0].display_name)
            )
        rmas = self.env["rma"]
        if resolution in RMA_OPERATIONS:
            rmas = self._ow_open_rmas(resolution)
        self._ow_stop_response_clock()
        self.sudo().write({"resolution": resolution, "resolution_note": note})
        self._ow_close_when_done()
        return rmas[:1].id if len(self) == 1 and rmas else True

    def _ow_open_rmas(self, resolution):
        missing = self.filtered(
            lambda t: not (
                t.sale_order_id and t.complaint_product_id and t.complaint_qty
            )
        )
        if missing:
            raise UserError(
                _(
                    "%(ticket)s needs its order, product and quantity to open a return "
                    "(RMA).",
                    ticket=missing[0].display_name,
                )
            )
        operation = self.env.ref(RMA_OPERATIONS[resolution])
        values = []
        for ticket in self.sudo():
            order = ticket.sale_order_id
            moves = (
                ticket.picking_id.move_ids
                or order.picking_ids.filtered(
                    lambda p: p.picking_type_code == "outgoing" and p.state == "done"
                ).move_ids
            )
            move = moves.filtered(
                lambda m, t=ticket: m.product_id == t.complaint_product_id
                and m.state == "done"
            )[:1]
            line = order.order_line.filtered(
                lambda sol, t=ticket: sol.product_id == t.complaint_product_id
            )[:1]
            values.append(
                {
                    "complaint_id": ticket.id,
                    "order_id": order.id,
                    "partner_id": order.partner_id.id,
                    "partner_invoice_id": order.partner_invoice_id.id,
                    "partner_shipping_id": order.partner_shipping_id.id,
                    "company_id": order.company_id.id,
                    "product_id": ticket.complaint_product_id.id,
                    "product_uom_qty": ticket.complaint_qty,
                    "product_uom": (line.product_uom or move.product_uom).id
                    or ticket.complaint_product_id.uom_id.id,
                    "sale_line_id": line.id,
                    "picking_id": move.picking_id.id,
                    "move_id": move.id,
                    "operation_id": operation.id,
                    "origin": ticket.number,
                    "description": ticket.description,
                }
            )
        return self.env["rma"].sudo().create(values)

    # -- closing -----------------------------------------------------------------------
    def _ow_pending_reasons(self):
        """What still keeps this complaint open: its RMAs, its 8D."""
        self.ensure_one()
        reasons = []
        # a cancelled RMA keeps nothing open: the resolution was decided again
        if self.complaint_rma_ids.filtered(
            lambda r: r.state not in (*RMA_DONE, "cancelled")
        ):
            reasons.append(_("its return (RMA) is not done"))
        if self.nonconformity_id and self.nonconformity_id.state not in (
            "done",
            "cancel",
        ):
            reasons.append(_("its 8D report is not closed"))
        return reasons

    def _ow_close_when_done(self):
        """Close the resolved complaints that nothing keeps open any more."""
        done = self.filtered(
            lambda t: t.is_complaint
            and t.resolution
            and not t.stage_id.closed
            and not t._ow_pending_reasons()
        )
        done._ow_set_stage("helpdesk_mgmt.helpdesk_ticket_stage_done")

    def _ow_set_stage(self, xmlid):
        stage = self.env.ref(xmlid, raise_if_not_found=False)
        if stage and self:
            with internal(ACTION):
                self.sudo().write({"stage_id": stage.id})

    def _ow_rma_cancelled(self):
        """Every RMA of a complaint was cancelled: the resolution is to be decided
        again."""
        for ticket in self.filtered(
            lambda t: t.resolution in RMA_OPERATIONS
            and t.complaint_rma_ids
            and all(r.state == "cancelled" for r in t.complaint_rma_ids)
        ):
            with internal(ACTION):
                ticket.sudo().write({"resolution": False, "resolution_note": False})
            ticket.sudo()._ow_note(
                _("The return (RMA) was cancelled: resolve the complaint again.")
            )

    def write(self, vals):
        if "stage_id" in vals and not is_internal(ACTION):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.closed:
                self._ow_check_can_close()
        return super().write(vals)

    def _ow_check_can_close(self):
        """A complaint closes through its assessment and resolution, never with its
        8D or its return still open."""
        for ticket in self.filtered("is_complaint"):
            reasons = ticket._ow_pending_reasons()
            if not ticket.resolution and ticket.complaint_validity != "invalid":
                reasons.insert(0, _("it is not assessed and resolved yet"))
            if reasons:
                raise UserError(
                    _(
                        "%(ticket)s can't be closed: %(reasons)s.",
                        ticket=ticket.display_name,
                        reasons="; ".join(reasons),
                    )
                )
