#!/usr/bin/env python3
# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""make load: whole orders driven by concurrent XML-RPC clients against Odoo in
prefork mode, for a bounded time, with the real crons running; then the figures and
the end check of every order (load_check.py).

Run by scripts/load.sh, which prepares the database; by hand:

    python bench/load.py --db DB --odoo "python odoo-bin -c odoo.conf" [--minutes 10]
        [--hosts 1] [--workers 4] [--clients 8] [--port 8269]

Everything listens on 127.0.0.1 only: the Odoo servers (``--hosts 2``: two
processes on two ports, the same database and filestore, each with its cron thread)
and an SMTP sink that receives the e-mails Odoo sends. The clients stop starting
orders after ``--minutes``; an order under way may finish within a grace period,
after which every client stops.
"""

import argparse
import json
import os
import re
import shlex
import signal
import socketserver
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_clients import Client, Refused, Session, Stats

HERE = Path(__file__).resolve().parent
GRACE = 300  # seconds an order under way may take to finish after the deadline
RETRY = re.compile(r"odoo\.service\.model: \w+, \d+ tries left, try again")
EXHAUSTED = re.compile(r"maximum number of tries reached")
RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ ")
SERVER_ERROR = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ")
CONFLICT = re.compile(
    r"could not serialize access|deadlock detected|could not obtain lock"
)


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP to accept what Odoo sends, and count it."""

    def _reply(self, text):
        self.wfile.write(f"{text}\r\n".encode())

    def handle(self):
        self._reply("220 load-test sink")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self._reply("250 sink")
            elif verb == b"DATA":
                self._reply("354 end with .")
                while self.rfile.readline() not in (b".\r\n", b".\n", b""):
                    pass
                with self.server.lock:
                    self.server.messages += 1
                self._reply("250 queued")
            elif verb == b"QUIT":
                self._reply("221 bye")
                return
            else:
                self._reply("250 ok")


class SmtpSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Smtp)
        self.lock = threading.Lock()
        self.messages = 0
        threading.Thread(target=self.serve_forever, daemon=True).start()


def start_servers(args, smtp_port, logdir):
    servers = []
    for host in range(args.hosts):
        port = args.port + 10 * host
        log = logdir / f"odoo-host{host + 1}.log"
        log.unlink(missing_ok=True)
        cmd = shlex.split(args.odoo) + [
            "-d", args.db, f"--db-filter=^{args.db}$",
            f"--workers={args.workers}", f"--max-cron-threads={args.cron_threads}",
            "--http-interface=127.0.0.1", f"--http-port={port}",
            f"--gevent-port={port + 3}",
            "--smtp=127.0.0.1", f"--smtp-port={smtp_port}",
            f"--logfile={log}", "--log-level=info",
            "--limit-time-real=600", "--limit-time-cpu=300",
        ]  # fmt: skip
        proc = subprocess.Popen(cmd, start_new_session=True)
        servers.append((proc, f"http://127.0.0.1:{port}", log))
    for proc, url, log in servers:
        wait_ready(proc, url, log)
    return servers


def wait_ready(proc, url, log, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"Odoo at {url} stopped at start; see {log}")
        try:
            with urllib.request.urlopen(f"{url}/web/health", timeout=5) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit(f"Odoo at {url} did not answer within {timeout} s; see {log}")


def stop_servers(servers):
    for proc, _url, _log in servers:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc, _url, _log in servers:
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def admin_session(url, db):
    return Session(url, db, "admin", Stats())


def lookup(admin):
    def xmlid(name):
        module, ref = name.split(".")
        rows = admin.call(
            "setup", "ir.model.data", "search_read",
            [("module", "=", module), ("name", "=", ref)], ["res_id"],
        )  # fmt: skip
        if not rows:
            raise SystemExit(f"demo data missing: {name}")
        return rows[0]["res_id"]

    def find(model, domain):
        ids = admin.call("setup", model, "search", domain, limit=1)
        if not ids:
            raise SystemExit(f"demo data missing: no {model} matching {domain}")
        return ids[0]

    return {
        "partner": find("res.partner", [("name", "ilike", "Gangtong")]),
        "term": find("account.payment.term", [("name", "=", "30 Days")]),
        "product": find("product.product", [("default_code", "=", "GV-DN50")]),
        "followup_type": xmlid("order_workflow.activity_followup"),
    }


