# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from . import excel_reader as xl
from .import_aliases import DATE_LABELS, PO_LABELS


class OrderWorkflowOrderImport(models.TransientModel):
    """Import the lines of a customer's order form (.xls/.xlsx) into a quotation."""

    _name = "order_workflow.order.import"
    _inherit = "order_workflow.import.mixin"
    _description = "Order Workflow: import an order form from Excel"

    order_id = fields.Many2one("sale.order", string="Order", required=True)
    column_ids = fields.One2many(
        "order_workflow.import.column", "order_import_id", string="Columns"
    )

    def _ow_check_rights(self):
        self._ow_require_groups(
            ["order_workflow.group_order_clerk"], _("import order forms")
        )

    @api.model
    def _ow_target_names(self):
        return (
            "product_code",
            "barcode",
            "product_name",
            "specification",
            "quantity",
            "unit",
            "price_unit",
            "delivery_date",
            "remarks",
            "special",
        )

    @api.model
    def _ow_required_targets(self):
        return [("product_code", "barcode", "product_name"), ("quantity",)]

    def _ow_template_spec(self):
        return (
            "order_form_template.xlsx",
            _("客户订货单 Customer order form"),
            [
                "产品编号\nProduct code",
                "产品名称\nProduct",
                "规格型号\nSpecification",
                "数量\nQuantity",
                "单位\nUnit",
                "单价\nUnit price",
                "交货日期\nDelivery date",
                "备注\nRemarks",
                "定制要求\nSpecial requirements",
            ],
        )

    # -- import ----------------------------------------------------------------

    def action_import(self):
        """Create the order lines of every row, or raise one ``UserError`` listing every
        problem and create nothing."""
        self.ensure_one()
        self._ow_check_rights()
        order = self.order_id
        order.check_access("write")
        if order.state not in ("draft", "sent"):
            raise UserError(
                _(
                    "Order %(order)s is no longer a quotation: lines can only be "
                    "imported into a quotation.",
                    order=order.name,
                )
            )
        sheet, header, mapping, rows, problems = self._ow_table()
        order_vals, head_problems = self._ow_read_heading(sheet, header)
        problems += head_problems
        line_vals, dates, row_problems = self._ow_read_lines(
            sheet, header, mapping, rows
        )
        problems += row_problems
        self._ow_raise(problems)
        if "requested_date" not in order_vals and dates:
            order_vals["requested_date"] = min(dates)
        if order_vals:
            order.write(order_vals)
        for vals in line_vals:
            vals["order_id"] = order.id
        lines = self.env["sale.order.line"].create(line_vals)
        self._ow_log(order, len(lines))
        return {"type": "ir.actions.act_window_close"}

    def _ow_log(self, order, count):
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.filename,
                "datas": self.data_file,
                "res_model": "sale.order",
                "res_id": order.id,
            }
        )
        order.message_post(
            body=Markup("%s")
            % _(
                "%(count)s lines imported from %(file)s (sheet %(sheet)s).",
                count=count,
                file=self.filename,
                sheet=self.sheet_name,
            ),
            attachment_ids=attachment.ids,
        )

    def _ow_read_heading(self, sheet, header):
        """Customer PO and requested date from the rows above the header."""
        vals, problems = {}, []
        for row in range(header):
            values = sheet.rows[row]
            for col, value in enumerate(values):
                label, found, at = self._ow_label_value(values, col, value)
                if not label:
                    continue
                if label & PO_LABELS and found and "client_order_ref" not in vals:
                    vals["client_order_ref"] = xl.text(found)
                elif label & DATE_LABELS and found and "requested_date" not in vals:
                    try:
                        vals["requested_date"] = xl.parse_date(found)
                    except ValueError:
                        problems.append(
                            _(
                                "%(where)s: the requested date “%(value)s” is not "
                                "a date.",
                                where=self._ow_where(sheet, row, at),
                                value=xl.text(found),
                            )
                        )
        return vals, problems

    @staticmethod
    def _ow_label_value(values, col, value):
        """(label keys, value, value column) of a "label: value" cell or a label cell
        followed by its value."""
        if not isinstance(value, str):
            return set(), None, col
        raw = xl.text(value)
        for sep in (":", "："):
            if sep in raw:
                label, rest = raw.split(sep, 1)
                if rest.strip():
                    return xl.header_keys(label), rest.strip(), col
                raw = label
                break
        for nxt in range(col + 1, len(values)):
            if not xl.is_empty(values[nxt]):
                return xl.header_keys(raw), values[nxt], nxt
        return set(), None, col

    def _ow_read_lines(self, sheet, header, mapping, rows):
        columns = self._ow_columns(mapping)
        records = [(row, self._ow_row_values(sheet, row, mapping)) for row in rows]
        products = self._ow_find_products(records)
        uoms = self._ow_uoms()
        problems, vals_list, dates, seen = [], [], [], {}

        def problem(row, target, message):
            problems.append(
                self._ow_problem(sheet, header, row, columns[target], message)
            )

        for row, values in records:
            key = tuple(xl.text(values[t]) for t in sorted(values))
            if key in seen:
                problems.append(
                    self._ow_problem(
                        sheet,
                        header,
                        row,
                        min(mapping),
                        _("duplicate of row %(row)s.", row=seen[key] + 1),
                    )
                )
                continue
            seen[key] = row
            vals, delivery = self._ow_line_vals(row, values, products, uoms, problem)
            if vals is None:
                continue
            if delivery:
                dates.append(delivery)
            vals_list.append(vals)
        return vals_list, dates, problems

    def _ow_line_vals(self, row, values, products, uoms, problem):
        """(vals of one order line, its delivery date), or (None, None) after
        reporting its problems."""
        product = self._ow_match(values, products, row, problem)
        ok = bool(product)
        qty = self._ow_number(values, "quantity", row, problem, positive=True)
        if qty is None:
            ok = False
        price = self._ow_number(values, "price_unit", row, problem)
        if price is False:
            ok = False
        uom = self._ow_uom(values, product, uoms, row, problem)
        if uom is False:
            ok = False
        delivery = None
        if not xl.is_empty(values.get("delivery_date")):
            try:
                delivery = xl.parse_date(values["delivery_date"])
            except ValueError:
                problem(
                    row,
                    "delivery_date",
                    _(
                        "“%(value)s” is not a date.",
                        value=xl.text(values["delivery_date"]),
                    ),
                )
                ok = False
        if not ok:
            return None, None
        vals = {"product_id": product.id, "product_uom_qty": qty}
        if uom:
            vals["product_uom"] = uom.id
        if price is not None:
            vals["price_unit"] = price
        details = [
            xl.text(values.get(t))
            for t in ("specification", "remarks")
            if values.get(t)
        ]
        if any(details):
            vals["name"] = "\n".join(
                [
                    product.get_product_multiline_description_sale(),
                    *filter(None, details),
                ]
            )
        special = xl.text(values.get("special"))
        if special:
            vals.update(is_nonstandard=True, nonstandard_note=special)
        return vals, delivery

    def _ow_number(self, values, target, row, problem, positive=False):
        """The number of a cell: None when empty (a problem if ``positive``), False
        after reporting a problem."""
        if target not in values:
            return None
        try:
            number = xl.parse_number(values[target])
        except ValueError:
            problem(
                row,
                target,
                _("“%(value)s” is not a number.", value=xl.text(values[target])),
            )
            return False if not positive else None
        if positive and (number is None or number <= 0):
            problem(
                row,
                target,
                _("the quantity must be a positive number.")
                if number is not None
                else _("the quantity is missing."),
            )
            return None
        if number is not None and number < 0:
            problem(row, target, _("the price must not be negative."))
            return False
        return number

    def _ow_uom(self, values, product, uoms, row, problem):
        """None for the product's own unit, a uom.uom, or False after a problem."""
        unit = xl.text(values.get("unit"))
        if not unit or unit.lower() in xl.PIECE_UNITS:
            return None
        uom = uoms.get(unit.lower())
        if not uom:
            problem(row, "unit", _("unknown unit “%(unit)s”.", unit=unit))
            return False
        if product and uom.category_id != product.uom_id.category_id:
            problem(
                row,
                "unit",
                _(
                    "the unit “%(unit)s” does not fit the product's unit %(own)s.",
                    unit=unit,
                    own=product.uom_id.name,
                ),
            )
            return False
        return uom if uom != product.uom_id else None

    def _ow_uoms(self):
        uoms = {}
        for uom in self.env["uom.uom"].search([]):
            uoms.setdefault(uom.name.lower(), uom)
        return uoms

    def _ow_find_products(self, records):
        """{kind: {text: products}} for every code, barcode and name of the rows, in
        one query per kind. The customer's own code comes first."""
        codes, names = set(), set()
        for _row, values in records:
            for target in ("product_code", "barcode"):
                if xl.text(values.get(target)):
                    codes.add(xl.text(values[target]))
            if xl.text(values.get("product_name")):
                names.add(xl.text(values["product_name"]))
        order = self.order_id
        Product = self.env["product.product"].with_company(order.company_id)
        base = [
            ("sale_ok", "=", True),
            "|",
            ("company_id", "=", False),
            ("company_id", "=", order.company_id.id),
        ]
        found = defaultdict(lambda: defaultdict(lambda: Product.browse()))
        if codes:
            customer_codes = self.env["order_workflow.customer.product.code"].search(
                [
                    ("partner_id", "=", order.partner_id.commercial_partner_id.id),
                    ("code", "in", list(codes)),
                ]
            )
            for entry in customer_codes:
                found["customer"][entry.code] |= entry.product_id
            for product in Product.search(base + [("default_code", "in", list(codes))]):
                found["default_code"][product.default_code] |= product
            for product in Product.search(base + [("barcode", "in", list(codes))]):
                found["barcode"][product.barcode] |= product
        if names:
            for product in Product.search(base + [("name", "in", list(names))]):
                found["name"][product.name] |= product
        return found

    def _ow_match(self, values, found, row, problem):
        code = xl.text(values.get("product_code"))
        barcode = xl.text(values.get("barcode"))
        name = xl.text(values.get("product_name"))
        if code:
            target, candidates = (
                "product_code",
                (
                    found["customer"][code]
                    or found["default_code"][code]
                    or found["barcode"][code]
                ),
            )
            shown = code
        elif barcode:
            target, candidates, shown = "barcode", found["barcode"][barcode], barcode
        elif name:
            target, candidates, shown = "product_name", found["name"][name], name
        else:
            target = next(
                (t for t in ("product_code", "barcode", "product_name") if t in values),
                None,
            )
            if target:  # no product column at all is reported once, for the header
                problem(row, target, _("the product is missing."))
            return None
        if not candidates:
            problem(row, target, _("unknown product “%(product)s”.", product=shown))
            return None
        if len(candidates) > 1:
            problem(
                row,
                target,
                _(
                    "“%(product)s” matches several products: %(products)s.",
                    product=shown,
                    products=", ".join(candidates.mapped("display_name")),
                ),
            )
            return None
        return candidates
