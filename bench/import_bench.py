"""Benchmark: the Excel order import against Odoo's own batched create of the same
lines.

Usage (the database must have order_workflow installed; nothing is committed):

    PYTHONPATH=$ODOO_PATH .venv/bin/python bench/import_bench.py CONFIG DATABASE [ROWS]

or ``make bench`` (on its order_workflow database). It builds an .xlsx of ROWS lines
(default 5,000) with a title row, Chinese headers, text numbers and a totals row,
imports it into a new quotation with ``order_workflow.order.import`` (read,
validate, one batched create), then creates the same lines on a second quotation
with ``sale.order.line.create(vals_list)``, and reports rows per second for both and
their ratio. Everything is rolled back.
"""

import base64
import io
import sys
import time


def build_file(codes, rows):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Benchmark 订货单"])
    sheet.merge_cells("A1:F1")
    sheet.append(["订单号：PO-BENCH"])
    sheet.append(["产品编号", "规格型号", "数量", "单位", "单价", "定制要求"])
    for i in range(rows):
        sheet.append(
            [
                codes[i % len(codes)],
                f"S{i}",
                str(i % 9 + 1),
                "件",
                f"1,{i % 1000:03d}.50",
                "加长" if i % 100 == 0 else None,
            ]
        )
    sheet.append(["合计"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(env, rows):
    partner = env["res.partner"].create({"name": "Bench customer", "is_company": True})
    codes = [f"BENCH-{i:03d}" for i in range(100)]
    products = env["product.product"].create(
        [{"name": f"Bench {c}", "default_code": c, "list_price": 10} for c in codes]
    )
    by_code = dict(zip(codes, products.ids, strict=True))
    data = build_file(codes, rows)
    Order = env["sale.order"]

    order = Order.create({"partner_id": partner.id})
    env.flush_all()
    start = time.perf_counter()
    env["order_workflow.order.import"].create(
        {
            "order_id": order.id,
            "data_file": base64.b64encode(data),
            "filename": "bench.xlsx",
        }
    ).action_import()
    env.flush_all()
    imported = time.perf_counter() - start
    assert len(order.order_line) == rows, len(order.order_line)

    baseline_order = Order.create({"partner_id": partner.id})
    vals_list = [
        {
            "order_id": baseline_order.id,
            "product_id": by_code[codes[i % len(codes)]],
            "product_uom_qty": i % 9 + 1,
            "price_unit": 1000 + i % 1000 + 0.5,
            "name": f"Bench {codes[i % len(codes)]}\nS{i}",
            **(
                {"is_nonstandard": True, "nonstandard_note": "加长"}
                if i % 100 == 0
                else {}
            ),
        }
        for i in range(rows)
    ]
    env.flush_all()
    start = time.perf_counter()
    env["sale.order.line"].create(vals_list)
    env.flush_all()
    baseline = time.perf_counter() - start
    return imported, baseline


def main():
    config_file, db_name = sys.argv[1:3]
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", config_file, "-d", db_name])
    registry = Registry(db_name)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        try:
            imported, baseline = run(env, rows)
        finally:
            cr.rollback()
    report = (
        f"Excel import of {rows} rows (read + validate + create): {imported:.2f} s, "
        f"{rows / imported:.0f} rows/s\n"
        f"Odoo's batched sale.order.line create of the same lines: {baseline:.2f} s, "
        f"{rows / baseline:.0f} rows/s\n"
        f"import / plain create time: {imported / baseline:.2f}x\n"
    )
    sys.stdout.write(report)


if __name__ == "__main__":
    main()
