# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    order_workflow_price_tolerance = fields.Float(
        string="Price tolerance (%)",
        default=0.0,
        help="A line whose price deviates from the price list by more than this, below "
        "or above, needs the finance price approval.",
    )
    order_workflow_deposit_a = fields.Float(
        string="Deposit for class A (%)", default=0.0
    )
    order_workflow_deposit_b = fields.Float(
        string="Deposit for class B (%)", default=30.0
    )
    order_workflow_deposit_c = fields.Float(
        string="Deposit for class C (%)", default=30.0
    )
    order_workflow_director_threshold = fields.Monetary(
        string="Sales director above",
        currency_field="currency_id",
        default=100000.0,
        help="Orders above this total (company currency, taxes included) also need the "
        "sales director's approval.",
    )
    order_workflow_gm_threshold = fields.Monetary(
        string="General manager above",
        currency_field="currency_id",
        default=500000.0,
        help="Orders above this total also need the general manager's approval.",
    )
    order_workflow_discount_limit = fields.Float(
        string="Discount limit (%)",
        default=10.0,
        help="A line discount above this is a special term: the sales director "
        "approves.",
    )
    order_workflow_gm_self_approve = fields.Boolean(
        string="General manager may approve own orders",
        help="Otherwise nobody approves an order they created or are the salesperson "
        "of.",
    )
    order_workflow_lead_margin = fields.Integer(
        string="Lead time margin (days)",
        default=0,
        help="Added to the products' manufacturing lead times for an order's default "
        "lead days.",
    )
    order_workflow_info_hours = fields.Float(
        string="Hours to get missing information",
        default=2.0,
        help="When the review asks the customer for missing information, the answer is "
        "due this many hours later.",
    )
    order_workflow_contact_hours = fields.Float(
        string="Hours to contact the customer",
        default=2.0,
        help="An incomplete order still in intake this many hours after it was "
        "received is flagged: the order clerk must contact the customer.",
    )
    order_workflow_import_max_mb = fields.Float(
        string="Largest Excel file to import (MB)",
        default=10.0,
        help="Order forms and price lists larger than this are refused by the Excel "
        "import.",
    )

    order_workflow_receipt_chase_days = fields.Integer(
        string="Days to chase a delivery receipt",
        default=3,
        help="A delivery receipt still awaited this many days after the expected "
        "arrival (or the shipping date) gets an activity to chase it.",
    )

    def _order_workflow_deposit_for_class(self, credit_class):
        self.ensure_one()
        return self[f"order_workflow_deposit_{(credit_class or 'c').lower()}"]
