# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..models.res_partner import CREDIT_CLASSES
from . import excel_reader as xl


class OrderWorkflowPricelistImport(models.TransientModel):
    """Import the approved price list (价格执行方案) from Excel into price list
    items."""

    _name = "order_workflow.pricelist.import"
    _inherit = "order_workflow.import.mixin"
    _description = "Order Workflow: import a price list from Excel"

    pricelist_id = fields.Many2one(
        "product.pricelist", string="Price list", required=True
    )
    mode = fields.Selection(
        [("add", "Add to the price list"), ("replace", "Replace the price list")],
        default="add",
        required=True,
        help="Replace removes every rule of the price list before the file's rows are "
        "added.",
    )
    column_ids = fields.One2many(
        "order_workflow.import.column", "pricelist_import_id", string="Columns"
    )

    def _ow_check_rights(self):
        self._ow_require_groups(
            [
                "order_workflow.group_finance_reviewer",
                "order_workflow.group_sales_manager",
            ],
            _("import price lists"),
        )

    @api.model
    def _ow_target_names(self):
        return (
            "product_code",
            "barcode",
            "product_name",
            "customer",
            "customer_class",
            "min_quantity",
            "price_unit",
            "currency",
            "date_start",
            "date_end",
        )

    @api.model
    def _ow_required_targets(self):
        return [("product_code", "barcode", "product_name"), ("price_unit",)]

    def _ow_template_spec(self):
        return (
            "price_list_template.xlsx",
            _("价格执行方案 Price list"),
            [
                "产品编号\nProduct code",
                "产品名称\nProduct",
                "客户\nCustomer",
                "客户类别\nCustomer class",
                "最小数量\nMinimum quantity",
                "单价\nUnit price",
                "币种\nCurrency",
                "生效日期\nValid from",
                "截止日期\nValid to",
            ],
        )

    def action_import(self):
        """Create a price list rule per row (after removing the old ones in replace
        mode), or raise one ``UserError`` listing every problem and change nothing."""
        self.ensure_one()
        self._ow_check_rights()
        sheet, header, mapping, rows, problems = self._ow_table()
        vals_list, row_problems = self._ow_read_rules(sheet, header, mapping, rows)
        self._ow_raise(problems + row_problems)
        # The rights were checked above; finance reviewers have no write access on
        # price lists of their own, but only to the ones of their companies.
        self.pricelist_id.check_access("read")
        if (
            self.pricelist_id.company_id
            and self.pricelist_id.company_id not in self.env.companies
        ):
            raise AccessError(
                _(
                    "%(pricelist)s belongs to another company.",
                    pricelist=self.pricelist_id.display_name,
                )
            )
        pricelist = self.pricelist_id.sudo()
        if self.mode == "replace":
            pricelist.item_ids.unlink()
        self.env["product.pricelist.item"].sudo().create(vals_list)
        pricelist.message_post(
            body=_(
                "%(count)s price list rules imported from %(file)s (%(mode)s) by "
                "%(user)s.",
                count=len(vals_list),
                file=self.filename,
                mode=dict(self._fields["mode"]._description_selection(self.env))[
                    self.mode
                ],
                user=self.env.user.name,
            )
        )
        return {"type": "ir.actions.act_window_close"}

    def _ow_read_rules(self, sheet, header, mapping, rows):
        columns = self._ow_columns(mapping)
        records = [(row, self._ow_row_values(sheet, row, mapping)) for row in rows]
        lookups = self._ow_lookups(records)
        problems, vals_list, seen = [], [], {}

        def problem(row, target, message):
            problems.append(
                self._ow_problem(sheet, header, row, columns[target], message)
            )

        for row, values in records:
            vals = self._ow_rule_vals(row, values, lookups, problem)
            if vals is None:
                continue
            key = (
                vals.get("product_id") or vals.get("product_tmpl_id"),
                vals.get("ow_partner_id"),
                vals.get("ow_credit_class"),
                vals["min_quantity"],
                vals.get("date_start"),
                vals.get("date_end"),
            )
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
            vals_list.append(vals)
        return vals_list, problems

    def _ow_lookups(self, records):
        """Products, customers and currencies named in the rows, a query per kind."""
        texts = {target: set() for target in ("product", "customer", "currency")}
        for _row, values in records:
            for target in ("product_code", "barcode", "product_name"):
                if xl.text(values.get(target)):
                    texts["product"].add(xl.text(values[target]))
            for target in ("customer", "currency"):
                if xl.text(values.get(target)):
                    texts[target].add(xl.text(values[target]))
        products = {}
        Product = self.env["product.product"]
        names = list(texts["product"])
        for field in ("default_code", "barcode", "name"):
            for product in Product.search([(field, "in", names)]) if names else []:
                products.setdefault((field, product[field]), Product.browse())
                products[(field, product[field])] |= product
        customers = {}
        wanted = list(texts["customer"])
        if wanted:
            Partner = self.env["res.partner"]
            for field in ("customer_code", "ref", "name"):
                for partner in Partner.search(
                    [(field, "in", wanted), ("parent_id", "=", False)]
                ):
                    customers.setdefault((field, partner[field]), Partner.browse())
                    customers[(field, partner[field])] |= partner
        currencies = {
            c.name.upper(): c
            for c in self.env["res.currency"].with_context(active_test=False).search([])
        }
        return {"product": products, "customer": customers, "currency": currencies}

    @staticmethod
    def _ow_pick(found, fields_, value):
        for field in fields_:
            if found.get((field, value)):
                return found[(field, value)]
        return None

    def _ow_rule_vals(self, row, values, lookups, problem):
        ok = True
        product = self._ow_rule_product(row, values, lookups, problem)
        ok = bool(product)
        vals = {"pricelist_id": self.pricelist_id.id, "compute_price": "fixed"}
        customer = xl.text(values.get("customer"))
        if customer:
            partners = self._ow_pick(
                lookups["customer"], ("customer_code", "ref", "name"), customer
            )
            if not partners or len(partners) > 1:
                problem(
                    row,
                    "customer",
                    _("unknown customer “%(customer)s”.", customer=customer)
                    if not partners
                    else _(
                        "“%(customer)s” names several customers.", customer=customer
                    ),
                )
                ok = False
            else:
                vals["ow_partner_id"] = partners.id
        credit_class = xl.text(values.get("customer_class")).upper()
        if credit_class:
            if credit_class not in dict(CREDIT_CLASSES):
                problem(
                    row,
                    "customer_class",
                    _(
                        "the customer class must be A, B or C, not “%(value)s”.",
                        value=credit_class,
                    ),
                )
                ok = False
            vals["ow_credit_class"] = credit_class
        ok = self._ow_rule_numbers(row, values, vals, problem) and ok
        ok = self._ow_rule_currency(row, values, lookups, problem) and ok
        ok = self._ow_rule_dates(row, values, vals, problem) and ok
        if not ok:
            return None
        if product.product_tmpl_id.product_variant_count > 1:
            vals.update(applied_on="0_product_variant", product_id=product.id)
        else:
            vals.update(
                applied_on="1_product", product_tmpl_id=product.product_tmpl_id.id
            )
        return vals

    def _ow_rule_product(self, row, values, lookups, problem):
        for target, fields_ in (
            ("product_code", ("default_code", "barcode")),
            ("barcode", ("barcode",)),
            ("product_name", ("name",)),
        ):
            shown = xl.text(values.get(target))
            if not shown:
                continue
            products = self._ow_pick(lookups["product"], fields_, shown)
            if not products:
                problem(row, target, _("unknown product “%(product)s”.", product=shown))
                return None
            if len(products) > 1:
                problem(
                    row,
                    target,
                    _("“%(product)s” matches several products.", product=shown),
                )
                return None
            return products
        target = next(
            (t for t in ("product_code", "barcode", "product_name") if t in values),
            None,
        )
        if target:
            problem(row, target, _("the product is missing."))
        return None

    def _ow_rule_numbers(self, row, values, vals, problem):
        ok = True
        try:
            price = xl.parse_number(values.get("price_unit"))
        except ValueError:
            price = False
        if price is None or price is False or price < 0:
            if "price_unit" in values:
                problem(
                    row,
                    "price_unit",
                    _("the price is missing.")
                    if price is None
                    else _(
                        "the price “%(value)s” is not a positive number.",
                        value=xl.text(values["price_unit"]),
                    ),
                )
            ok = False
        else:
            vals["fixed_price"] = price
        try:
            min_qty = xl.parse_number(values.get("min_quantity")) or 0.0
        except ValueError:
            min_qty = -1
        if min_qty < 0:
            problem(
                row,
                "min_quantity",
                _(
                    "the minimum quantity “%(value)s” is not a number of zero or more.",
                    value=xl.text(values["min_quantity"]),
                ),
            )
            ok = False
        vals["min_quantity"] = max(min_qty, 0.0)
        return ok

    def _ow_rule_currency(self, row, values, lookups, problem):
        code = xl.text(values.get("currency")).upper()
        if not code:
            return True
        code = {"RMB": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR"}.get(
            code, code
        )
        currency = lookups["currency"].get(code)
        if not currency:
            problem(row, "currency", _("unknown currency “%(code)s”.", code=code))
            return False
        if currency != self.pricelist_id.currency_id:
            problem(
                row,
                "currency",
                _(
                    "the price is in %(code)s, the price list in %(list)s.",
                    code=code,
                    list=self.pricelist_id.currency_id.name,
                ),
            )
            return False
        return True

    def _ow_rule_dates(self, row, values, vals, problem):
        ok = True
        dates = {}
        for target in ("date_start", "date_end"):
            try:
                dates[target] = xl.parse_date(values.get(target))
            except ValueError:
                problem(
                    row,
                    target,
                    _("“%(value)s” is not a date.", value=xl.text(values[target])),
                )
                ok = False
        start, end = dates.get("date_start"), dates.get("date_end")
        if start and end and start > end:
            problem(row, "date_end", _("the price list rule ends before it starts."))
            ok = False
        if start:
            vals["date_start"] = datetime.combine(start, time.min)
        if end:
            vals["date_end"] = datetime.combine(end, time(23, 59, 59))
        return ok
