"""Benchmark: the whole order flow, quotation to delivery, per order.

Usage (nothing is committed):

    PYTHONPATH=$ODOO_PATH .venv/bin/python bench/flow_bench.py CONFIG DB OUT.json [N]

On a database without order_workflow it runs Odoo's own flow ("vanilla"), as admin:
quotation, ``action_confirm``, every MO produced (``button_mark_done`` with
``qty_producing`` set and the components picked), the delivery validated
(``button_validate``).

On a database with order_workflow it runs the gated flow, each step as the demo user
of its role, through the public methods of DESIGN.md: intake (clerk creates the
order), ``action_review_pass`` (clerk), ``action_price_approve`` (finance: it checks
every order's prices), ``action_approve`` (manager, and director / gm
when the amount calls for them), ``action_send_for_confirmation``,
``action_register_signed_confirmation``, ``action_verify_confirmation`` (clerk: this
confirms), production (production supervisor), ``action_issue_shipping_request``
(clerk), ``button_validate`` (shipping clerk), ``action_register_receipt`` (shipping
clerk). The customer is class A and qualified (its documents filed): no deposit, no
payment hold. The products ship without inspection: the quality gate is skipped.

Both databases get the same bench data, created here: two stocked components, 20
finished products with a BoM of the two components, on a route "Bench make-to-order"
created here (a copy of the warehouse's MTO rule: Odoo ships its own MTO route
archived, and the add-on's demo data activates it, so it differs between the two
databases) and Odoo's Manufacture route, and one company customer. N orders (default
10) of 1 line and N of 20 lines are timed after one unmeasured order of each shape.
"""

import sys
import time
from datetime import date, timedelta

from _odoo import Meter, has_module, open_registry, write_json

LINES = (1, 20)


def setup(env, gated):
    """Bench products, route, stock and customer, the same in both databases."""
    from odoo import Command

    warehouse = env["stock.warehouse"].search(
        [("company_id", "=", env.company.id)], limit=1
    )
    route = env["stock.route"].create(
        {"name": "Bench make-to-order", "product_selectable": True, "sequence": 5}
    )
    warehouse.mto_pull_id.copy(
        {"route_id": route.id, "active": True, "name": "Bench: Stock → Customers"}
    )
    manufacture = env.ref("mrp.route_warehouse0_manufacture")
    assert manufacture.active and warehouse.manufacture_pull_id.active
    components = env["product.product"].create(
        [
            {"name": f"Bench component {i}", "is_storable": True, "standard_price": 5}
            for i in (1, 2)
        ]
    )
    for component in components:
        env["stock.quant"]._update_available_quantity(
            component, warehouse.lot_stock_id, 1_000_000
        )
    products = env["product.product"].create(
        [
            {
                "name": f"Bench product {i:02d}",
                "default_code": f"BENCH-FG-{i:02d}",
                "is_storable": True,
                "list_price": 100,
                "route_ids": [Command.set([route.id, manufacture.id])],
            }
            for i in range(max(LINES))
        ]
    )
    env["mrp.bom"].create(
        [
            {
                "product_tmpl_id": product.product_tmpl_id.id,
                "product_qty": 1,
                "bom_line_ids": [
                    Command.create({"product_id": c.id, "product_qty": 1})
                    for c in components
                ],
            }
            for product in products
        ]
    )
    # stock_sms texts the customer on delivery through Odoo's IAP service, over the
    # network: switched off (and its one-time question answered) in both databases
    if "stock_move_sms_validation" in env.company._fields:
        env.company.sudo().write(
            {"stock_move_sms_validation": False, "has_received_warning_stock_sms": True}
        )
    term = env.ref("account.account_payment_term_30days")
    customer = env["res.partner"].create(
        {
            "name": "Bench Customer Co.",
            "is_company": True,
            "street": "1 Bench Road",
            "city": "Suzhou",
            "country_id": env.ref("base.cn").id,
            "phone": "+86 512 0000 0000",
            "email": "buyer@bench.example.com",
            "property_payment_term_id": term.id,
        }
    )
    users = {}
    if gated:
        users = {
            role: env.ref(f"order_workflow.user_demo_{role}")
            for role in "clerk manager director gm finance production shipping".split()
        }
        products.product_tmpl_id.ships_without_inspection = True
        licence, record = env["ir.attachment"].create(
            [
                {"name": f"{name}.pdf", "raw": b"%PDF-1.4"}
                for name in ("licence", "credit")
            ]
        )
        customer.write(
            {
                "business_licence_ids": [Command.set(licence.ids)],
                "credit_record_ids": [Command.set(record.ids)],
            }
        )
        customer.with_user(users["manager"]).action_qualify()
        customer.with_user(users["manager"]).credit_class = "A"
        assert not customer.deposit_percent, customer.deposit_percent
        team = env["crm.team"].search([("use_order_workflow", "=", True)], limit=1)
        team.member_ids = [Command.link(users["clerk"].id)]
        users["team"] = team
    env.flush_all()
    return products, customer, term, users


def order_vals(products, customer, term, lines):
    from odoo import Command

    return {
        "partner_id": customer.id,
        "payment_term_id": term.id,
        "client_order_ref": "BENCH",
        "order_line": [
            Command.create({"product_id": p.id, "product_uom_qty": 1})
            for p in products[:lines]
        ],
    }


