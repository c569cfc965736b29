# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""No click renders a PDF or an e-mail (models/outbox.py), and the approval request
costs the same for a tier group of 1 or 20 members."""

from contextlib import ExitStack, contextmanager
from datetime import date
from unittest.mock import patch

from psycopg2 import errors

from odoo import Command
from odoo.tests import new_test_user, tagged

from ..models.outbox import BATCH
from .test_shipping import ShippingCase


@tagged("post_install", "-at_install")
class TestOutbox(ShippingCase):
    @contextmanager
    def _renderers_down(self):
        """The PDF renderer, the mail templates and Odoo's e-mail notifications all
        fail, as a broken wkhtmltopdf or template would."""

        def down(*args, **kwargs):
            raise RuntimeError("renderer down")

        def notify_by_email(original):
            def wrapper(self, message, recipients_data, *args, **kwargs):
                if any(r.get("notif") == "email" for r in recipients_data):
                    raise RuntimeError("renderer down")
                return original(self, message, recipients_data, *args, **kwargs)

            return wrapper

        with ExitStack() as stack:
            report = type(self.env["ir.actions.report"])
            template = type(self.env["mail.template"])
            stack.enter_context(patch.object(report, "_render_qweb_pdf", down))
            stack.enter_context(patch.object(template, "_generate_template", down))
            registry = self.env.registry
            for model in registry:  # every model with a chatter
                cls = registry[model]
                if cls._abstract or not hasattr(cls, "_notify_thread_by_email"):
                    continue
                stack.enter_context(
                    patch.object(
                        cls,
                        "_notify_thread_by_email",
                        notify_by_email(cls._notify_thread_by_email),
                    )
                )
            yield

    def test_no_click_renders_a_document_and_a_failure_loses_nothing(self):
        outbox = self.env["order_workflow.outbox"]
        self._send_queued()  # what the demo data left queued
        with self._renderers_down():
            # review pass, approve, send, verify (and the approval e-mails)
            order = self._verified_order(user_id=self.clerk.id)
            self.assertEqual(order.workflow_stage, "deposit")
            deposit = order._ow_deposit_invoices()
            deposit.with_user(self.finance).action_post()
            self._pay(deposit, order.deposit_amount, date.today())
            self._produce(order)  # the goods are ready: the Balance Payment Notice
            self.assertEqual(order.workflow_stage, "payment_hold")
            invoices = order._ow_deposit_invoices()
            balance = invoices.filtered(lambda m: m.state == "draft")
            balance.with_user(self.finance).action_post()
            self._pay(balance, balance.amount_total, date.today())
            order.with_user(self.clerk).action_issue_shipping_request()
            picking = self._ship(order)  # the Shipping Notice
            picking.with_user(self.shipper).action_register_receipt(
                "Li Na", date.today()
            )
            self.assertEqual(order.workflow_stage, "delivered")
            queued = outbox.search([("state", "=", "queued")])
            self.assertEqual(
                set(queued.mapped("name")),
                {
                    "Approval request",
                    "Order received",
                    "Order Confirmation",
                    "Balance Payment Notice",
                    "Shipping Notice",
                    "Activity assigned",
                    "Ready to ship",
                },
            )
            for _batch in range(len(queued)):  # a few per transaction (BATCH)
                if not outbox.search_count([("state", "=", "queued")]):
                    break
                outbox._cron_send()
            self.assertFalse(outbox.search([("state", "=", "queued")]), "all tried")
        self.env.invalidate_all()
        failed = outbox.search([("state", "=", "failed")])
        done = queued - failed
        self.assertEqual(
            set(done.mapped("state")), {"cancelled"} if done else set(), "activities"
        )
        self.assertIn("renderer down", failed[0].error)
        self.assertIn(
            "Order Confirmation", failed.mapped("name"), "every render failed"
        )
        self.assertGreaterEqual(order.ow_outbox_failed_count, 3)
        self.assertTrue(
            order.message_ids.filtered(lambda m: "could not be sent" in (m.body or ""))
        )
        self.assertEqual(order.workflow_stage, "delivered")
        # the renderer is back: Retry on the order and on the delivery, and in the
        # outbox's list for the rest (the assignees' activity e-mails)
        order.with_user(self.clerk).action_ow_retry_sending()
        mine = failed.filtered(
            lambda e: e.res_model == "sale.order" and e.res_id == order.id
        )
        self.assertEqual(set(mine.mapped("state")), {"queued"})
        # the delivery's form says its Shipping Notice was not sent, with Retry
        self.assertEqual(picking.ow_outbox_failed_count, 1)
        picking.with_user(self.shipper).action_ow_retry_sending()
        picking.invalidate_recordset(["ow_outbox_failed_count"])
        self.assertEqual(picking.ow_outbox_failed_count, 0)
        outbox.search([("state", "=", "failed")]).action_retry()
        self._send_queued()
        self.env.invalidate_all()
        self.assertEqual(order.ow_outbox_failed_count, 0)
        confirmation = order.message_ids.filtered(
            lambda m: "please sign and return" in (m.subject or "")
        )
        self.assertIn(self.customer_c, confirmation.partner_ids)
        self.assertTrue(confirmation.attachment_ids)
        self.assertTrue(
            picking.message_ids.filtered(
                lambda m: "Shipping Notice" in (m.subject or "") and m.attachment_ids
            )
        )

    def test_the_approval_request_costs_the_same_for_1_or_20_managers(self):
        group = self.env.ref("order_workflow.group_sales_manager")
        group.users = [Command.set(self.manager.ids)]
        others = [
            new_test_user(
                self.env,
                login=f"ow_manager_{i}",
                groups="base.group_user,order_workflow.group_sales_manager",
            )
            for i in range(19)
        ]
        counts = []
        for members in (self.manager, self.manager.union(*others)):
            group.users = [Command.set(members.ids)]
            self.assertEqual(len(group.users), len(members))
            warm = self._complete_order()
            self._queries(warm.with_user(self.clerk).action_review_pass)
            order = self._complete_order()
            counts.append(self._queries(order.with_user(self.clerk).action_review_pass))
            approval = self.env.ref("order_workflow.activity_approval")
            self.assertEqual(
                order.activity_ids.filtered(
                    lambda a, t=approval: a.activity_type_id == t
                ).user_id,
                members,
                "each member of the tier's group gets the activity",
            )
            self.assertLessEqual(members.partner_id, order.message_partner_ids)
            notice = self.env["order_workflow.outbox"].search(
                [("res_model", "=", "sale.order"), ("res_id", "=", order.id)]
            )
            self.assertEqual(notice.partner_ids, members.partner_id, "one e-mail")
        self.assertEqual(counts[0], counts[1], counts)

    def test_a_concurrent_update_leaves_the_document_queued(self):
        """A user's transaction changed the order while the cron sent its document:
        nothing is marked failed, no one is asked to retry; the entry and the ones
        after it wait for the cron's next, fresh transaction."""
        outbox = self.env["order_workflow.outbox"]
        self._send_queued()
        order = self._verified_order(user_id=self.clerk.id)
        queued = outbox.search([("state", "=", "queued")], order="id")
        self.assertIn("Order Confirmation", queued.mapped("name"), "a PDF to render")
        report = type(self.env["ir.actions.report"])
        cron = self.env.ref("order_workflow.ir_cron_outbox")
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        activities = order.activity_ids

        def busy(*args, **kwargs):
            # as a template or report wraps the failed query of what it rendered
            try:
                raise errors.SerializationFailure("could not serialize access")
            except errors.SerializationFailure as exc:
                raise ValueError("rendering failed") from exc

        with patch.object(report, "_render_qweb_pdf", busy):
            outbox._cron_send()
        waiting = outbox.search([("state", "=", "queued")], order="id")
        self.assertTrue(waiting, "the first PDF waits")
        self.assertEqual(waiting, queued.filtered(lambda e: e.id >= waiting[0].id))
        self.assertFalse(outbox.search([("state", "=", "failed")]))
        self.assertEqual(waiting.mapped("attempts"), [0] * len(waiting))
        self.assertEqual(order.activity_ids, activities, "no one is asked to retry")
        later = self.env["ir.cron.trigger"].search(
            [("cron_id", "=", cron.id), ("id", "not in", triggers.ids)]
        )
        self.assertTrue(later, "the cron comes back")
        self._send_queued()
        self.assertFalse(waiting.filtered(lambda e: e.state in ("queued", "failed")))

    def test_a_follower_added_meanwhile_leaves_the_document_queued(self):
        """The customer subscribed by the clerk's click at the instant the outbox
        sends: not a failure, the entry waits for the next run."""
        outbox = self.env["order_workflow.outbox"]
        self._send_queued()
        order = self._verified_order(user_id=self.clerk.id)
        queued = outbox.search([("state", "=", "queued")], order="id")
        report = type(self.env["ir.actions.report"])

        def duplicate(*args, **kwargs):
            raise errors.UniqueViolation(
                'duplicate key value violates unique constraint "mail_followers_'
                'mail_followers_res_partner_res_model_id_uniq"'
            )

        with patch.object(report, "_render_qweb_pdf", duplicate):
            outbox._cron_send()
        self.assertTrue(outbox.search([("state", "=", "queued")]))
        self.assertFalse(outbox.search([("state", "=", "failed")]))
        self._send_queued()
        self.assertFalse(queued.filtered(lambda e: e.state in ("queued", "failed")))
        self.assertIn(order.partner_id, order.message_partner_ids)

    def test_the_cron_commits_every_few_documents(self):
        """What an entry renders and posts locks its order until the commit: the cron
        sends a few per transaction and tells Odoo how many are left, and Odoo commits
        and runs the next batch (make load: clicks waited 28 s on 20 PDFs)."""
        outbox = self.env["order_workflow.outbox"]
        self._send_queued()
        for _order in range(3):
            self._verified_order(user_id=self.clerk.id)
        queued = outbox.search_count([("state", "=", "queued")])
        self.assertGreater(queued, BATCH)
        cron = self.env.ref("order_workflow.ir_cron_outbox")
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
        outbox.with_context(ir_cron_progress_id=progress.id)._cron_send()
        self.assertEqual((progress.done, progress.remaining), (BATCH, queued - BATCH))
        left = outbox.search_count([("state", "=", "queued")])
        self.assertEqual(left, queued - BATCH)
        self._send_queued()
