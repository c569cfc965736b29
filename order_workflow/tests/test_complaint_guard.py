# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A complaint's decisions refuse bad inputs and say what is wrong, and what they set
can't be set by hand: not written, created with, copied or imported, by the order
clerk nor by the service supervisor."""

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_complaint import ComplaintCase
from .test_guard import _load

# what only the complaint's actions set, with a value to try
GUARDED = {
    "first_response_on": "2026-11-20 08:00:00",
    "complaint_validity": "valid",
    "resolution": "repair",
    "response_overdue": True,
}


@tagged("post_install", "-at_install")
class TestComplaintBadInputs(ComplaintCase):
    def _snapshot(self, ticket):
        return ticket.read(
            [
                "stage_id",
                "complaint_validity",
                "responsible_department",
                "resolution",
                "nonconformity_id",
                "complaint_state",
                "first_response_on",
            ]
        )

    def test_registration_says_what_is_missing(self):
        order = self._released_order()
        other = self._released_order()
        Order = order.with_user(self.clerk)
        cases = [
            (("warranty", "Broken"), {}, "category"),
            (("quality", "  "), {}, "Describe"),
            (("quality", "Broken"), {"price": 3}, "Unknown complaint details"),
            (("quality", "Broken"), {"user_id": 2}, "Unknown complaint details"),
        ]
        for args, register, message in cases:
            with self.assertRaisesRegex(UserError, message):
                Order.action_open_complaint(*args, **register)
        other_picking = self._out_picking(other)
        with self.assertRaisesRegex(UserError, "is not a delivery of"):
            Order.action_open_complaint("delivery", "Late", picking_id=other_picking.id)
        quotation = self._create_order(user=self.clerk)
        with self.assertRaisesRegex(UserError, "not a confirmed order"):
            quotation.with_user(self.clerk).action_open_complaint("quality", "Broken")
        self.assertFalse(
            self.Ticket.search([("sale_order_id", "in", (order | other).ids)])
        )

    def test_decisions_out_of_order_change_nothing(self):
        order = self._released_order()
        ticket = self._complaint(order, complaint_qty=1).with_user(self.service)
        before = self._snapshot(ticket)
        with self.assertRaisesRegex(UserError, "Name the department"):
            ticket.action_assess_complaint(True, "Confirmed")
        with self.assertRaisesRegex(UserError, "Name the department"):
            ticket.action_assess_complaint(True, "Confirmed", "canteen")
        with self.assertRaisesRegex(UserError, "Write why"):
            ticket.action_assess_complaint(True, "", "production")
        with self.assertRaisesRegex(UserError, "Assess .* as valid before"):
            ticket.action_resolve("repair", "Reworked")
        with self.assertRaisesRegex(UserError, "valid quality complaint only"):
            ticket.action_open_8d()
        self.assertEqual(self._snapshot(ticket), before)
        self.assertFalse(self.env["rma"].search([("complaint_id", "=", ticket.id)]))
        self._valid(ticket)
        before = self._snapshot(ticket)
        with self.assertRaisesRegex(UserError, "Choose how the complaint is resolved"):
            ticket.action_resolve("discount", "Ten percent")
        with self.assertRaisesRegex(UserError, "Write how"):
            ticket.action_resolve("repair", " ")
        with self.assertRaisesRegex(UserError, "already assessed"):
            ticket.action_assess_complaint(False, "Changed my mind")
        self.assertEqual(self._snapshot(ticket), before)
        # an 8D is for a valid quality complaint only
        packaging = self._complaint(order, "packaging", complaint_qty=1)
        self._valid(packaging)
        with self.assertRaisesRegex(UserError, "valid quality complaint only"):
            packaging.with_user(self.service).action_open_8d()
        invalid = self._complaint(order, complaint_qty=1)
        invalid.with_user(self.service).action_assess_complaint(False, "Misuse")
        with self.assertRaisesRegex(UserError, "is closed"):
            invalid.with_user(self.service).action_open_8d()
        self.assertFalse(
            (packaging | invalid).nonconformity_id
            or self.env["mgmtsystem.nonconformity"].search(
                [("complaint_id", "in", (packaging | invalid).ids)]
            )
        )
        # a ticket that is no complaint is left to OCA
        plain = self.Ticket.create({"name": "Printer", "description": "Jammed"})
        with self.assertRaisesRegex(UserError, "is not a complaint"):
            plain.with_user(self.service).action_assess_complaint(False, "No")
        self.assertFalse(plain.complaint_validity)


@tagged("post_install", "-at_install")
class TestComplaintGuardedFields(ComplaintCase):
    def test_decisions_are_not_written_created_copied_or_imported(self):
        order = self._released_order()
        other = self._released_order()
        ticket = self._complaint(order, complaint_qty=1)
        self._valid(ticket)
        nc = self.env["mgmtsystem.nonconformity"].create(
            {
                "name": "Faked 8D",
                "partner_id": self.good_customer.id,
                "description": "x",
                "responsible_user_id": self.service.id,
                "manager_user_id": self.service.id,
            }
        )
        other_type = self.env["helpdesk.ticket.type"].create({"name": "Question"})
        by_hand = {
            **GUARDED,
            "complaint_validity": "invalid",
            "nonconformity_id": nc.id,
            "sale_order_id": other.id,
            "type_id": other_type.id,
        }
        before = ticket.read(list(by_hand))
        for user in (self.clerk, self.service):
            mine = ticket.with_user(user)
            for name, value in by_hand.items():
                with self.assertRaisesRegex(AccessError, "by hand", msg=name):
                    mine.write({name: value})
                if name in GUARDED or name == "nonconformity_id":
                    with self.assertRaisesRegex(AccessError, "by hand", msg=name):
                        mine.copy({name: value})
                    with self.assertRaisesRegex(AccessError, "by hand", msg=name):
                        self.Ticket.with_user(user).create(
                            {
                                "name": "Made up",
                                "description": "x",
                                "type_id": ticket.type_id.id,
                                "sale_order_id": order.id,
                                name: value,
                            }
                        )
            for name, value in (
                ("complaint_validity", "invalid"),
                ("resolution", "refund"),
                ("response_overdue", "1"),
                ("first_response_on", "2026-11-20 08:00:00"),
                ("sale_order_id/.id", str(other.id)),
                ("type_id/.id", str(other_type.id)),
            ):
                ids, message = _load(
                    self.Ticket.with_user(user),
                    [".id", name],
                    [str(ticket.id), value],
                )
                self.assertFalse(ids, name)
                self.assertIn("by hand", message)
        self.assertEqual(ticket.read(list(by_hand)), before)
        # a copy starts over: its own clock, no decision
        twin = ticket.with_user(self.clerk).copy()
        self.assertTrue(twin.is_complaint)
        self.assertEqual(twin.sale_order_id, order)
        self.assertEqual(twin.complaint_validity, "pending")
        self.assertFalse(twin.resolution)
        self.assertFalse(twin.first_response_on or twin.nonconformity_id)
        self.assertGreaterEqual(twin.first_response_due, fields.Datetime.now())

    def test_a_new_complaint_gives_its_order_and_type_freely(self):
        order = self._released_order()
        ticket = self.Ticket.with_user(self.clerk).create(
            {
                "name": "Phoned in",
                "description": "Wrong colour",
                "type_id": self.env.ref("order_workflow.ticket_type_complaint").id,
                "sale_order_id": order.id,
                "complaint_category": "quality",
            }
        )
        self.assertTrue(ticket.is_complaint)
        self.assertEqual(ticket.partner_id, self.good_customer)
        self.assertTrue(ticket.first_response_due)
        self.assertEqual(order.complaint_ids, ticket)