def product_lines(admin, product_id, count):
    """One make-to-order product per client, copies of the demo gate valve with its
    bill of materials and components: a manufacturer's orders are for different
    products, and
    Odoo 18 over-reserves a quant when two transactions reserve the same product at
    the same instant (odoo/odoo#268942, #272560: the SKIP LOCKED path creates a
    duplicate quant), which then leaves another order's delivery unreservable."""
    [product] = admin.call(
        "setup", "product.product", "read", [product_id],
        ["product_tmpl_id", "default_code"],
    )  # fmt: skip
    template = product["product_tmpl_id"][0]
    boms = admin.call(
        "setup", "mrp.bom", "search", [("product_tmpl_id", "=", template)]
    )
    products = []
    for n in range(1, count + 1):
        code = f"{product['default_code']}-L{n}"
        found = admin.call(
            "setup", "product.product", "search", [("default_code", "=", code)]
        )
        if found:
            products.append(found[0])
            continue
        copy = admin.call(
            "setup", "product.template", "copy", [template], {"default_code": code}
        )[0]  # fmt: skip
        for bom in boms:
            new_bom = admin.call(
                "setup", "mrp.bom", "copy", [bom], {"product_tmpl_id": copy}
            )[0]  # fmt: skip
            own_components(admin, new_bom, n)
        products += admin.call(
            "setup", "product.product", "search", [("product_tmpl_id", "=", copy)]
        )
    return products


def own_components(admin, bom_id, n, stock=100000):
    """The client's copy of each component, in stock: concurrent MOs of different
    clients reserve no common quant either."""
    lines = admin.call(
        "setup", "mrp.bom.line", "search_read", [("bom_id", "=", bom_id)],
        ["product_id"],
    )  # fmt: skip
    for line in lines:
        [component] = admin.call(
            "setup", "product.product", "read", [line["product_id"][0]],
            ["product_tmpl_id", "default_code"],
        )  # fmt: skip
        code = f"{component['default_code'] or component['id']}-L{n}"
        template = admin.call(
            "setup", "product.template", "copy", [component["product_tmpl_id"][0]],
            {"default_code": code},
        )[0]  # fmt: skip
        [variant] = admin.call(
            "setup", "product.product", "search", [("product_tmpl_id", "=", template)]
        )
        admin.call(
            "setup", "mrp.bom.line", "write", [line["id"]], {"product_id": variant}
        )
        wizard = admin.call(
            "setup", "stock.change.product.qty", "create",
            {"product_id": variant, "product_tmpl_id": template,
             "new_quantity": stock},
        )  # fmt: skip
        admin.call("setup", "stock.change.product.qty", "change_product_qty", [wizard])


def run_crons_often(admin, minutes=1):
    """The module's crons and Odoo's mail queue every minute, due now: the cron
    workers run them for real beside the clients."""
    cron_ids = [
        row["res_id"]
        for row in admin.call(
            "setup",
            "ir.model.data",
            "search_read",
            [
                ("model", "=", "ir.cron"),
                "|",
                ("module", "=", "order_workflow"),
                (
                    "name",
                    "in",
                    ["ir_cron_mail_scheduler_action", "ir_cron_mail_notify_activity"],
                ),
            ],
            ["res_id"],
        )  # fmt: skip
    ]
    values = {
        "interval_number": minutes,
        "interval_type": "minutes",
        "active": True,
        "nextcall": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()),
    }
    for cron_id in cron_ids:
        # Odoo refuses to change a cron while a cron worker runs it (with two hosts,
        # one may have started already): try again a little later, a bounded time
        for attempt in range(30):
            try:
                admin.call("setup", "ir.cron", "write", [cron_id], values)
                break
            except Refused:
                if attempt == 29:
                    raise
                time.sleep(2)
    return len(cron_ids)


