# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The clients of the load test (load.py): XML-RPC sessions as the demo roles, each
call timed under the action's name, and the whole order one client drives.

A client drives one order at a time, from the customer's order to the closed sale,
switching to the role each step belongs to (DESIGN.md's public contract, as
scripts/demo_flow.py calls it). Three steps are decided by two users at once, the
races of issue 23:

- the sales manager and the administrator approve the same tier: one of them is
  refused, the other's approval is the only one;
- finance registers the deposit payment while the clerk edits the customer's
  reference: the payment releases production once and each edit that was
  acknowledged is there at the end;
- two shipping users validate the same delivery: one is refused.

Any fault that is not the refusal a race expects is an error; the order is then left
where it stands and the client starts the next one.
"""

import http.client
import threading
import time
import xmlrpc.client
from datetime import date, timedelta

# Odoo's XML-RPC fault codes (odoo/addons/base/controllers/rpc.py)
REFUSALS = (2, 4)  # UserError / ValidationError, AccessError
TIMEOUT = 300  # seconds a call may take; Odoo's limit_time_real is 120 by default
# the stages a class C order shows after each step (order_workflow/tests/common.py)
EXPECTED = {
    "create order": "intake",
    "review pass": "price_review",
    "price approve": "approval",
    "approve": "customer_confirmation",
    "verify signed copy": "deposit",
    "pay deposit": "production",
    "produce": "quality",
    "inspect": "payment_hold",
    "pay balance": "ready",
    "ship": "shipped",
    "register receipt": "delivered",
    "follow-up call": "collection",
    "final invoice": "closed",
}


class Refused(Exception):
    """The server refused the call as a user error (the message is the user's)."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class StepFailed(Exception):
    """The order cannot go on: an error was recorded for it."""


class _Transport(xmlrpc.client.Transport):
    def make_connection(self, host):
        conn = super().make_connection(host)
        conn.timeout = TIMEOUT
        return conn


class Stats:
    """Latencies per action, errors, expected refusals; shared by every client."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latency = {}
        self.errors = []
        self.refusals = {}
        self.completed = 0
        self.abandoned = 0
        self.requests = 0

    def record(self, action, seconds):
        with self.lock:
            self.latency.setdefault(action, []).append(seconds)
            self.requests += 1

    def error(self, order, action, message):
        with self.lock:
            self.errors.append(
                {"order": order, "action": action, "message": message[-2000:]}
            )

    def refused(self, action):
        with self.lock:
            self.refusals[action] = self.refusals.get(action, 0) + 1


class Session:
    """One role's XML-RPC session on one server; not shared between threads."""

    def __init__(self, url, db, login, stats):
        self.db, self.login, self.stats = db, login, stats
        common = xmlrpc.client.ServerProxy(
            f"{url}/xmlrpc/2/common", allow_none=True, transport=_Transport()
        )
        self.uid = common.authenticate(db, login, login, {})
        if not self.uid:
            raise SystemExit(f"demo login {login!r} failed on database {db!r}")
        self.models = xmlrpc.client.ServerProxy(
            f"{url}/xmlrpc/2/object", allow_none=True, transport=_Transport()
        )

    def call(self, action, model, method, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self.models.execute_kw(
                self.db, self.uid, self.login, model, method, list(args), kwargs
            )
        except xmlrpc.client.Fault as fault:
            if fault.faultCode in REFUSALS:
                raise Refused(fault.faultCode, fault.faultString) from None
            raise
        finally:
            self.stats.record(action, time.perf_counter() - start)


def race(first, second):
    """Run two calls at the same instant in two threads; return their outcomes as
    (result, exception) pairs."""
    barrier = threading.Barrier(2)
    outcomes = [None, None]

    def run(index, call):
        barrier.wait()
        try:
            outcomes[index] = (call(), None)
        except Exception as exc:
            outcomes[index] = (None, exc)

    threads = [
        threading.Thread(target=run, args=(i, c)) for i, c in enumerate((first, second))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT * 2)
    return outcomes


class Client:
    """One of the load test's clients: the demo roles' sessions on one server, and
    the orders it drove (what the end check compares with the database)."""

    ROLES = "clerk manager admin finance production qc shipping".split()

    def __init__(self, number, url, db, stats, refs, other_url=None):
        self.number, self.stats = number, stats
        self.s = {role: Session(url, db, role, stats) for role in self.ROLES}
        # the second party of a race: on the other server when there are two
        self.s["admin"] = Session(other_url or url, db, "admin", stats)
        self.refs = refs
        self.orders = []  # dicts: id, name, ref, paid, stage, completed

    # -- helpers ---------------------------------------------------------------------

    def _fail(self, order, action, exc):
        if isinstance(exc, str):
            text = exc
        else:
            text = getattr(exc, "faultString", None) or f"{type(exc).__name__}: {exc}"
        self.stats.error(order.get("name") or order.get("id"), action, text)
        raise StepFailed(action)

    def _do(self, order, action, role, model, method, *args, **kwargs):
        try:
            return self.s[role].call(action, model, method, *args, **kwargs)
        except (Refused, xmlrpc.client.Error, OSError, http.client.HTTPException) as e:
            self._fail(order, action, e)

    def _check_stage(self, order, action):
        [row] = self._do(
            order, "read order", "clerk", "sale.order", "read", [order["id"]],
            ["name", "workflow_stage"],
        )  # fmt: skip
        order["name"], order["stage"] = row["name"], row["workflow_stage"]
        if row["workflow_stage"] != EXPECTED[action]:
            self._fail(
                order,
                action,
                f"stage {row['workflow_stage']} after {action}, "
                f"expected {EXPECTED[action]}",
            )

    def _pay(self, order, action, invoice_id, amount):
        ctx = {"active_model": "account.move", "active_ids": [invoice_id]}
        self._do(order, action, "finance", "account.move", "action_post", [invoice_id])
        wizard = self._do(
            order, action, "finance", "account.payment.register", "create",
            {"amount": amount}, context=ctx,
        )  # fmt: skip
        self._do(
            order, action, "finance", "account.payment.register",
            "action_create_payments", [wizard], context=ctx,
        )  # fmt: skip
        order["paid"] = round(order["paid"] + amount, 2)

    def _one_wins(self, order, action, outcomes):
        """A race: exactly one call succeeded, the other was told why it was refused
        (a user error, in the user's language); any other outcome is an error."""
        for outcome in outcomes:
            if outcome and isinstance(outcome[0], dict):  # a wizard, nothing decided
                self._fail(
                    order, action, f"a wizard opened: {outcome[0].get('res_model')}"
                )
        wins = [o for o in outcomes if o and o[1] is None]
        told = [
            o for o in outcomes if o and isinstance(o[1], Refused) and o[1].code == 2
        ]
        if len(wins) == 1 and len(told) == 1:
            self.stats.refused(action)
            return
        for outcome in outcomes:
            if outcome is None:
                self._fail(order, action, "a concurrent call did not return")
            if outcome[1] is not None and outcome not in told:
                self._fail(order, action, outcome[1])
        self._fail(
            order,
            action,
            f"{len(wins)} of 2 concurrent calls succeeded: "
            + "; ".join(str(o[1]) for o in told),
        )

    # -- the order -------------------------------------------------------------------

    def run_order(self, seq):
        order = {"id": None, "name": None, "ref": None, "paid": 0.0, "stage": None}
        order["completed"] = False
        try:
            self._lifecycle(order, seq)
            order["completed"] = True
            with self.stats.lock:
                self.stats.completed += 1
        except StepFailed:
            with self.stats.lock:
                self.stats.abandoned += 1
        if order["id"]:
            self.orders.append(order)
        return order

    def _lifecycle(self, order, seq):
        today = date.today()
        ref = f"LOAD-{self.number}-{seq}"
        order["ref"] = ref
        order["id"] = self._do(
            order, "create order", "clerk", "sale.order", "create",
            {
                "partner_id": self.refs["partner"],
                "client_order_ref": ref,
                "requested_date": (today + timedelta(days=45)).isoformat(),
                "payment_term_id": self.refs["term"],
                "order_line": [
                    (0, 0, {"product_id": self.refs["products"][self.number - 1],
                            "product_uom_qty": 2 + seq % 5}),
                ],
            },
        )  # fmt: skip
        self._check_stage(order, "create order")
        sid = order["id"]
        self._do(
            order, "review pass", "clerk", "sale.order", "action_review_pass", [sid]
        )
        self._check_stage(order, "review pass")
        self._do(
            order, "price approve", "finance", "sale.order", "action_price_approve",
            [sid],
        )  # fmt: skip
        self._check_stage(order, "price approve")

        def approve(role):
            return lambda: self.s[role].call(
                "approve", "sale.order", "action_approve", [sid]
            )

        outcomes = race(approve("manager"), approve("admin"))
        self._one_wins(order, "approve", outcomes)
        self._check_stage(order, "approve")

        self._do(
            order, "send for confirmation", "clerk", "sale.order",
            "action_send_for_confirmation", [sid],
        )  # fmt: skip
        self._do(
            order, "register signed copy", "clerk", "sale.order",
            "action_register_signed_confirmation", [sid], "Customer buyer",
            today.isoformat(),
        )  # fmt: skip
        self._do(
            order, "verify signed copy", "clerk", "sale.order",
            "action_verify_confirmation", [sid],
        )  # fmt: skip
        self._check_stage(order, "verify signed copy")

        [row] = self._do(
            order, "read order", "clerk", "sale.order", "read", [sid],
            ["invoice_ids", "deposit_amount"],
        )  # fmt: skip
        deposit_invoice = row["invoice_ids"][0]

        def edit_reference():
            for k in range(3):
                value = f"{ref}-edit{k}"
                self.s["clerk"].call(
                    "edit order", "sale.order", "write", [sid],
                    {"client_order_ref": value},
                )  # fmt: skip
                order["ref"] = value  # acknowledged: it must be there at the end

        def pay_deposit():
            self._pay(order, "pay deposit", deposit_invoice, row["deposit_amount"])

        paid_before = order["paid"]
        outcomes = race(pay_deposit, edit_reference)
        for _result, exc in outcomes:
            if isinstance(exc, StepFailed):
                raise exc
            if exc is not None:
                self._fail(order, "edit order", exc)
        if order["paid"] == paid_before:
            self._fail(order, "pay deposit", "the deposit payment did not return")
        self._check_stage(order, "pay deposit")

        mos = self._do(
            order, "read order", "production", "mrp.production", "search",
            [("origin", "=", order["name"])],
        )  # fmt: skip
        self._do(
            order, "produce", "production", "mrp.production",
            "action_acknowledge_instruction", mos,
        )  # fmt: skip
        for mo in mos:
            self._do(order, "produce", "production", "mrp.production",
                     "button_mark_done", [mo])  # fmt: skip
        self._check_stage(order, "produce")
        self._inspect(order, mos)
        self._check_stage(order, "inspect")

        [row] = self._do(
            order, "read order", "clerk", "sale.order", "read", [sid],
            ["invoice_ids", "ow_balance_due"],
        )  # fmt: skip
        [balance] = [i for i in row["invoice_ids"] if i != deposit_invoice]
        self._pay(order, "pay balance", balance, row["ow_balance_due"])
        self._check_stage(order, "pay balance")
        self._ship(order)
        self._check_stage(order, "ship")
        self._close(order)

    def _inspect(self, order, mos):
        qc = "qc"
        inspections = self._do(
            order, "inspect", qc, "qc.inspection", "search",
            [("production_id", "in", mos)],
        )  # fmt: skip
        lines = self._do(
            order, "inspect", qc, "qc.inspection.line", "search_read",
            [("inspection_id", "in", inspections)], ["possible_ql_values"],
        )  # fmt: skip
        for line in lines:
            ok = self._do(
                order, "inspect", qc, "qc.test.question.value", "search",
                [("id", "in", line["possible_ql_values"]), ("ok", "=", True)],
                limit=1,
            )  # fmt: skip
            self._do(
                order, "inspect", qc, "qc.inspection.line", "write", [line["id"]],
                {"qualitative_value": ok[0]},
            )  # fmt: skip
        self._do(order, "inspect", qc, "qc.inspection", "action_confirm", inspections)

    def _ship(self, order):
        sid = order["id"]
        self._do(
            order, "issue shipping request", "clerk", "sale.order",
            "action_issue_shipping_request", [sid],
        )  # fmt: skip
        pickings = self._do(
            order, "read order", "shipping", "stock.picking", "search",
            [("sale_id", "=", sid), ("picking_type_code", "=", "outgoing")],
        )  # fmt: skip
        for picking in pickings:
            [row] = self._do(
                order, "read order", "shipping", "stock.picking", "read", [picking],
                ["state"],
            )  # fmt: skip
            if row["state"] != "assigned":
                # Odoo reserves with SKIP LOCKED: a delivery whose goods were locked
                # by another order's move at that instant waits; the clerk clicks
                # Check Availability, as in the form
                self._do(
                    order, "check availability", "shipping", "stock.picking",
                    "action_assign", [picking],
                )  # fmt: skip
            self._do(
                order, "ship", "shipping", "stock.picking", "write", [picking],
                {"ow_carrier": "SF Express"},
            )  # fmt: skip

            def validate(role, picking=picking):
                return lambda: self.s[role].call(
                    "ship", "stock.picking", "button_validate", [picking]
                )

            outcomes = race(validate("shipping"), validate("admin"))
            self._one_wins(order, "ship", outcomes)
        order["pickings"] = pickings

    def _close(self, order):
        sid, today = order["id"], date.today().isoformat()
        for picking in order["pickings"]:
            self._do(
                order, "register receipt", "shipping", "stock.picking",
                "action_register_receipt", [picking], "Customer storekeeper", today,
            )  # fmt: skip
        self._check_stage(order, "register receipt")
        followup = self._do(
            order, "follow-up call", "clerk", "mail.activity", "search",
            [("res_model", "=", "sale.order"), ("res_id", "=", sid),
             ("activity_type_id", "=", self.refs["followup_type"])],
        )  # fmt: skip
        self._do(
            order, "follow-up call", "clerk", "mail.activity", "action_feedback",
            followup, feedback="Satisfied.",
        )  # fmt: skip
        self._check_stage(order, "follow-up call")
        ctx = {"active_model": "sale.order", "active_ids": [sid]}
        wizard = self._do(
            order, "final invoice", "clerk", "sale.advance.payment.inv", "create",
            {"advance_payment_method": "delivered"}, context=ctx,
        )  # fmt: skip
        self._do(
            order, "final invoice", "clerk", "sale.advance.payment.inv",
            "create_invoices", [wizard], context=ctx,
        )  # fmt: skip
        [row] = self._do(
            order, "read order", "clerk", "sale.order", "read", [sid], ["invoice_ids"]
        )  # fmt: skip
        self._do(
            order, "final invoice", "finance", "account.move", "action_post",
            [max(row["invoice_ids"])],
        )  # fmt: skip
        self._check_stage(order, "final invoice")
