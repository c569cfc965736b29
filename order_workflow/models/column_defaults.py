# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The required fields the add-on adds to Odoo's own tables have their default in the
database too.

A required field is a NOT NULL column. While the modules below this one load (an update,
or their at_install tests), the registry does not know the add-on's fields yet, and the
rows it inserts leave these columns out: without a database default, every partner, sale
order or delivery created then would fail. With it, such a row gets the value the ORM
would have given (the field's default), so the ORM semantics stay: the value is always
set.
"""

from odoo import models
from odoo.tools import SQL


def set_column_defaults(model, fnames):
    """Give the columns of ``fnames`` the fields' static defaults (idempotent)."""
    cr = model.env.cr
    for fname in fnames:
        field = model._fields[fname]
        value = field.convert_to_column(field.default(model), model)
        cr.execute(
            SQL(
                "SELECT column_default IS NOT DISTINCT FROM %s"
                " FROM information_schema.columns"
                " WHERE table_schema = current_schema()"
                " AND table_name = %s AND column_name = %s",
                f"'{value}'::character varying",
                model._table,
                fname,
            )
        )
        row = cr.fetchone()
        if row and not row[0]:
            cr.execute(
                SQL(
                    "ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s",
                    SQL.identifier(model._table),
                    SQL.identifier(fname),
                    value,
                )
            )


class ResPartner(models.Model):
    _inherit = "res.partner"

    _ow_column_defaults = ("credit_class", "qualification_state")

    def init(self):
        super().init()
        set_column_defaults(self, self._ow_column_defaults)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    _ow_column_defaults = (
        "review_state",
        "price_review_state",
        "confirmation_state",
        "shipping_release_state",
    )

    def init(self):
        super().init()
        set_column_defaults(self, self._ow_column_defaults)


class StockPicking(models.Model):
    _inherit = "stock.picking"

    _ow_column_defaults = ("receipt_state",)

    def init(self):
        super().init()
        set_column_defaults(self, self._ow_column_defaults)
