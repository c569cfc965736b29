"""Print the benchmark's summary from the JSON results of flow_bench.py and
scale_bench.py.

Usage: summary.py VANILLA_FLOW.json GATED_FLOW.json VANILLA_SCALE.json GATED_SCALE.json
"""

import json
import sys

KEY_STEPS = ("confirm", "produce", "deliver")


def load(path):
    with open(path, encoding="utf-8") as data:
        return json.load(data)


def ratio(a, b):
    return f"{a / b:.2f}x" if b else "-"


def total(steps):
    return {
        key: sum(figures.get(key, 0) for figures in steps.values())
        for key in ("seconds", "queries", "pdf_calls", "pdf_seconds")
    }


def flow_tables(vanilla, gated):
    out = []
    orders = gated["orders"]
    for lines in sorted(gated["shapes"], key=int):
        v_steps = vanilla["shapes"][lines]["steps"]
        g_steps = gated["shapes"][lines]["steps"]
        levels = gated["shapes"][lines]["approval_levels"]
        out.append(
            f"\nWhole flow, per order ({orders} orders x {lines} line(s); gated: "
            f"approval level(s) {levels}, class A customer, no QC)"
        )
        out.append(
            f"{'':<22}{'vanilla s':>10}{'gated s':>10}{'ratio':>8}"
            f"{'vanilla q':>11}{'gated q':>10}{'ratio':>8}"
        )
        v_total, g_total = total(v_steps), total(g_steps)
        rows = [("whole flow", v_total, g_total)]
        if g_total["pdf_calls"] or v_total["pdf_calls"]:
            rows.append(
                (
                    "  without PDF renders",
                    {**v_total, "seconds": v_total["seconds"] - v_total["pdf_seconds"]},
                    {**g_total, "seconds": g_total["seconds"] - g_total["pdf_seconds"]},
                )
            )
        rows += [(name, v_steps[name], g_steps[name]) for name in KEY_STEPS]
        for name, v, g in rows:
            out.append(
                f"{name:<22}{v['seconds']:>10.3f}{g['seconds']:>10.3f}"
                f"{ratio(g['seconds'], v['seconds']):>8}"
                f"{v['queries']:>11.0f}{g['queries']:>10.0f}"
                f"{ratio(g['queries'], v['queries']):>8}"
            )
        out.append(f"\nGated flow, step by step ({lines} line(s), per order)")
        out.append(f"{'step':<24}{'s':>8}{'queries':>9}{'PDFs':>6}{'PDF s':>8}")
        for name, figures in [*g_steps.items(), ("total", total(g_steps))]:
            out.append(
                f"{name:<24}{figures['seconds']:>8.3f}{figures['queries']:>9.0f}"
                f"{figures['pdf_calls']:>6.0f}{figures['pdf_seconds']:>8.3f}"
            )
    return out


def scale_tables(vanilla, gated):
    out = [
        f"\nViews over {gated['view_orders']:,} bulk-created orders (median of 3, warm)"
    ]
    out.append(
        f"{'':<34}{'vanilla s':>10}{'gated s':>10}{'ratio':>8}"
        f"{'vanilla q':>11}{'gated q':>9}"
    )
    labels = {
        "kanban": "kanban (groups, bars, open columns)",
        "list": "list, first page of 80",
    }
    for key, label in labels.items():
        v, g = vanilla["views"][key], gated["views"][key]
        out.append(
            f"{label:<34}{v['seconds']:>10.3f}{g['seconds']:>10.3f}"
            f"{ratio(g['seconds'], v['seconds']):>8}{v['queries']:>11.0f}"
            f"{g['queries']:>9.0f}"
        )
    v, g = vanilla["views"]["kanban"], gated["views"]["kanban"]
    out.append(
        f"(kanban columns: vanilla {v['columns']} by state, {v['open_columns']} open, "
        f"{v.get('cards_per_column', 40)} cards each; gated {g['columns']} by stage, "
        f"{g['open_columns']} open, {g.get('cards_per_column', 40)} cards each; "
        f"list rows counted: vanilla {vanilla['views']['list']['rows']}, "
        f"gated {gated['views']['list']['rows']}, count capped at 10,001)"
    )
    kpi = gated.get("kpi_report") or {}
    if kpi:
        out.append("\nKPI report by order month (order_workflow only, median of 3)")
        out.append(f"{'':<34}{'rows':>8}{'s':>9}{'queries':>9}")
        rows = kpi["headline_by_month"]["rows"]
        for name, label in (
            ("headline_by_month", "orders, on-time, first-pass"),
            ("with_stage_hours_by_month", "the same + mean hours of 14 stages"),
        ):
            out.append(
                f"{label:<34}{rows:>8}{kpi[name]['seconds']:>9.3f}"
                f"{kpi[name]['queries']:>9.0f}"
            )
    crons = gated.get("crons") or {}
    if crons:
        out.append("\nCrons (order_workflow only)")
        out.append(f"{'':<34}{'orders':>8}{'s':>9}{'queries':>9}")
        for name, figures in crons.items():
            out.append(
                f"{name:<34}{figures['orders']:>8}{figures['seconds']:>9.2f}"
                f"{figures['queries']:>9.0f}"
            )
        out.append(
            f"(promised dates moved: {crons['promised_dates']['moved']}; "
            f"digest e-mails: {crons['production_digest']['mails']})"
        )
    return out


def main():
    v_flow, g_flow, v_scale, g_scale = (load(path) for path in sys.argv[1:5])
    lines = [
        "",
        "=" * 78,
        "order_workflow benchmark: gated / vanilla, same run",
        "=" * 78,
    ]
    lines += flow_tables(v_flow, g_flow)
    lines += scale_tables(v_scale, g_scale)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
