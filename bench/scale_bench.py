"""Benchmark: the order views over 100,000 orders and the crons over 10,000.

Usage (nothing is committed):

    PYTHONPATH=$ODOO_PATH .venv/bin/python bench/scale_bench.py CONFIG DB OUT.json \
        [VIEW_ORDERS] [CRON_ORDERS]

VIEW_ORDERS orders (default 100,000) are bulk-created in SQL (INSERT ... SELECT
generate_series) with the same names, partners, dates, states and amounts in both
databases; with order_workflow they are workflow orders spread over the 17 stages
(the state follows the stage). They are committed and the table vacuumed and analyzed,
as autovacuum keeps a production table (rows of a transaction still open are not
visible to an index alone), and deleted after the views are measured. Then, as admin,
each call is run once to warm up and three times measured (the median is kept):

- kanban: what the web client asks for a grouped kanban: ``web_read_group`` on the
  group-by field, ``read_progress_bar`` (activity_state) and one ``web_search_read``
  per open column of the kanban's ``limit`` records (40 when not set) with the
  kanban's fields and the client's count limit (10,001) (the client opens the
  columns the server does not fold, at most 10, as Odoo 18's web client does).
  With order_workflow: the Orders menu's kanban (``use_order_workflow`` domain,
  grouped by ``workflow_stage``).
  Without: Odoo's sale order kanban over every order, grouped by ``state``.
- list: ``web_search_read`` of the first page (80 records, count up to 10,001) with the
  list's fields. With order_workflow: the Orders menu's list. Without: the Sales
  Orders menu's list and domain.

With order_workflow, the KPI report (``order_workflow.kpi.report``) is read as its pivot
and the dashboard read it, grouped by order month over the same orders: orders, on-time
and first-pass rates; then with the mean hours of every stage too. For that, the bulk
orders are given delivery dates, on-time and first-pass flags, and 4 stage-log rows
each (intake, approval, customer confirmation, production, left).

With order_workflow, CRON_ORDERS orders (default 10,000) are then bulk-created waiting
for their signed confirmation, promised date in the past, and timed through
``_cron_move_promised_dates``; and as many in production, spread over the demo users,
through ``_cron_production_digest``. The specification sent for each field is the
web client's in spirit (many2one: display_name; x2many: ids), not byte for byte.
"""

import statistics
import sys
import time

from _odoo import has_module, open_registry, write_json
from kpi_bench import bulk_stage_log, kpi_report

STAGES = (
    "intake info_needed technical_review price_review approval customer_confirmation "
    "deposit production quality payment_hold ready shipped delivered collection "
    "closed rejected cancelled"
).split()
MAX_OPEN_GROUPS = 10  # RelationalModel.MAX_NUMBER_OPENED_GROUPS in Odoo 18
COUNT_LIMIT = 10_000  # RelationalModel.DEFAULT_COUNT_LIMIT (the client sends it + 1)
STATE_OF = {
    **dict.fromkeys(STAGES[:5], "draft"),
    "customer_confirmation": "sent",
    "rejected": "cancel",
    "cancelled": "cancel",
}


