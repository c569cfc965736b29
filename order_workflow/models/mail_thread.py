# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import SUBSCRIBED, internal


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _ow_stage_orders(self):
        """The workflow orders whose stage an action on these records may move:
        they follow it when the action ends (guard.workflow_action)."""
        return self.env["sale.order"]

    def _ow_in_workflow(self):
        """Whether the workflow runs this record (its activities' e-mails are then
        queued, mail_activity.py): by default, when it belongs to a workflow order."""
        return bool(self._ow_stage_orders().filtered("use_order_workflow"))

    def _ow_note(self, body):
        """Log the same internal note on each record: decisions are recorded in the
        chatter, never sent to the customer."""
        for record in self:
            record.message_post(body=body, subtype_xmlid="mail.mt_note")

    def _ow_text(self, value):
        """A text argument of a public method, stripped ('' for none). Anything but
        text is refused with a message, as a wrong call over RPC must be."""
        if value is None or value is False:
            return ""
        if not isinstance(value, str):
            raise UserError(_("Expected a text, not %(value)s.", value=repr(value)))
        return value.strip()

    def _ow_date(self, value, what):
        """A date argument of a public method (a date or "YYYY-MM-DD"), or False."""
        if not value:
            return False
        try:
            return fields.Date.to_date(value)
        except (TypeError, ValueError):
            raise UserError(
                _(
                    "%(what)s: %(value)s is not a date (YYYY-MM-DD).",
                    what=what,
                    value=repr(value),
                )
            ) from None

    def _ow_role_holders(self, group_xmlid):
        """Active internal members of a workflow role, in the record's company: the
        role holders rather than the administrator, who is in every group, unless
        nobody else holds it."""
        members = (
            self.env.ref(group_xmlid)
            .sudo()
            .users.filtered(lambda u: u.active and not u.share)
        )
        company = (
            self[:1].sudo().company_id if "company_id" in self._fields else False
        ) or self.env.company
        members = members.filtered(lambda u: company in u.company_ids) or members
        return (
            members.filtered(lambda u: not u.has_group("base.group_system")) or members
        )

    def _ow_activity_values(self, activity_type, user, summary=None, note=None):
        """Values of an automated activity due today on this record, for the crons and
        notifications that create many of them in one batch."""
        self.ensure_one()
        values = {
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "summary": summary or activity_type.summary,
            "user_id": user.id,
            "date_deadline": fields.Date.context_today(self),
            "automated": True,
        }
        if note:
            values["note"] = note
        return values

    @api.model
    def _ow_create_activities(self, values):
        """Create the activities of ``values`` (``_ow_activity_values``) in one batch:
        their assignees follow the records in one go per assignee (Odoo subscribes
        them one activity at a time), and their e-mails are queued
        (mail_activity.py)."""
        records_of = {}
        for vals in values:
            records_of.setdefault(vals["user_id"], set()).add(vals["res_id"])
        for user in self.env["res.users"].sudo().browse(records_of):
            self.sudo().browse(records_of[user.id]).message_subscribe(
                partner_ids=user.partner_id.ids
            )
        with internal(SUBSCRIBED):
            return self.env["mail.activity"].sudo().create(values)
