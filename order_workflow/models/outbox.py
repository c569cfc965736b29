# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The outbox (待发送): what the workflow sends, rendered after the user's click.

Rendering a PDF or an e-mail inside a click made it slow (the Order Confirmation PDF
alone took 1.4 s) and let a rendering error undo what the user did. A click queues what
is to be sent here, in one batch; a cron that the click triggers at once (Odoo's
``ir.cron._trigger``) renders it and posts it in the record's chatter, and Odoo's mail
queue sends the e-mails. Odoo's own mechanisms are enough: OCA ``queue_job`` would add
a job runner for what a triggered cron already does.

A failure is recorded on the entry and on the record (a note, and an activity for who
asked), and *Retry* queues it again: nothing the user did is lost.
"""

import logging
from datetime import timedelta

from psycopg2 import errors

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

from .guard import SENDING, internal

_logger = logging.getLogger(__name__)

# entries per transaction: what an entry renders and posts locks its record (the order)
# until the commit, and a user's click on that order waits for it. Odoo's cron commits
# after each batch and runs the next one at once (ir.cron._notify_progress), up to 10
# per run; make load saw clicks wait 28 s on a batch of 20 PDFs
BATCH = 5
RETRY_AFTER = timedelta(seconds=20)  # after a concurrent update, see _cron_send


def _concurrent_update(exc):
    """A serialization failure, deadlock or lock timeout, raised as it is or wrapped
    by what was rendering (a template, a report) when the query failed; or a follower
    another transaction added at the same instant (a unique key Odoo does not retry;
    in a fresh transaction the follower is there and is skipped)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY):
            return True
        if isinstance(exc, errors.UniqueViolation) and "mail_followers" in str(exc):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


