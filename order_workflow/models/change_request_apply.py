# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Applying an accepted change request, in one transaction (a savepoint): all of it
or nothing. A failure leaves the order and the request as they were, with the error
on the request. The order's chatter shows old → new."""

import logging
from datetime import datetime, time

from odoo import _, fields, models
from odoo.exceptions import UserError

from .guard import ACTION, internal

_logger = logging.getLogger(__name__)
OPEN_MO = ("draft", "confirmed")


class ChangeRequest(models.Model):
    _inherit = "order_workflow.change.request"

    def _ow_apply_safely(self):
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                with internal(ACTION):
                    self._ow_apply()
                self.env.flush_all()
        except Exception as error:  # pylint: disable=broad-except
            _logger.info("Change request %s not applied: %s", self.name, error)
            self.env.invalidate_all()
            message = str(error.args[0]) if error.args else str(error)
            self.apply_error = message
            self._ow_note(
                _("The change could not be applied: %(error)s", error=message)
            )
            return False
        return True

    def _ow_apply(self):
        self.ensure_one()
        order = self.order_id.sudo()
        if self.change_type != "date":  # the date itself: below
            getattr(self, f"_ow_apply_{self.change_type}")(order)
        new_date = self.new_promised_date or (
            self.new_requested_date if self.change_type in ("date", "rush") else False
        )
        if new_date and self.change_type != "cancel":
            self._ow_apply_date(order, new_date)
        self.write(
            {
                "state": "applied",
                "applied_on": fields.Datetime.now(),
                "apply_error": False,
            }
        )
        self.sudo().activity_unlink(["order_workflow.activity_change_request"])
        order._ow_note(_("Change request %(name)s applied.", name=self.name))

    def _ow_line_mos(self, line):
        return line.order_id.ow_production_ids.filtered(
            lambda p, line=line: p.sale_line_id == line and p.state != "cancel"
        )

    # -- quantity ------------------------------------------------------------------
    def _ow_apply_quantity(self, order):
        changes = []
        for change in self.line_ids:
            line = change.order_line_id.sudo()
            old = line.product_uom_qty
            if change.new_qty == old:
                continue
            before = self._ow_line_mos(line)
            if change.new_qty > old:
                self._ow_grow_mo(line, before, change.new_qty - old)
            # sale_stock procures what the delivery still lacks: a draft MO grows,
            # else a new MO (nothing when the MO not started already grew)
            line.product_uom_qty = change.new_qty
            if change.new_qty < old:
                self._ow_reduce_mos(before, old - change.new_qty)
            changes.append(
                _(
                    "%(product)s: quantity %(old)s → %(new)s",
                    product=line.product_id.display_name,
                    old=old,
                    new=change.new_qty,
                )
            )
        order._ow_note("<br/>".join(changes) or _("No quantity changed."))

    def _ow_grow_mo(self, line, mos, qty):
        """An MO not started grows by Odoo's change of the production quantity, and
        the delivery it feeds with it, when it feeds it directly (one step)."""
        mo = mos.filtered(
            lambda p: p.state == "confirmed" and not p.qty_producing
        ).sorted("id")[-1:]
        delivery = line.move_ids.filtered(
            lambda m: m.state not in ("done", "cancel")
            and m.location_dest_id.usage == "customer"
        )
        if (
            not mo
            or len(delivery) != 1
            or not (delivery.move_orig_ids & mo.move_finished_ids)
        ):
            return False
        self.env["change.production.qty"].sudo().with_context(
            skip_activity=True
        ).create(
            {"mo_id": mo.id, "product_qty": mo.product_qty + qty}
        ).change_prod_qty()
        delivery.product_uom_qty += qty
        return True

    def _ow_reduce_mos(self, mos, qty):
        """Reduce the MOs not started (latest first) by ``qty``: Odoo's change of
        the production quantity, or the MO cancelled when nothing is left."""
        for mo in mos.sorted("id", reverse=True):
            if qty <= 0:
                break
            if mo.state not in OPEN_MO or mo.qty_producing:
                continue
            if mo.product_qty <= qty:
                qty -= mo.product_qty
                mo.action_cancel()
                continue
            self.env["change.production.qty"].sudo().create(
                {"mo_id": mo.id, "product_qty": mo.product_qty - qty}
            ).change_prod_qty()
            qty = 0
        if qty > 0:
            raise UserError(
                _(
                    "%(qty)s can't be taken off MOs already started: production "
                    "reduces them first.",
                    qty=qty,
                )
            )

    # -- product, packaging: the line changes, its MO is replaced ------------------
    def _ow_replace_procurement(self, line, vals):
        for mo in self._ow_line_mos(line):
            if mo.state == "done":
                continue
            mo.action_cancel()
        moves = line.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))
        moves._action_cancel()
        line.write(vals)
        line._action_launch_stock_rule()

    def _ow_apply_product(self, order):
        """Odoo keeps a confirmed line's product: the line goes to 0 (its MO
        cancelled or reduced) and a new line of the new product takes its place."""
        notes = []
        for change in self.line_ids:
            line = change.order_line_id.sudo()
            qty = line.product_uom_qty
            before = self._ow_line_mos(line)
            line.product_uom_qty = 0
            self._ow_reduce_mos(before, qty)
            new = line.copy(
                {
                    "order_id": order.id,
                    "product_id": change.new_product_id.id,
                    "product_uom_qty": qty,
                    "sequence": line.sequence,
                }
            )
            notes.append(
                _(
                    "Product %(old)s → %(new)s (%(qty)s)",
                    old=line.product_id.display_name,
                    new=new.product_id.display_name,
                    qty=qty,
                )
            )
        order._ow_note("<br/>".join(notes))

    def _ow_apply_packaging(self, order):
        notes = []
        for change in self.line_ids:
            line = change.order_line_id.sudo()
            packaging = self._ow_text(change.new_packaging_note)
            self._ow_replace_procurement(
                line, {"name": f"{line.name}\n{_('Packaging')}: {packaging}"}
            )
            notes.append(
                _(
                    "%(product)s: packaging → %(new)s",
                    product=line.product_id.display_name,
                    new=packaging,
                )
            )
        order._ow_note("<br/>".join(notes))

    # -- date, rush ----------------------------------------------------------------
    def _ow_apply_date(self, order, new_date):
        old = order.promised_date
        vals = {
            "promised_date": new_date,
            "commitment_date": datetime.combine(new_date, time(12)),
        }
        if self.new_promised_date or not order.production_committed_date:
            # production's own commitment: the MOs' deadlines follow it
            vals["production_committed_date"] = new_date
        order.write(vals)
        order._ow_note(
            _("Promised date %(old)s → %(new)s", old=old or "-", new=new_date)
        )

    def _ow_apply_rush(self, order):
        order.ow_rush = True
        mos = order.ow_production_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        mos.write({"priority": "1"})
        order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel")).write(
            {"priority": "1"}
        )
        order._ow_note(_("Rush order: priority normal → urgent"))

    # -- cancellation ---------------------------------------------------------------
    def _ow_apply_cancel(self, order):
        mos = order.ow_production_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        mos.action_cancel()
        order.with_context(disable_cancel_warning=True)._action_cancel()
        handling = dict(
            self._fields["deposit_handling"]._description_selection(self.env)
        )
        order._ow_note(
            _(
                "Order cancelled (%(mos)s MOs cancelled; goods produced stay in "
                "stock). Deposit: %(deposit)s",
                mos=len(mos),
                deposit=handling.get(self.deposit_handling, _("none")),
            )
        )
