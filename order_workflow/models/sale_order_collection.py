# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Awaiting payment (收款中): a sale ends only when the customer has paid 100 % of it
(只有当客户100%支付货款后，该订单的销售才算结束). A delivered and followed-up order
waits in ``collection`` until it is fully invoiced and every invoice is paid; the
stage follows the invoices (sale_order.STAGE_INPUTS), so a payment moves it on. A
daily cron gives the people who collect an activity for overdue invoices."""

from odoo import _, api, fields, models

FINANCE = "order_workflow.group_finance_reviewer"
# Who collects the money of an order: fields of sale.order holding users.
COLLECTORS = ("user_id", "order_clerk_id")  # the salesperson and the order clerk


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # -- stage (sale_order.LIFECYCLE) ------------------------------------------------
    def _ow_waits_for_collection(self):
        return self.state == "sale" and not self._ow_invoiced_and_paid()

    def _ow_invoiced_and_paid(self):
        """Nothing left to invoice (down payments deducted), every invoice and credit
        note posted and paid."""
        self.ensure_one()
        if self.invoice_status == "to invoice":
            return False
        moves = self.invoice_ids.filtered(lambda m: m.state != "cancel")
        if not moves:
            return self.currency_id.is_zero(self.amount_total)
        return all(
            m.state == "posted" and m.currency_id.is_zero(m.amount_residual)
            for m in moves
        )

    def _ow_stages_waiting_for(self, user):
        stages = super()._ow_stages_waiting_for(user)
        if user.has_group(FINANCE):
            stages.add("collection")
        return stages

    def _ow_after_payment(self):
        """Paid in full: the collection activities are done."""
        res = super()._ow_after_payment()
        self.sudo().filtered(lambda o: o.workflow_stage == "closed").activity_unlink(
            ["order_workflow.activity_collection"]
        )
        return res

    # -- overdue invoices ------------------------------------------------------------
    def _ow_collectors(self):
        self.ensure_one()
        return self.env["res.users"].union(*(self[name] for name in COLLECTORS))

    @api.model
    def _cron_collection_reminders(self):
        """Daily: each collector of a delivered order with an overdue invoice gets a
        collection activity, unless one is still open for them."""
        activity_type = self.env.ref("order_workflow.activity_collection")
        invoices = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                    ("invoice_date_due", "<", fields.Date.context_today(self)),
                    (
                        "invoice_line_ids.sale_line_ids.order_id",
                        "any",
                        [
                            ("use_order_workflow", "=", True),
                            ("state", "=", "sale"),
                            ("ow_delivery_state", "=", "delivered"),
                        ],
                    ),
                ]
            )
        )
        invoices.fetch(["name", "amount_residual"])
        overdue = {}  # order -> its overdue invoices
        for invoice in invoices:
            for order in invoice.invoice_line_ids.sale_line_ids.order_id:
                if order.use_order_workflow and order.ow_delivery_state == "delivered":
                    overdue[order] = overdue.get(order, invoice.browse()) | invoice
        if not overdue:
            return True
        orders = self.sudo().union(*overdue)
        open_ = {
            (activity.res_id, activity.user_id.id)
            for activity in self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", orders.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        values = []
        for order, moves in overdue.items():
            note = _(
                "Overdue: %(invoices)s, %(amount)s to collect.",
                invoices=", ".join(moves.mapped("name")),
                amount=order._ow_format_amount(sum(moves.mapped("amount_residual"))),
            )
            for user in order._ow_collectors() or self.env.user:
                if (order.id, user.id) not in open_:
                    values.append(
                        order._ow_activity_values(activity_type, user, note=note)
                    )
        self.env["mail.activity"].sudo().create(values)
        return True
