#!/usr/bin/env python3
# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Drive one order through the whole order workflow over XML-RPC, as the demo users.

Usage:
    python3 scripts/demo_flow.py [--url http://127.0.0.1:8069] [--db DATABASE]

Every step is the public method a client would call (DESIGN.md's contract); the stage
is printed after each one. A class B customer is used, so the order meets every gate:
review, price check, approval, signed confirmation, deposit, production, inspection,
payment hold, shipping request, delivery receipt, the follow-up call and the final
invoice.
"""

import argparse
import os
import sys
import xmlrpc.client
from datetime import date, timedelta


class Session:
    def __init__(self, url, db, login):
        self.db, self.login = db, login
        common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common", allow_none=True)
        self.uid = common.authenticate(db, login, login, {})
        if not self.uid:
            raise SystemExit(f"demo login {login!r} failed on database {db!r}")
        self.models = xmlrpc.client.ServerProxy(
            f"{url}/xmlrpc/2/object", allow_none=True
        )

    def __call__(self, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.db, self.uid, self.login, model, method, list(args), kwargs
        )


def run(url, db, echo=print):
    """Run the flow; return the list of stages seen, in order."""
    roles = "clerk manager finance production qc shipping".split()
    clerk, manager, finance, production, qc, shipping = (
        Session(url, db, role) for role in roles
    )

    def find(model, domain):
        ids = clerk(model, "search", domain, limit=1)
        if not ids:
            raise SystemExit(f"demo data missing: no {model} matching {domain}")
        return ids[0]

    stages = []

    def step(label):
        [order] = clerk("sale.order", "read", [order_id], ["name", "workflow_stage"])
        stages.append(order["workflow_stage"])
        echo(f"{label:<48} {order['name']}  stage: {order['workflow_stage']}")

    def pay(invoice_id, amount):
        finance("account.move", "action_post", [invoice_id])
        ctx = {"active_model": "account.move", "active_ids": [invoice_id]}
        wizard = finance(
            "account.payment.register", "create", {"amount": amount}, context=ctx
        )
        finance(
            "account.payment.register", "action_create_payments", [wizard], context=ctx
        )

    today = date.today()
    order_id = clerk(
        "sale.order",
        "create",
        {
            "partner_id": find("res.partner", [("name", "ilike", "Gangtong")]),
            "client_order_ref": "API-DEMO",
            "requested_date": (today + timedelta(days=45)).isoformat(),
            "payment_term_id": find("account.payment.term", [("name", "=", "30 Days")]),
            "order_line": [
                (
                    0,
                    0,
                    {
                        "product_id": find(
                            "product.product", [("default_code", "=", "GV-DN50")]
                        ),
                        "product_uom_qty": 20,
                    },
                )
            ],
        },
    )
    step("clerk records the customer's order")
    clerk("sale.order", "action_review_pass", [order_id])
    step("clerk passes the preliminary review")
    finance("sale.order", "action_price_approve", [order_id])
    step("finance checks the prices")
    manager("sale.order", "action_approve", [order_id])
    step("sales manager approves")
    clerk("sale.order", "action_send_for_confirmation", [order_id])
    clerk(
        "sale.order",
        "action_register_signed_confirmation",
        [order_id],
        "Customer buyer",
        today.isoformat(),
    )
    clerk("sale.order", "action_verify_confirmation", [order_id])
    step("customer signs, clerk verifies the copy")
    [order] = clerk(
        "sale.order", "read", [order_id], ["name", "invoice_ids", "deposit_amount"]
    )
    deposit_invoice = order["invoice_ids"][0]
    pay(deposit_invoice, order["deposit_amount"])
    step("finance registers the deposit payment")
    mos = production("mrp.production", "search", [("origin", "=", order["name"])])
    production("mrp.production", "action_acknowledge_instruction", mos)
    for mo in mos:
        production("mrp.production", "button_mark_done", [mo])
    step("production produces the goods")
    inspections = qc("qc.inspection", "search", [("production_id", "in", mos)])
    for line in qc(
        "qc.inspection.line",
        "search_read",
        [("inspection_id", "in", inspections)],
        ["possible_ql_values"],
    ):
        ok = qc(
            "qc.test.question.value",
            "search",
            [("id", "in", line["possible_ql_values"]), ("ok", "=", True)],
            limit=1,
        )
        qc("qc.inspection.line", "write", [line["id"]], {"qualitative_value": ok[0]})
    qc("qc.inspection", "action_confirm", inspections)
    step("QC inspects the finished goods: passed")
    [order] = clerk("sale.order", "read", [order_id], ["invoice_ids", "ow_balance_due"])
    echo(f"{'':<48} balance due: {order['ow_balance_due']:.2f}")
    [balance_invoice] = [i for i in order["invoice_ids"] if i != deposit_invoice]
    pay(balance_invoice, order["ow_balance_due"])
    step("finance registers the balance payment")
    clerk("sale.order", "action_issue_shipping_request", [order_id])
    pickings = shipping(
        "stock.picking",
        "search",
        [("sale_id", "=", order_id), ("picking_type_code", "=", "outgoing")],
    )
    for picking in pickings:
        shipping("stock.picking", "write", [picking], {"ow_carrier": "SF Express"})
        shipping("stock.picking", "button_validate", [picking])
    step("clerk issues the request, shipping ships")
    for picking in pickings:
        shipping(
            "stock.picking",
            "action_register_receipt",
            [picking],
            "Customer storekeeper",
            today.isoformat(),
        )
    step("the signed delivery receipt is registered")
    followup = clerk(
        "mail.activity",
        "search",
        [
            ("res_model", "=", "sale.order"),
            ("res_id", "=", order_id),
            ("activity_type_id.name", "=", "Follow-up call"),
        ],
    )
    clerk("mail.activity", "action_feedback", followup, feedback="Satisfied.")
    step("salesperson makes the follow-up call")
    # the sale ends when 100 % is invoiced and paid: the clerk invoices (the final
    # invoice deducts the deposit and the balance paid), finance posts
    ctx = {"active_model": "sale.order", "active_ids": [order_id]}
    wizard = clerk(
        "sale.advance.payment.inv",
        "create",
        {"advance_payment_method": "delivered"},
        context=ctx,
    )
    clerk("sale.advance.payment.inv", "create_invoices", [wizard], context=ctx)
    [order] = clerk("sale.order", "read", [order_id], ["invoice_ids"])
    finance("account.move", "action_post", [max(order["invoice_ids"])])
    step("finance posts the final invoice")
    return stages


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    # make run prints its database's name (and exports nothing): pass it with --db
    demo_db = os.environ.get("DEMO_DB")
    parser.add_argument("--db", default=demo_db, required=not demo_db)
    args = parser.parse_args(argv)
    stages = run(args.url.rstrip("/"), args.db)
    return 0 if stages[-1] == "closed" else 1


if __name__ == "__main__":
    sys.exit(main())