class OrderWorkflowOutbox(models.Model):
    _name = "order_workflow.outbox"
    _description = "Order workflow: document or notification to send"
    _order = "id desc"

    name = fields.Char(string="What", required=True, readonly=True)
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Record", model_field="res_model", required=True, readonly=True
    )
    template_id = fields.Many2one(
        "mail.template", string="Template", readonly=True, ondelete="cascade"
    )
    method = fields.Selection(
        [
            ("action_notify", "Activity assigned (e-mail to the assignee)"),
            ("_ow_send_invitations", "Survey invitations (e-mail to each customer)"),
        ],
        readonly=True,
        help="Instead of a template or a notification: a method of the record that "
        "sends its own e-mail.",
    )
    subtype_xmlid = fields.Char(readonly=True, default="mail.mt_comment")
    partner_ids = fields.Many2many(
        "res.partner", string="Recipients", readonly=True, ondelete="cascade"
    )
    in_chatter = fields.Boolean(
        readonly=True,
        help="The notification is a message in the record's chatter that mentions the "
        "recipients (otherwise it only reaches their inbox or e-mail).",
    )
    subject = fields.Char(readonly=True)
    body = fields.Html(readonly=True, sanitize=False)
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("sent", "Sent"),
            ("failed", "Failed"),
            ("cancelled", "No longer needed"),
        ],
        default="queued",
        required=True,
        readonly=True,
        index=True,
    )
    error = fields.Text(readonly=True)
    attempts = fields.Integer(readonly=True)
    sent_on = fields.Datetime(readonly=True)
    requested_by_id = fields.Many2one(
        "res.users",
        string="Requested by",
        default=lambda self: self.env.user,
        readonly=True,
    )

    @api.model
    def _queue(self, records, name, template=None, partners=None, **values):
        """Queue a template posted on each of ``records`` (a document to the
        customer), or a notification to ``partners``; the cron runs at once."""
        entries = self.sudo().create(
            [
                {
                    "name": name,
                    "res_model": record._name,
                    "res_id": record.id,
                    "template_id": template.id if template else False,
                    "partner_ids": [fields.Command.set(partners.ids)]
                    if partners
                    else [],
                    **values,
                }
                for record in records
            ]
        )
        self.env.ref("order_workflow.ir_cron_outbox").sudo()._trigger()
        return entries

    @api.model
    def _cron_send(self, limit=BATCH):
        """Send what is queued, oldest first, ``limit`` per transaction (BATCH)."""
        entries = self.search([("state", "=", "queued")], order="id", limit=limit)
        progress = self.env["ir.cron"]
        for done, entry in enumerate(entries):
            if entry._send() is None:
                # a user's transaction changed what the entry writes (the order, the
                # customer): this transaction's snapshot is stale, so the entry and the
                # rest wait for a fresh one, as Odoo retries a user's request
                self.env.ref("order_workflow.ir_cron_outbox")._trigger(
                    fields.Datetime.now() + RETRY_AFTER
                )
                progress._notify_progress(done=done, remaining=0)
                return True
        remaining = 0
        if len(entries) == limit:
            remaining = self.search_count([("state", "=", "queued")])
            # Odoo runs the next batch in this run (up to 10); then the trigger
            self.env.ref("order_workflow.ir_cron_outbox")._trigger()
        progress._notify_progress(done=len(entries), remaining=remaining)
        return True

    def _send(self):
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id).exists()
        author = self.requested_by_id or self.env.user
        if not record:  # e.g. an activity done before its e-mail went out
            self.write({"state": "cancelled"})
            return False
        try:
            with self.env.cr.savepoint(), internal(SENDING):
                record = record.with_user(author).sudo()
                # the click that queued it subscribed its user already: subscribing
                # the author again here raced with that user's next click on the
                # same record (a duplicate follower, found by make load)
                record = record.with_context(
                    mail_notify_force_send=False,
                    mail_create_nosubscribe=True,
                    # sale's message_post follows its recipients by default: the
                    # customer, whom the clerk's next click may subscribe at the
                    # same instant (make load, two hosts); the workflow subscribes
                    # the customer itself when it sends the confirmation
                    mail_post_autofollow=False,
                )
                if self.method:
                    getattr(record, self.method)()
                elif self.template_id:
                    record.message_post_with_source(
                        self.template_id, subtype_xmlid=self.subtype_xmlid
                    )
                elif self.in_chatter:
                    record.message_post(
                        body=self.body,
                        partner_ids=self.partner_ids.ids,
                        subtype_xmlid=self.subtype_xmlid,
                    )
                else:
                    record.message_notify(
                        partner_ids=self.partner_ids.ids,
                        subject=self.subject,
                        body=self.body,
                        subtype_xmlid=self.subtype_xmlid,
                        email_layout_xmlid="mail.mail_notification_light",
                    )
        except Exception as exc:
            if _concurrent_update(exc):
                _logger.info(
                    "%s of %s not sent yet, tried again later: %s",
                    self.name,
                    record,
                    exc,
                )
                return None
            _logger.warning("%s of %s not sent: %r", self.name, record, exc)
            self._ow_failed(record, author, exc)
            return False
        self.write(
            {
                "state": "sent",
                "sent_on": fields.Datetime.now(),
                "error": False,
                "attempts": self.attempts + 1,
            }
        )
        return True

    def _ow_failed(self, record, author, exc):
        error = str(exc) or exc.__class__.__name__
        self.write({"state": "failed", "error": error, "attempts": self.attempts + 1})
        if not record or not hasattr(record, "message_post"):
            return
        note = _(
            "%(what)s could not be sent: %(error)s. Nothing else changed; use Retry "
            "on the order's documents to send it again.",
            what=self.name,
            error=error,
        )
        record.sudo()._ow_note(note)
        if "activity_ids" in record:
            record.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_("Sending failed: %(what)s", what=self.name),
                note=note,
                user_id=author.id,
            )

    def action_retry(self):
        """Queue failed entries again (whoever may write the record)."""
        for entry in self:
            record = self.env[entry.res_model].browse(entry.res_id).exists()
            if not record:
                continue
            try:
                record.check_access("write")
            except AccessError:
                raise AccessError(
                    _("You can't send the documents of %(record)s.", record=record)
                ) from None
        failed = self.filtered(lambda e: e.state == "failed")
        failed.sudo().write({"state": "queued", "error": False})
        if failed:
            self.env.ref("order_workflow.ir_cron_outbox").sudo()._trigger()
        return True