def drive(clients, stats, deadline, hard_deadline):
    def loop(client):
        seq = 0
        while time.monotonic() < deadline:
            seq += 1
            client.run_order(seq)
            if time.monotonic() > hard_deadline:
                return

    threads = [threading.Thread(target=loop, args=(c,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(1.0, hard_deadline - time.monotonic()))
    return sum(thread.is_alive() for thread in threads)


def drain(admin, timeout=180):
    """Wait for the queues to empty (documents, notifications, e-mails)."""
    deadline = time.monotonic() + timeout
    left = {}
    while time.monotonic() < deadline:
        left = {
            "outbox": admin.call(
                "drain", "order_workflow.outbox", "search_count",
                [("state", "=", "queued")],
            ),
            "mail": admin.call(
                "drain", "mail.mail", "search_count", [("state", "=", "outgoing")]
            ),
        }  # fmt: skip
        if not any(left.values()):
            return left
        time.sleep(5)
    return left


def _records(log):
    """The log's records: a line with a timestamp and what follows it."""
    record = []
    with open(log, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if RECORD.match(line) and record:
                yield "".join(record)
                record = []
            record.append(line)
    if record:
        yield "".join(record)


def scan_logs(servers):
    """Retries and errors in the servers' logs. A query that failed on a concurrent
    update is logged as an error ("bad query") and then retried: it counts as a
    conflict, not as an error."""
    found = {"retries": 0, "exhausted": 0, "conflicts": 0, "server_errors": []}
    for _proc, _url, log in servers:
        if not log.exists():
            continue
        for record in _records(log):
            if RETRY.search(record):
                found["retries"] += 1
            if EXHAUSTED.search(record):
                found["exhausted"] += 1
            if not SERVER_ERROR.match(record):
                continue
            if "bad query" in record and CONFLICT.search(record):
                found["conflicts"] += 1
            else:
                found["server_errors"].append(record.strip()[:1500])
    return found


def percentile(values, p):
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--odoo", required=True, help="the command that runs odoo-bin")
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--hosts", type=int, default=1)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--cron-threads", type=int, default=1)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--port", type=int, default=8269)
    parser.add_argument("--out", default=str(HERE / "results" / "load.json"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)

    sink = SmtpSink()
    servers = start_servers(args, sink.server_address[1], out.parent)
    urls = [url for _proc, url, _log in servers]
    try:
        admin = admin_session(urls[0], args.db)
        refs = lookup(admin)
        refs["products"] = product_lines(admin, refs["product"], args.clients)
        crons = run_crons_often(admin)
        stats = Stats()
        clients = [
            Client(n + 1, urls[n % len(urls)], args.db, stats, refs,
                   other_url=urls[(n + 1) % len(urls)])
            for n in range(args.clients)
        ]  # fmt: skip
        sys.stderr.write(
            f"load: {args.clients} clients, {args.hosts} host(s) x {args.workers} "
            f"workers, {crons} crons every minute, {args.minutes:g} min\n"
        )
        start = time.monotonic()
        deadline = start + args.minutes * 60
        stuck = drive(clients, stats, deadline, deadline + GRACE)
        elapsed = time.monotonic() - start
        left = drain(admin)
    finally:
        stop_servers(servers)
    logs = scan_logs(servers)
    orders = [order for client in clients for order in client.orders]
    orders_file = out.with_suffix(".orders.json")
    orders_file.write_text(json.dumps(orders))
    python = shlex.split(args.odoo)[0]
    check = subprocess.run(
        [python, str(HERE / "load_check.py"), *_conf(args.odoo), args.db,
         str(orders_file)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if check.returncode:
        sys.stderr.write(check.stderr)
        raise SystemExit("the end check could not run")
    checked = json.loads(check.stdout.strip().splitlines()[-1])
    result = report(args, stats, elapsed, stuck, left, logs, checked, sink.messages)
    out.write_text(json.dumps(result, indent=1))
    sys.stderr.write(f"results written to {out}\n")
    failed = (
        result["errors"]
        or result["invariant_violations"]
        or result["lost_updates"]
        or result["server_errors"]
        or result["stock_drift"]
        or result["stuck_clients"]
        or not result["orders_completed"]
    )
    return 1 if failed else 0


def _conf(odoo_cmd):
    """The -c CONFIG of the odoo command, for the end check."""
    words = shlex.split(odoo_cmd)
    for i, word in enumerate(words):
        if word in ("-c", "--config") and i + 1 < len(words):
            return [words[i + 1]]
        if word.startswith("--config="):
            return [word.split("=", 1)[1]]
    raise SystemExit("--odoo must name its configuration file with -c")


def report(args, stats, elapsed, stuck, left, logs, checked, mails):
    actions = {
        action: {
            "count": len(values),
            "p50": round(percentile(values, 50), 3),
            "p95": round(percentile(values, 95), 3),
            "p99": round(percentile(values, 99), 3),
            "max": round(max(values), 3),
        }
        for action, values in sorted(stats.latency.items())
    }
    result = {
        "hosts": args.hosts,
        "workers": args.workers,
        "clients": args.clients,
        "minutes": args.minutes,
        "seconds": round(elapsed, 1),
        "orders_completed": stats.completed,
        "orders_abandoned": stats.abandoned,
        "requests": stats.requests,
        "requests_per_second": round(stats.requests / elapsed, 2),
        "actions": actions,
        "errors": len(stats.errors),
        "error_samples": stats.errors[:20],
        "refusals_expected": stats.refusals,
        "serialization_retries": logs["retries"],
        "conflicting_queries": logs["conflicts"],
        "retries_exhausted": logs["exhausted"],
        "server_errors": len(logs["server_errors"]),
        "server_error_samples": logs["server_errors"][:20],
        "stuck_clients": stuck,
        "queues_left": left,
        "emails_received": mails,
        "orders_checked": checked["orders"],
        "invariant_violations": len(checked["violations"]),
        "violation_samples": checked["violations"][:20],
        "stock_drift": checked["stock_drift"],
        "lost_updates": len(checked["lost"]),
        "lost_samples": checked["lost"][:20],
    }
    print_report(result)
    return result


def print_report(r):
    out = sys.stdout.write
    out(
        f"\nmake load: {r['clients']} clients, {r['hosts']} host(s) x "
        f"{r['workers']} workers, {r['seconds']:.0f} s\n"
        f"  orders completed      {r['orders_completed']}"
        f"  (abandoned {r['orders_abandoned']})\n"
        f"  requests              {r['requests']}  ({r['requests_per_second']}/s)\n"
        f"  errors                {r['errors']}\n"
        f"  server errors         {r['server_errors']}\n"
        f"  serialization retries {r['serialization_retries']}"
        f"  (exhausted {r['retries_exhausted']}, conflicting queries "
        f"{r['conflicting_queries']})\n"
        f"  refusals (expected)   {r['refusals_expected']}\n"
        f"  e-mails received      {r['emails_received']}, queues left "
        f"{r['queues_left']}\n"
        f"  orders checked        {r['orders_checked']}\n"
        f"  invariant violations  {r['invariant_violations']}\n"
        f"  lost updates          {r['lost_updates']}\n"
        f"  Odoo stock drift      {len(r['stock_drift'])} product/location pairs "
        f"(quants reserve more than move lines; odoo/odoo#272560)\n\n"
        f"  {'action':<24}{'calls':>7}{'p50 s':>8}{'p95 s':>8}{'p99 s':>8}"
        f"{'max s':>8}\n"
    )
    for action, a in r["actions"].items():
        out(
            f"  {action:<24}{a['count']:>7}{a['p50']:>8.3f}{a['p95']:>8.3f}"
            f"{a['p99']:>8.3f}{a['max']:>8.3f}\n"
        )
    for key in ("error_samples", "server_error_samples", "violation_samples",
                "lost_samples"):  # fmt: skip
        for sample in r[key][:5]:
            out(f"  {key[:-8]}: {sample}\n")


if __name__ == "__main__":
    sys.exit(main())