def bulk_orders(env, count, gated, extra=None, prefix="BULK", params=None):
    """Insert ``count`` orders in one statement; ``extra``: column -> SQL expression
    (``g`` is the row number)."""
    company = env.company
    partners = env["res.partner"].search(
        [("is_company", "=", True), ("parent_id", "=", False)], order="id", limit=20
    )
    columns = {
        "name": f"'{prefix}' || lpad(g::text, 6, '0')",
        "company_id": "%(company)s",
        "partner_id": "(%(partners)s)[1 + g %% %(npartners)s]",
        "partner_invoice_id": "(%(partners)s)[1 + g %% %(npartners)s]",
        "partner_shipping_id": "(%(partners)s)[1 + g %% %(npartners)s]",
        "date_order": "now() at time zone 'UTC' - g * interval '5 minutes'",
        "picking_policy": "'direct'",
        "state": "(%(states)s)[1 + g %% 17]",
        "currency_id": "%(currency)s",
        "user_id": "%(uid)s",
        "amount_untaxed": "100 + g %% 1000",
        "amount_tax": "0",
        "amount_total": "100 + g %% 1000",
        "invoice_status": "'no'",
        "create_uid": "%(uid)s",
        "write_uid": "%(uid)s",
        "create_date": "now() at time zone 'UTC'",
        "write_date": "now() at time zone 'UTC'",
        "locked": "false",
    }
    if gated:
        columns.update(
            use_order_workflow="true",
            workflow_stage="(%(stages)s)[1 + g %% 17]",
            # the KPIs' columns (sale_order_kpi.py): orders past the shipment are
            # delivered ten days after the order, three in four on time
            delivered_on="CASE WHEN (%(stages)s)[1 + g %% 17] IN "
            "('delivered', 'collection', 'closed') THEN now() at time zone 'UTC' "
            "- g * interval '5 minutes' + interval '10 days' END",
            on_time="g %% 4 <> 0",
            first_pass_review="g %% 5 <> 0",
        )
    columns.update(extra or {})
    # every other column as on an order created through the ORM
    model = env["sale.order"].create({"partner_id": partners[0].id})
    env.flush_all()
    env.cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'sale_order' AND column_name <> 'id'"""
    )
    for (column,) in env.cr.fetchall():
        columns.setdefault(column, f'o."{column}"')
    env.cr.execute(
        f"""
        INSERT INTO sale_order ({", ".join(f'"{c}"' for c in columns)})
        SELECT {", ".join(columns.values())}
          FROM generate_series(1, %(count)s) g, sale_order o
         WHERE o.id = %(model)s
        """,
        {
            "company": company.id,
            "partners": partners.ids,
            "npartners": len(partners),
            "states": [STATE_OF.get(s, "sale") for s in STAGES],
            "stages": STAGES,
            "currency": company.currency_id.id,
            "uid": env.uid,
            "count": count,
            "model": model.id,
            **(params or {}),
        },
    )
    env.cr.execute("ANALYZE sale_order")
    env.invalidate_all()
    return model.id


def spec_of(model, view, view_type):
    """The fields of a view as a web_search_read specification."""
    from lxml import etree

    arch = model.get_views([(view.id, view_type)])["views"][view_type]["arch"]
    root = etree.fromstring(arch)
    names = root.xpath("./field/@name" if view_type == "list" else "//field/@name")
    spec = {}
    for name in names:
        field = model._fields[name]
        if field.type == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


def timed(env, fn, runs=3):
    """Warm once, then the median time and queries of ``runs`` runs."""
    fn()
    times, queries = [], []
    for _i in range(runs):
        env.invalidate_all()
        count = env.cr.sql_log_count
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        queries.append(env.cr.sql_log_count - count)
    return {"seconds": statistics.median(times), "queries": statistics.median(queries)}


def views(env, gated):
    from lxml import etree

    from odoo.tools.safe_eval import safe_eval

    Order = env["sale.order"]
    if gated:
        domain = [("use_order_workflow", "=", True)]
        group_by = "workflow_stage"
        kanban_view = env.ref("order_workflow.view_order_workflow_kanban")
        list_view = env.ref("sale.view_quotation_tree")
        list_domain = domain
    else:
        domain = []
        group_by = "state"
        kanban_view = env.ref("sale.view_sale_order_kanban")
        list_view = env.ref("sale.sale_order_list_upload")
        list_domain = safe_eval(env.ref("sale.action_orders").domain)
    kanban_spec = spec_of(Order, kanban_view, "kanban")
    # the cards a column loads: the kanban's limit, else 40 (kanban_controller.js)
    kanban_limit = int(
        etree.fromstring(Order.get_view(kanban_view.id, "kanban")["arch"]).get("limit")
        or 40
    )
    list_spec = spec_of(Order, list_view, "list")
    progress_bar = {
        "field": "activity_state",
        "colors": {"planned": "success", "today": "warning", "overdue": "danger"},
    }

    def kanban():
        groups = Order.web_read_group(domain, [], [group_by], lazy=True)["groups"]
        Order.read_progress_bar(domain, group_by, progress_bar)
        opened = []
        for group in groups:
            # as the web client does (relational_model.js): it opens the groups the
            # server does not fold, at most MAX_NUMBER_OPENED_GROUPS (10), and loads
            # the records of the open groups that are not empty
            if group.get("__fold") or len(opened) == MAX_OPEN_GROUPS:
                continue
            opened.append(group)
            if group[f"{group_by}_count"]:
                Order.web_search_read(
                    group["__domain"],
                    kanban_spec,
                    limit=kanban_limit,
                    count_limit=COUNT_LIMIT + 1,
                )
        return groups, opened

    def first_page():
        return Order.web_search_read(
            list_domain, list_spec, limit=80, count_limit=COUNT_LIMIT + 1
        )

    return {
        "kanban": {
            **timed(env, kanban),
            "columns": len(kanban()[0]),
            "open_columns": len(kanban()[1]),
            "cards_per_column": kanban_limit,
            "rows": Order.search_count(domain),
        },
        "list": {**timed(env, first_page), "rows": first_page()["length"]},
    }


def crons(env, count):
    from odoo.fields import Date

    today = Date.context_today(env["sale.order"])
    users = (
        env["res.users"]
        .search([("login", "in", ["clerk", "manager", "director", "gm"])])
        .filtered(lambda u: u.partner_id.email)
    )
    assert users, "the demo users have no e-mail"
    results = {}
    bulk_orders(
        env,
        count,
        True,
        prefix="LATE",
        extra={
            "state": "'sent'",
            "workflow_stage": "'customer_confirmation'",
            "confirmation_state": "'sent'",
            "lead_days": "15",
            "promised_date": f"'{today}'::date - 1",
        },
    )
    Order = env["sale.order"]

    def run(method, into):
        env.flush_all()
        env.invalidate_all()
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        method()
        env.flush_all()
        results[into] = {
            "seconds": time.perf_counter() - start,
            "queries": env.cr.sql_log_count - queries,
            "orders": count,
        }

    run(Order._cron_move_promised_dates, "promised_dates")
    env.cr.execute(
        "SELECT count(*) FROM sale_order WHERE name LIKE 'LATE%%' AND "
        "promised_date = %s::date + 15",
        [today],
    )
    results["promised_dates"]["moved"] = env.cr.fetchone()[0]
    bulk_orders(
        env,
        count,
        True,
        prefix="PROD",
        extra={
            "state": "'sale'",
            "workflow_stage": "'production'",
            "user_id": "(%(users)s)[1 + g %% %(nusers)s]",
            "promised_date": f"'{today}'::date + 10",
            "production_progress": "g %% 100",
        },
        params={"users": users.ids, "nusers": len(users)},
    )
    run(Order._cron_production_digest, "production_digest")
    results["production_digest"]["mails"] = env["mail.mail"].search_count(
        [("subject", "like", "Daily Production Report")]
    )
    return results


def vacuum(registry, tables=("sale_order",)):
    """VACUUM ANALYZE the tables, outside a transaction as PostgreSQL requires."""
    cr = registry.cursor()
    try:
        cr.commit()
        cr._cnx.autocommit = True
        for table in tables:
            cr.execute(f"VACUUM ANALYZE {table}")
    finally:
        cr._cnx.autocommit = False
        cr.close()


def main():
    config_file, db_name, out = sys.argv[1:4]
    view_orders = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
    cron_orders = int(sys.argv[5]) if len(sys.argv) > 5 else 10_000
    import odoo

    registry = open_registry(config_file, db_name)
    results = {"db": db_name, "view_orders": view_orders}
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        try:
            gated = has_module(env)
            results["flow"] = "gated" if gated else "vanilla"
            admin = env(user=env.ref("base.user_admin").id)
            start = time.perf_counter()
            model = bulk_orders(admin, view_orders, gated)
            tables = ["sale_order"]
            if gated:
                bulk_stage_log(admin)
                tables.append("order_workflow_stage_log")
            cr.commit()
            vacuum(registry, tables)
            sys.stderr.write(
                f"{view_orders} orders inserted and vacuumed in "
                f"{time.perf_counter() - start:.1f} s\n"
            )
            try:
                results["views"] = views(admin, gated)
                if gated:
                    results["kpi_report"] = kpi_report(admin, timed)
            finally:
                cr.rollback()
                cr.execute(
                    "DELETE FROM sale_order WHERE name LIKE 'BULK%%' OR id = %s",
                    [model],
                )
                cr.commit()
            if gated:
                results["crons"] = crons(env, cron_orders)
        finally:
            cr.rollback()
    write_json(out, results)


if __name__ == "__main__":
    main()