def productions_of(order):
    return order.env["mrp.production"].sudo().search([("origin", "=", order.name)])


def outgoing_of(order):
    return order.sudo().picking_ids.filtered(
        lambda p: p.picking_type_code == "outgoing" and p.state != "done"
    )


def produce(productions):
    for production in productions:
        production.action_assign()
        production.qty_producing = production.product_qty
        production.move_raw_ids.picked = True
        production.button_mark_done()


def deliver(pickings, gated):
    for picking in pickings:
        if gated:
            picking.ow_carrier = "SF Express"
        picking.action_assign()
        result = picking.button_validate()
        assert result is True, result


def vanilla_flow(env, meter, data, lines):
    products, customer, term, _users = data
    steps = {}
    with meter.measure(steps.setdefault("quotation", {})):
        order = env["sale.order"].create(order_vals(products, customer, term, lines))
    with meter.measure(steps.setdefault("confirm", {})):
        order.action_confirm()
    productions = productions_of(order).with_env(env)
    assert len(productions) == lines, (len(productions), lines)
    with meter.measure(steps.setdefault("produce", {})):
        produce(productions)
    pickings = outgoing_of(order).with_env(env)
    with meter.measure(steps.setdefault("deliver", {})):
        deliver(pickings, False)
    assert set(pickings.mapped("state")) == {"done"}
    return steps, None


def gated_flow(env, meter, data, lines):
    products, customer, term, users = data
    as_ = {role: env(user=user.id) for role, user in users.items() if role != "team"}
    steps = {}
    today = date.today()
    vals = order_vals(products, customer, term, lines)
    vals.update(
        team_id=users["team"].id,
        user_id=users["clerk"].id,
        requested_date=today + timedelta(days=45),
    )
    with meter.measure(steps.setdefault("intake", {})):
        order = as_["clerk"]["sale.order"].create(vals)
    with meter.measure(steps.setdefault("review_pass", {})):
        order.action_review_pass()
    assert order.workflow_stage == "price_review", order.workflow_stage
    with meter.measure(steps.setdefault("price_approve", {})):
        order.with_env(as_["finance"]).action_price_approve()
    assert order.workflow_stage == "approval", order.workflow_stage
    level = order.ow_approval_level
    for approver in ("manager", "director", "gm")[:level]:
        with meter.measure(steps.setdefault(f"approve_{approver}", {})):
            order.with_env(as_[approver]).action_approve()
    assert order.workflow_stage == "customer_confirmation", order.workflow_stage
    with meter.measure(steps.setdefault("send_for_confirmation", {})):
        order.action_send_for_confirmation()
    with meter.measure(steps.setdefault("register_signed", {})):
        order.action_register_signed_confirmation("Buyer", today)
    with meter.measure(steps.setdefault("confirm", {})):
        order.action_verify_confirmation()
    assert order.state == "sale" and order.workflow_stage == "production", (
        order.state,
        order.workflow_stage,
    )
    productions = productions_of(order).with_env(as_["production"])
    assert len(productions) == lines, (len(productions), lines)
    with meter.measure(steps.setdefault("produce", {})):
        produce(productions)
    assert order.workflow_stage == "ready", order.workflow_stage
    with meter.measure(steps.setdefault("shipping_request", {})):
        order.action_issue_shipping_request()
    pickings = outgoing_of(order).with_env(as_["shipping"])
    with meter.measure(steps.setdefault("deliver", {})):
        deliver(pickings, True)
    assert set(pickings.mapped("state")) == {"done"}
    with meter.measure(steps.setdefault("register_receipt", {})):
        pickings.action_register_receipt("Storekeeper", today)
    assert order.workflow_stage == "delivered", order.workflow_stage
    return steps, level


def main():
    config_file, db_name, out = sys.argv[1:4]
    orders = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    import odoo

    registry = open_registry(config_file, db_name)
    results = {"db": db_name, "orders": orders, "shapes": {}}
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        try:
            gated = has_module(env)
            results["flow"] = "gated" if gated else "vanilla"
            env = env(user=env.ref("base.user_admin").id)
            data = setup(env, gated)
            flow = gated_flow if gated else vanilla_flow
            meter = Meter(env)
            for lines in LINES:
                flow(env, meter, data, lines)  # warm-up, not measured
                per_order = []
                levels = set()
                start = time.perf_counter()
                for _i in range(orders):
                    steps, level = flow(env, meter, data, lines)
                    per_order.append(steps)
                    levels.add(level)
                sys.stderr.write(
                    f"{results['flow']}: {orders} orders x {lines} lines in "
                    f"{time.perf_counter() - start:.1f} s\n"
                )
                total = {}
                for steps in per_order:
                    for name, figures in steps.items():
                        acc = total.setdefault(name, {})
                        for key, value in figures.items():
                            acc[key] = acc.get(key, 0) + value
                results["shapes"][str(lines)] = {
                    "steps": {
                        name: {key: value / orders for key, value in figures.items()}
                        for name, figures in total.items()
                    },
                    "approval_levels": sorted(x for x in levels if x),
                }
        finally:
            cr.rollback()
    write_json(out, results)


if __name__ == "__main__":
    main()
