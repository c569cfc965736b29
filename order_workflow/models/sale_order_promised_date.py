# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The promised date (交期): the finished-goods date, not the ship date.

Before the clock starts it is today + lead days, and a daily cron moves it one day for
each day the signed confirmation is late. The clock starts at the latest of the
verification date and the dates the later gates add (deposit, letter of credit); the
promised date is then clock start + lead days, and Odoo's delivery date follows it.
"""

from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .guard import ACTION, internal, is_internal, workflow_action

DEFAULT_LEAD_DAYS = 15
# Orders whose promised date the daily cron moves (the signed copy, the deposit or
# the letter of credit is late); SQL, with %(today)s
LATE_ORDERS = """
             WHERE use_order_workflow
               AND clock_start_date IS NULL
               AND promised_date IS NOT NULL
               AND promised_date < %(today)s::date + lead_days
               AND ((confirmation_state IN ('sent', 'returned')
                     AND state IN ('draft', 'sent'))
                    OR (state = 'sale'
                        AND NOT COALESCE(production_done, false)
                        AND (deposit_state = 'waiting'
                             OR (lc_required AND lc_date IS NULL))))
"""


class SaleOrder(models.Model):
    _inherit = "sale.order"

    lead_days = fields.Integer(
        compute="_compute_lead_days",
        store=True,
        readonly=False,
        tracking=True,
        help="Days from the clock start to finished goods, as agreed with the "
        "production supervisor. Defaults from the products' manufacturing lead times "
        "plus the company's margin, otherwise 15 days. It never blocks sending.",
    )
    promised_date = fields.Date(
        tracking=True,
        copy=False,
        index="btree_not_null",
        help="The finished-goods date promised to the customer (not the ship date).",
    )
    production_committed_date = fields.Date(
        string="Production date",
        readonly=True,
        copy=False,
        help="The finished-goods date production committed to: clock start + lead "
        "days (moved only by production, e.g. an accepted anomaly). The deadlines of "
        "the manufacturing orders follow it; widening the customer's promised date "
        "does not relax them.",
    )
    clock_start_date = fields.Date(
        readonly=True,
        copy=False,
        help="The latest of the verification of the signed confirmation and, where "
        "they apply, the deposit payment and the letter of credit: lead days count "
        "from here.",
    )

    @api.depends(
        "order_line.product_id",
        "company_id.order_workflow_lead_margin",
        "technical_lead_days",
    )
    def _compute_lead_days(self):
        products = self.order_line.product_id
        boms = self.env["mrp.bom"]._bom_find(products) if products else {}
        for order in self:
            days = [
                bom.produce_delay + bom.days_to_prepare_mo
                for product, bom in boms.items()
                if bom and product in order.order_line.product_id
            ]
            days = [d for d in days if d > 0]  # 0: no lead time set on the BoM
            margin = (order.company_id or self.env.company).order_workflow_lead_margin
            order.lead_days = (
                (max(days) + margin) if days else DEFAULT_LEAD_DAYS
            ) + order.technical_lead_days

    # -- before the clock starts -------------------------------------------------------
    def _ow_default_promised_date(self, today=None):
        self.ensure_one()
        return (today or fields.Date.context_today(self)) + timedelta(
            days=self.lead_days
        )

    @workflow_action
    def action_send_for_confirmation(self):
        res = super().action_send_for_confirmation()
        for order in self.filtered(lambda o: not o.clock_start_date):
            order.promised_date = max(
                order.promised_date or fields.Date.context_today(order),
                order._ow_default_promised_date(),
            )
        return res

    @api.model
    def _cron_move_promised_dates(self):
        """Daily: for each day the signed copy (then the deposit or the letter of
        credit) is late, the promised date moves one day.

        Batched: one UPDATE moves every late order (no tracking, no per-order write),
        and the chatter lines are created in one batch.
        """
        today = fields.Date.context_today(self)
        self.flush_model(
            [
                "use_order_workflow",
                "confirmation_state",
                "clock_start_date",
                "state",
                "promised_date",
                "lead_days",
                "deposit_state",
                "lc_required",
                "lc_date",
                "production_finish_date",
            ]
        )
        # An order a user is deciding on right now (its row locked: verifying the
        # signed copy, paying the deposit) is skipped, not waited for: its decision
        # sets the dates itself, and waiting would end in a serialization failure
        # that fails the whole job (ir.cron does not retry), so that no order moved
        # that day.
        self.env.cr.execute(
            f"""
            SELECT id FROM sale_order
            {LATE_ORDERS}
               FOR NO KEY UPDATE SKIP LOCKED
            """,
            {"today": today},
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        if not ids:
            return True
        self.env.cr.execute(
            f"""
            UPDATE sale_order
               SET promised_date = %(today)s::date + lead_days,
                   -- the one stored field that depends on the promised date
                   -- (sale_order_production): set here, not recomputed order by order
                   delay_risk = COALESCE(production_finish_date
                                         >= %(today)s::date + lead_days + 1, false),
                   write_uid = %(uid)s,
                   write_date = (now() AT TIME ZONE 'UTC')
            {LATE_ORDERS}
               AND id = ANY(%(ids)s)
         RETURNING id, name, promised_date,
                   -- a subquery in RETURNING sees the row as it was before
                   (SELECT o.promised_date FROM sale_order o
                     WHERE o.id = sale_order.id),
                   state = 'sale'
            """,
            {"today": today, "uid": self.env.uid, "ids": ids},
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return True
        # the stored value changed under the ORM: drop what it cached
        self.invalidate_model(
            ["promised_date", "delay_risk", "write_uid", "write_date"]
        )
        note = self.env.ref("mail.mt_note")
        first = {"model": self._name, "res_id": rows[0][0]}
        common = {
            "model": self._name,
            "message_type": "notification",
            "subtype_id": note.id,
            "author_id": self.env.user.partner_id.id,
            "email_from": self.env.user.email_formatted or False,
            "reply_to": self.env["mail.message"].sudo()._get_reply_to(first),
        }
        late_deposit = self.env._(
            "The deposit or the letter of credit is late: promised date moved from "
            "%(old)s to %(new)s."
        )
        late_copy = self.env._(
            "The signed confirmation is late: promised date moved from %(old)s to "
            "%(new)s."
        )
        messages = []
        for order_id, name, new_date, old, confirmed in rows:
            body = (late_deposit if confirmed else late_copy) % {
                "old": old,
                "new": new_date,
            }
            messages.append(
                {**common, "res_id": order_id, "record_name": name, "body": body}
            )
        self.env["mail.message"].sudo().create(messages)
        return True

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "production_committed_date"
        ]

    # -- the clock ---------------------------------------------------------------------
    def _ow_clock_start_candidates(self):
        """Dates the clock waits for (None: not yet); the deposit and
        letter-of-credit gates add theirs."""
        self.ensure_one()
        return [fields.Date.to_date(self.confirmation_verified_on)]

    def _ow_start_clock(self):
        for order in self.filtered("use_order_workflow"):
            dates = order._ow_clock_start_candidates()
            if not all(dates):
                continue  # still waiting for one of them
            start = max(dates)
            promised = start + timedelta(days=order.lead_days)
            with internal(ACTION):
                order.write(
                    {
                        "clock_start_date": start,
                        "promised_date": promised,
                        "production_committed_date": promised,
                        "commitment_date": fields.Datetime.to_datetime(promised),
                    }
                )

    def _ow_after_confirmation_verified(self):
        super()._ow_after_confirmation_verified()
        self._ow_start_clock()

    def write(self, vals):
        # the workflow itself moves it (clock start, an anomaly's accepted date)
        if vals.get("promised_date") and not is_internal(ACTION):
            started = self.filtered(
                lambda o: o.clock_start_date
                and o.promised_date
                and fields.Date.to_date(vals["promised_date"]) < o.promised_date
            )
            if started:
                raise UserError(
                    _(
                        "The promised date of %(order)s was fixed from the clock "
                        "start; it can be widened (later), not brought forward.",
                        order=started[0].name,
                    )
                )
        return super().write(vals)
