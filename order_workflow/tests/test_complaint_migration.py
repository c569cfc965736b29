# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 18.0.1.4.0 upgrade: acceptance issues become delivery complaints with their
chatter, activities and photos (models/helpdesk_ticket_migration.py)."""

from odoo.tests import tagged

from .common import OrderWorkflowCase

OLD = "order_workflow.acceptance.issue"


@tagged("post_install", "-at_install")
class TestAcceptanceIssueMigration(OrderWorkflowCase):
    def _old_issue(self, picking, state, resolution=None):
        self.cr.execute(
            """INSERT INTO order_workflow_acceptance_issue
                   (picking_id, description, state, resolution, create_date,
                    create_uid)
               VALUES (%s, 'Two boxes dented', %s, %s, '2026-11-02 08:00', %s)
               RETURNING id""",
            (picking.id, state, resolution, self.clerk.id),
        )
        return self.cr.fetchone()[0]

    def test_issues_become_delivery_complaints_with_their_history(self):
        Ticket = self.env["helpdesk.ticket"]
        self.assertFalse(Ticket._ow_migrate_acceptance_issues())  # no old table
        # the old model and its table as 18.0.1.3.0 left them
        self.cr.execute(
            """CREATE TABLE order_workflow_acceptance_issue (
                   id serial PRIMARY KEY, picking_id int, description text,
                   state varchar, resolution text, create_date timestamp,
                   create_uid int)"""
        )
        self.cr.execute(
            """INSERT INTO ir_model (model, name, state, transient, "order")
               VALUES (%s, '{"en_US": "Acceptance issue"}', 'base', false, 'id')
               RETURNING id""",
            (OLD,),
        )
        old_model_id = self.cr.fetchone()[0]
        order = self.env["sale.order"].search(
            [("picking_ids.picking_type_code", "=", "outgoing")], limit=1
        )
        picking = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )[:1]
        open_id = self._old_issue(picking, "open")
        self._old_issue(picking, "resolved", "Replaced both boxes.")
        manager = self.users["group_sales_manager"]
        self.cr.execute(
            """INSERT INTO mail_activity (active, res_model, res_model_id, res_id,
                   user_id, activity_type_id, date_deadline, summary, create_date,
                   write_date)
               VALUES (true, %s, %s, %s, %s, %s, '2026-11-03', 'Answer the customer',
                       now(), now())""",
            (
                OLD,
                old_model_id,
                open_id,
                manager.id,
                self.env.ref("mail.mail_activity_data_todo").id,
            ),
        )
        self.cr.execute(
            """INSERT INTO mail_message (model, res_id, body, message_type,
                   create_date, date)
               VALUES (%s, %s, '<p>Photos sent</p>', 'comment', now(), now())""",
            (OLD, open_id),
        )
        photo = self.env["ir.attachment"].create(
            {"name": "dent.jpg", "raw": b"photo", "res_model": OLD, "res_id": open_id}
        )

        tickets = Ticket._ow_migrate_acceptance_issues()

        self.assertEqual(len(tickets), 2)
        opened, resolved = tickets
        for ticket in tickets:
            self.assertTrue(ticket.is_complaint)
            self.assertEqual(ticket.complaint_category, "delivery")
            self.assertEqual(ticket.picking_id, picking)
            self.assertEqual(ticket.sale_order_id, order)
            self.assertEqual(str(ticket.create_date), "2026-11-02 08:00:00")
            self.assertEqual(str(ticket.first_response_due), "2026-11-03 08:00:00")
        self.assertFalse(opened.stage_id.closed)
        self.assertFalse(opened.first_response_on)
        self.assertIn(manager, opened.activity_ids.user_id)
        self.assertIn(
            "Photos sent", "".join(opened.message_ids.mapped(lambda m: str(m.body)))
        )
        self.assertEqual(photo.res_model, "helpdesk.ticket")
        self.assertEqual(photo.res_id, opened.id)
        self.assertIn(photo, opened.attachment_ids)
        self.assertTrue(resolved.stage_id.closed)
        self.assertEqual(resolved.complaint_state, "closed")
        self.assertEqual(resolved.resolution_note, "Replaced both boxes.")
        self.assertFalse(
            resolved.activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("order_workflow.activity_complaint_answer")
            )
        )
        self.cr.execute(
            "SELECT count(*) FROM mail_activity WHERE res_model = %s", (OLD,)
        )
        self.assertEqual(self.cr.fetchone()[0], 0)
