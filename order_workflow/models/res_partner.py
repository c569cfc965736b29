# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

CREDIT_CLASSES = [
    ("A", "A: ships on agreed terms"),
    ("B", "B: pays the balance before shipping"),
    ("C", "C: pays the balance before shipping"),
]
QUALIFICATION_STATES = [
    ("new", "New"),
    ("qualified", "Qualified"),
    ("blocked", "Blocked"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    credit_class = fields.Selection(
        CREDIT_CLASSES,
        default="C",
        required=True,
        tracking=True,
        help="Class A customers ship on their agreed payment terms; class B and C "
        "customers ship after the balance is paid.",
    )
    customer_code = fields.Char(index="btree_not_null", copy=False, tracking=True)
    deposit_percent = fields.Float(
        string="Deposit (%)",
        digits=(5, 2),
        tracking=True,
        help="Share of the order total (taxes included) to be paid as a deposit before "
        "production starts. The only source of an order's deposit percent.",
    )
    qualification_state = fields.Selection(
        QUALIFICATION_STATES,
        string="Qualification",
        default="new",
        required=True,
        index=True,
        copy=False,
        tracking=True,
        help="New customers are filed and checked before their first order passes "
        "review; blocked customers get no new orders.",
    )

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + [
            "credit_class",
            "customer_code",
            "deposit_percent",
            "qualification_state",
        ]
