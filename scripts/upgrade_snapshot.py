"""What an upgrade must keep of every order (make test-upgrade, test_upgrade.sh).

Usage:
    upgrade_snapshot.py snap CONFIG DATABASE OUT.json   what every order is now
    upgrade_snapshot.py compare BEFORE.json AFTER.json  what changed (exit 1 if any)

Per order: its stored fields (stage, decisions, dates, amounts: every stored scalar
field of sale.order but the bookkeeping ones), its approvals (tier reviews), its
pickings, manufacturing orders and invoices. A field the newer code adds is not
compared (the older snapshot has no value for it); a field it drops is a difference.
"""

import json
import sys

SKIP = {"write_date", "write_uid", "__last_update", "message_is_follower"}
SCALAR = {
    "char",
    "text",
    "html",
    "selection",
    "boolean",
    "integer",
    "float",
    "monetary",
    "date",
    "datetime",
    "many2one",
}
RELATED = {
    # order -> (field, model's fields to keep)
    "reviews": ("review_ids", ["definition_id", "status", "done_by", "reviewed_date"]),
    "pickings": (
        "picking_ids",
        ["name", "state", "date_done", "receipt_state", "picking_type_id"],
    ),
    "productions": ("ow_production_ids", ["name", "state", "product_qty"]),
    "invoices": (
        "invoice_ids",
        ["name", "state", "amount_total", "amount_residual", "payment_state"],
    ),
}


def _value(record, name):
    field = record._fields[name]
    value = record[name]
    if field.type == "many2one":
        return value.id or False
    if field.type in ("date", "datetime"):
        return str(value) if value else False
    if field.type in ("float", "monetary"):
        return round(value or 0.0, 4)
    return value


def snapshot(env):
    orders = env["sale.order"].with_context(active_test=False).search([], order="id")
    names = [
        name
        for name, field in orders._fields.items()
        if field.store and field.type in SCALAR and name not in SKIP
    ]
    result = {}
    for order in orders:
        row = {name: _value(order, name) for name in names}
        for key, (field, keep) in RELATED.items():
            if field not in order._fields:
                continue
            related = order[field].sorted("id")
            row[key] = [
                {name: _value(rec, name) for name in keep if name in rec._fields}
                for rec in related
            ]
        result[str(order.id)] = row
    return result


def compare(before, after):
    """The differences, as lines; empty when every order kept everything."""
    diffs = []
    for oid, old in before.items():
        new = after.get(oid)
        label = f"{old.get('name')} (id {oid})"
        if new is None:
            diffs.append(f"{label}: the order is gone")
            continue
        for key, value in old.items():
            if key not in new:
                diffs.append(f"{label}: {key} is gone (was {value!r})")
            elif new[key] != value:
                diffs.append(f"{label}: {key} {value!r} -> {new[key]!r}")
    return diffs


def main():
    if sys.argv[1] == "snap":
        config_file, db_name, out = sys.argv[2:5]
        import odoo
        from odoo.modules.registry import Registry

        odoo.tools.config.parse_config(
            ["-c", config_file, "-d", db_name, "--log-level=warn"]
        )
        with Registry(db_name).cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            data = snapshot(env)
            cr.rollback()
        with open(out, "w") as f:
            json.dump(data, f, indent=1, sort_keys=True, default=str)
        stages = sorted({o.get("workflow_stage") or "-" for o in data.values()})
        print(f"{len(data)} orders; stages: {', '.join(stages)}")
        return 0
    with open(sys.argv[2]) as f:
        before = json.load(f)
    with open(sys.argv[3]) as f:
        after = json.load(f)
    diffs = compare(before, after)
    for line in diffs:
        print(line)
    print(f"{len(before)} orders compared, {len(diffs)} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
