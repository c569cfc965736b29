# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A valid quality complaint's 8D (《纠正预防8D报告》) is an OCA
``mgmtsystem.nonconformity`` linked to the complaint (mgmtsystem_nonconformity.py
carries the disciplines OCA lacks). The complaint can't close while its 8D is open."""

from odoo import _, fields, models
from odoo.exceptions import UserError

from .guard import workflow_action

SERVICE = "order_workflow.group_service_supervisor"
QC = "order_workflow.group_qc_inspector"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    nonconformity_id = fields.Many2one(
        "mgmtsystem.nonconformity",
        string="8D report",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    eight_d_state = fields.Selection(
        related="nonconformity_id.state", string="8D status"
    )

    @workflow_action
    def action_open_8d(self):
        """Open the 8D of a valid quality complaint: a nonconformity from the
        customer's complaint, its D2 description from the complaint. Returns its
        id."""
        self.ensure_one()
        self.env["sale.order"]._ow_check_group([SERVICE, QC], _("open an 8D report"))
        # the QC inspector is no helpdesk user: the complaint is read as the system
        ticket = self.sudo()
        ticket._ow_check_complaint()
        if (
            ticket.complaint_category != "quality"
            or ticket.complaint_validity != "valid"
        ):
            raise UserError(
                _("An 8D report is opened for a valid quality complaint only.")
            )
        if ticket.nonconformity_id:
            raise UserError(
                _(
                    "%(ticket)s already has its 8D report %(report)s.",
                    ticket=ticket.display_name,
                    report=ticket.nonconformity_id.ref,
                )
            )
        leader = ticket.team_id.user_id or ticket.user_id or self.env.user
        origin = self.env.ref(
            "mgmtsystem_nonconformity.nc_origin_external_client",
            raise_if_not_found=False,
        )
        description = "\n".join(
            part
            for part in (
                ticket.name,
                ticket.sale_order_id.name and _("Order: %s", ticket.sale_order_id.name),
                ticket.complaint_product_id.display_name
                and _(
                    "Product: %(product)s, quantity %(qty)s",
                    product=ticket.complaint_product_id.display_name,
                    qty=ticket.complaint_qty,
                ),
                ticket.assessment_note,
            )
            if part
        )
        nonconformity = (
            self.env["mgmtsystem.nonconformity"]
            .sudo()
            .create(
                {
                    "name": _("8D: %(ticket)s", ticket=ticket.display_name),
                    "partner_id": (
                        ticket.partner_id.commercial_partner_id
                        or ticket.company_id.partner_id
                    ).id,
                    "description": description,
                    "responsible_user_id": self.env.uid,
                    "manager_user_id": leader.id,
                    "origin_ids": [fields.Command.set(origin.ids)],
                    "company_id": ticket.company_id.id,
                    "res_model": self._name,
                    "res_id": self.id,
                    "complaint_id": self.id,
                    "eight_d_team_ids": [
                        fields.Command.set((self.env.user | leader).ids)
                    ],
                }
            )
        )
        ticket.write({"nonconformity_id": nonconformity.id})
        ticket._ow_note(_("8D report %(report)s opened.", report=nonconformity.ref))
        return nonconformity.id

    def action_view_8d(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "mgmtsystem.nonconformity",
            "res_id": self.nonconformity_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_view_complaint_rmas(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("rma.rma_action")
        action.update(domain=[("complaint_id", "=", self.id)], context={})
        if len(self.complaint_rma_ids) == 1:
            action.update(res_id=self.complaint_rma_ids.id, view_mode="form", views=[])
        return action

    # -- the dialogs of the form (wizards/complaint_wizard.py) -------------------------
    def action_first_response_dialog(self):
        self.ensure_one()
        return self.env["order_workflow.complaint.wizard"]._open(
            "response", _("First response"), ticket_id=self.id
        )

    def action_assess_dialog(self):
        self.ensure_one()
        return self.env["order_workflow.complaint.wizard"]._open(
            "assess", _("Assess the complaint"), ticket_id=self.id, valid="valid"
        )

    def action_resolve_dialog(self):
        self.ensure_one()
        return self.env["order_workflow.complaint.wizard"]._open(
            "resolve", _("Resolve the complaint"), ticket_id=self.id
        )
