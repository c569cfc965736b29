"""The KPI report over the bulk orders of scale_bench.py (see its docstring)."""

KPI_STAGES = ("intake", "approval", "customer_confirmation", "production")


def bulk_stage_log(env, prefix="BULK"):
    """4 left stage-log rows per bulk order, hours 1 to 4 days apart."""
    env.cr.execute(
        """
        INSERT INTO order_workflow_stage_log (order_id, stage, entered_on, left_on,
               hours, company_id, create_uid, create_date, write_uid, write_date)
        SELECT so.id, st.stage, so.date_order + st.n * interval '1 day',
               so.date_order + st.n * interval '1 day'
                   + (1 + (so.id + st.n) %% 96) * interval '1 hour',
               1 + (so.id + st.n) %% 96, so.company_id, so.create_uid,
               so.create_date, so.create_uid, so.create_date
          FROM sale_order so,
               unnest(%(stages)s::varchar[]) WITH ORDINALITY AS st(stage, n)
         WHERE so.name LIKE %(prefix)s
        """,
        {"stages": list(KPI_STAGES), "prefix": f"{prefix}%"},
    )
    return env.cr.rowcount


def kpi_report(env, timed):
    """The KPI report's pivot by order month: headline figures, then with the mean
    hours of every stage."""
    from odoo.addons.order_workflow.models.kpi_report import TIMED_STAGES

    Report = env["order_workflow.kpi.report"]
    headline = ["order_count:sum", "on_time_rate:avg", "first_pass_rate:avg"]
    hours = [f"hours_{stage}:avg" for stage in TIMED_STAGES]

    def by_month(aggregates):
        return lambda: Report._read_group([], ["date_order:month"], aggregates)

    return {
        "headline_by_month": {
            **timed(env, by_month(headline)),
            "rows": Report.search_count([]),
            "groups": len(by_month(headline)()),
        },
        "with_stage_hours_by_month": timed(env, by_month(headline + hours)),
    }
