# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Acceptance issues (验收问题记录单, ``order_workflow.acceptance.issue`` before
18.0.1.4.0) become delivery complaints: each issue a complaint on the same delivery,
with its description, photos, chatter and activities. A resolved issue becomes a
closed complaint with its answer as the resolution. Called by the 18.0.1.4.0
post-migration, before Odoo drops the old model's table."""

import logging
from datetime import timedelta

from odoo import api, models
from odoo.tools import SQL, sql

from .guard import ACTION, internal

_logger = logging.getLogger(__name__)
OLD_MODEL = "order_workflow.acceptance.issue"
OLD_TABLE = "order_workflow_acceptance_issue"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def _ow_migrate_acceptance_issues(self):
        cr = self.env.cr
        if not sql.table_exists(cr, OLD_TABLE):
            return self.browse()
        cr.execute(
            SQL(
                "SELECT id, picking_id, description, state, resolution, create_date, "
                "create_uid FROM %s ORDER BY id",
                SQL.identifier(OLD_TABLE),
            )
        )
        rows = cr.dictfetchall()
        if not rows:
            return self.browse()
        pickings = (
            self.env["stock.picking"]
            .sudo()
            .browse([r["picking_id"] for r in rows])
            .exists()
        )
        complaint = self.env.ref("order_workflow.ticket_type_complaint")
        rows = [r for r in rows if r["picking_id"] in pickings.ids]
        with internal(ACTION):
            tickets = (
                self.sudo()
                .with_context(mail_create_nolog=True, tracking_disable=True)
                .create(
                    [
                        {
                            "name": self.env._(
                                "Delivery receipt of %(picking)s disputed",
                                picking=pickings.browse(r["picking_id"]).name,
                            ),
                            "description": r["description"] or "",
                            "type_id": complaint.id,
                            "complaint_category": "delivery",
                            "picking_id": r["picking_id"],
                        }
                        for r in rows
                    ]
                )
            )
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        model_id = self.env["ir.model"]._get_id(self._name)
        for row, ticket in zip(rows, tickets, strict=True):
            hours = ticket.company_id.complaint_response_hours or 24
            values = {"first_response_due": row["create_date"] + timedelta(hours=hours)}
            if row["state"] == "resolved":
                values.update(
                    complaint_validity="valid",
                    responsible_department="shipping",
                    assessment_note=row["resolution"] or "",
                    resolution="explained",
                    resolution_note=row["resolution"] or "",
                    first_response_on=row["create_date"],
                    stage_id=done.id,
                )
            with internal(ACTION):
                ticket.sudo().write(values)
            if row["state"] == "resolved":
                ticket._ow_clear_answer_activities()
            cr.execute(
                "UPDATE helpdesk_ticket SET create_date = %s, create_uid = %s "
                "WHERE id = %s",
                (row["create_date"], row["create_uid"], ticket.id),
            )
            cr.execute(
                "UPDATE mail_activity SET res_model = %s, res_model_id = %s, "
                "res_id = %s WHERE res_model = %s AND res_id = %s",
                (self._name, model_id, ticket.id, OLD_MODEL, row["id"]),
            )
            cr.execute(
                "UPDATE mail_message SET model = %s, res_id = %s "
                "WHERE model = %s AND res_id = %s",
                (self._name, ticket.id, OLD_MODEL, row["id"]),
            )
            cr.execute(
                "UPDATE ir_attachment SET res_model = %s, res_id = %s "
                "WHERE res_model = %s AND res_id = %s",
                (self._name, ticket.id, OLD_MODEL, row["id"]),
            )
        cr.execute("DELETE FROM mail_followers WHERE res_model = %s", (OLD_MODEL,))
        self.env.invalidate_all()
        _logger.info("%s acceptance issues became delivery complaints", len(tickets))
        return tickets
