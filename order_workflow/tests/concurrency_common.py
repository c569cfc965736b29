# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two users deciding at once, for real: committed data and two database cursors.

A TransactionCase's records live in one uncommitted transaction that no other cursor
sees, and an HttpCase serves its requests one at a time. Here ``setUp`` creates the
records in a cursor of its own and commits them; ``race`` runs two decisions in two
threads, each with its own cursor, retried on serialization failures as Odoo's RPC
layer does (``odoo.service.model.retrying``):

1. both threads open their transaction (their snapshot) and meet at a barrier;
2. the first decides and writes, and keeps its transaction open (its row locks);
3. the second decides on what it saw: it waits on the first's locks;
4. the first commits; the second is retried on the committed state, or is refused.

Everything the test created is deleted again in ``tearDown``, pass or fail: every row
whose id is above the sequence's value at the start (nothing else writes to the test
database while the test runs), deleted table by table until none is left.
"""

import logging
import threading
import time
from datetime import timedelta
from functools import partial

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tests import get_db_name
from odoo.tests.common import BaseCase

from odoo.addons.order_workflow.models.sale_order_demo import _demo_inspected

_logger = logging.getLogger(__name__)
TIMEOUT = 120  # seconds a thread may take, retries included
BLOCK_WAIT = 30  # at most: the first holds its locks until the second waits on them


class Outcome:
    def __init__(self):
        self.result = None
        self.error = None
        self.attempts = 0
        self.blocked = False  # waited on the other's row lock


class ConcurrencyCase(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def setUp(self):
        super().setUp()
        # an HttpCase's test mode would hand out one shared cursor: no race at all
        self.assertFalse(self.registry.in_test_mode(), "real cursors")
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT schemaname, sequencename, COALESCE(last_value, 0)"
                " FROM pg_sequences WHERE sequencename LIKE '%%\\_id\\_seq'"
            )
            self._watermarks = {
                seq[: -len("_id_seq")]: value for _schema, seq, value in cr.fetchall()
            }
        self.addCleanup(self._delete_created)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.prepare(env)
            env.flush_all()
        self.registry.clear_cache()

    def prepare(self, env):
        """Create the records of the test (committed afterwards)."""

    # -- the race ----------------------------------------------------------------------
    def race(
        self, first, second, first_uid, second_uid, retry_first=True, retry_second=True
    ):
        """Run ``first(env)`` and ``second(env)`` as the two users, at once (see the
        module's docstring); return their two ``Outcome``s. ``retry_*=False``: run
        once, as a cron job runs (ir.cron does not retry)."""
        barrier = threading.Barrier(2, timeout=TIMEOUT)
        first_wrote = threading.Event()
        release = threading.Event()
        outcomes = Outcome(), Outcome()
        pids = {}

        retried = {True: retry_first, False: retry_second}

        def attempt(func, env, outcome, is_first):
            outcome.attempts += 1
            if outcome.attempts == 1:
                env.cr.execute("SELECT pg_backend_pid()")  # the snapshot is taken
                pids[is_first] = env.cr.fetchone()[0]
                barrier.wait()
                if not is_first:
                    first_wrote.wait(TIMEOUT)
            res = func(env)
            env.flush_all()
            if is_first and outcome.attempts == 1:
                first_wrote.set()
                release.wait(TIMEOUT)  # commit only when the second is on our locks
            return res

        def thread(func, uid, outcome, is_first):
            threading.current_thread().dbname = self.registry.db_name
            try:
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, uid, {})
                    call = partial(attempt, func, env, outcome, is_first)
                    outcome.result = (
                        retrying(call, env) if retried[is_first] else call()
                    )
            except Exception as exc:
                outcome.error = exc
            finally:
                first_wrote.set()
                barrier.abort()

        threads = [
            threading.Thread(target=thread, args=(first, first_uid, outcomes[0], True)),
            threading.Thread(
                target=thread, args=(second, second_uid, outcomes[1], False)
            ),
        ]
        for t in threads:
            t.start()
        try:
            first_wrote.wait(TIMEOUT)
            outcomes[1].blocked = self._wait_until_blocked(pids, threads[1])
        finally:
            release.set()
            for t in threads:
                t.join(TIMEOUT)
        self.assertFalse(any(t.is_alive() for t in threads), "both threads ended")
        self.registry.clear_cache()
        return outcomes

    def _wait_until_blocked(self, pids, second):
        """True once the second waits on a lock, False if it ended first."""
        deadline = time.monotonic() + BLOCK_WAIT
        with self.registry.cursor() as cr:
            while time.monotonic() < deadline and second.is_alive():
                pid = pids.get(False)
                if pid:
                    cr.execute(
                        "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                        [pid],
                    )
                    row = cr.fetchone()
                    if row and row[0] == "Lock":
                        return True
                time.sleep(0.05)
        return False

    # -- orders of the demo users, pushed along as the demo does (sale_order_demo.py) --
    @staticmethod
    def demo_users(env):
        return {
            role: env.ref(f"order_workflow.user_demo_{role}")
            for role in "clerk manager finance production qc shipping".split()
        }

    @staticmethod
    def new_product(env, name):
        """A manufactured product of its own (its stock and MOs are the test's)."""
        valve = env.ref("order_workflow.demo_product_valve")
        component = env["product.product"].create({"name": f"{name} part"})
        product = env["product.product"].create(
            {
                "name": name,
                "is_storable": True,
                "list_price": valve.list_price,
                "route_ids": [Command.set(valve.route_ids.ids)],
            }
        )
        env["mrp.bom"].create(
            {
                "product_tmpl_id": product.product_tmpl_id.id,
                "bom_line_ids": [Command.create({"product_id": component.id})],
            }
        )
        return product

    @staticmethod
    def new_order(env, users, customer, product, qty=2):
        clerk = users["clerk"]
        team = env["crm.team"].search([("use_order_workflow", "=", True)], limit=1)
        return (
            env["sale.order"]
            .with_user(clerk)
            .create(
                {
                    "partner_id": env.ref(
                        f"order_workflow.demo_customer_{customer}"
                    ).id,
                    "team_id": team.id,
                    "user_id": clerk.id,
                    "requested_date": fields.Date.today() + timedelta(days=45),
                    "payment_term_id": env.ref(
                        "account.account_payment_term_30days"
                    ).id,
                    "order_channel": "salesperson",
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "product_uom_qty": qty}
                        )
                    ],
                }
            )
        )

    @staticmethod
    def to_approval(order, users):
        order.with_user(users["clerk"]).action_review_pass()
        if order.workflow_stage == "price_review":
            order.with_user(users["finance"]).action_price_approve()
        return order

    def to_signed(self, order, users):
        clerk = users["clerk"]
        self.to_approval(order, users).with_user(users["manager"]).action_approve()
        order.with_user(clerk).action_send_for_confirmation()
        order.with_user(clerk).action_register_signed_confirmation(
            order.partner_id.name, fields.Datetime.now()
        )
        return order

    def to_ready(self, order, users):
        self.to_signed(order, users).with_user(
            users["clerk"]
        ).action_verify_confirmation()
        for production in order.sudo().ow_production_ids:
            production = production.with_user(users["production"])
            production.action_assign()
            production.qty_producing = production.product_qty
            production.move_raw_ids.picked = True
            production.button_mark_done()
        return _demo_inspected(order, users["qc"])

    # -- reading the result ------------------------------------------------------------
    def read_committed(self, func):
        """``func(env)`` on the committed state, as superuser."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return func(env)

    # -- clean-up ----------------------------------------------------------------------
    def _delete_created(self):
        """Delete every row created since ``setUp`` (the sequences' values then),
        table after table, again while foreign keys refuse an order."""
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT sequencename, last_value FROM pg_sequences"
                " WHERE sequencename LIKE '%%\\_id\\_seq' AND last_value IS NOT NULL"
            )
            tables = {
                seq[: -len("_id_seq")]: mark
                for seq, value in cr.fetchall()
                for mark in [self._watermarks.get(seq[: -len("_id_seq")], 0)]
                if value > mark
            }
            for _round in range(20):
                left = {}
                for table, mark in tables.items():
                    try:
                        with cr.savepoint(flush=False):
                            cr.execute(f'DELETE FROM "{table}" WHERE id > %s', [mark])
                    except Exception:
                        left[table] = mark
                if not left:
                    break
                tables = left
            else:
                _logger.error("rows left after the concurrency test in %s", tables)
        self.registry.clear_cache()
