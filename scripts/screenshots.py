#!/usr/bin/env python3
# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Take the README's pictures from a running demo server (`make run`).

Usage: .venv/bin/python scripts/screenshots.py [--url URL] [--db DB] [--out docs]

* docs/stage_kanban.png: Order Workflow > Orders, logged in as the order clerk,
  rendered by headless Chromium (DevTools protocol);
* docs/order_confirmation.png: page 1 of a printed Order Confirmation (PDF from the
  server, rendered to PNG with pdftoppm). wkhtmltopdf loads the report's styles from
  the database's web.base.url (or report.url): it must point at this server.
"""

import argparse
import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
import xmlrpc.client
from pathlib import Path

import websocket  # websocket-client, in requirements-test.txt


def login(url, db, user):
    body = json.dumps(
        {"jsonrpc": "2.0", "params": {"db": db, "login": user, "password": user}}
    ).encode()
    request = urllib.request.Request(
        f"{url}/web/session/authenticate",
        body,
        {"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        cookie = response.headers["Set-Cookie"]
    return cookie.split("session_id=")[1].split(";")[0]


def screenshot(url, session, target, out, width=1440, height=900):
    port = 9333
    profile = tempfile.mkdtemp()
    chrome = subprocess.Popen(
        [
            shutil.which("chromium") or shutil.which("google-chrome"),
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            f"--remote-debugging-port={port}",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _i in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as r:
                    pages = [p for p in json.load(r) if p["type"] == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"])
        counter = iter(range(1, 1000))

        def send(method, **params):
            message_id = next(counter)
            ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
            while True:
                message = json.loads(ws.recv())
                if message.get("id") == message_id:
                    return message.get("result", {})

        send("Network.enable")
        send("Network.setCookie", name="session_id", value=session, url=url)
        send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        send("Page.enable")
        send("Page.navigate", url=target)
        # the web client loads and renders the kanban: wait for its cards (a slow or
        # busy machine takes longer than a fixed pause), then for the images
        for _i in range(120):
            found = send(
                "Runtime.evaluate",
                expression="!!document.querySelector('.o_kanban_record') && "
                "!document.querySelector('.o_loading_indicator')",
            )
            if found.get("result", {}).get("value"):
                break
            time.sleep(0.5)
        time.sleep(2)
        data = send("Page.captureScreenshot", format="png")["data"]
        Path(out).write_bytes(base64.b64decode(data))
        ws.close()
    finally:
        chrome.terminate()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="order_workflow_demo")
    parser.add_argument("--out", default="docs")
    args = parser.parse_args()
    url = args.url.rstrip("/")
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    session = login(url, args.db, "clerk")
    screenshot(
        url,
        session,
        f"{url}/odoo/action-order_workflow.action_order_workflow_orders",
        out / "stage_kanban.png",
    )
    # a printed Order Confirmation: an order waiting for the customer's signed copy
    common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common")
    uid = common.authenticate(args.db, "clerk", "clerk", {})
    models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object")
    [order_id] = models.execute_kw(
        args.db,
        uid,
        "clerk",
        "sale.order",
        "search",
        [[("confirmation_state", "=", "sent")]],
        {"limit": 1},
    )
    request = urllib.request.Request(
        f"{url}/report/pdf/order_workflow.report_order_confirmation/{order_id}",
        headers={"Cookie": f"session_id={session}"},
    )
    with (
        urllib.request.urlopen(request) as response,
        tempfile.TemporaryDirectory() as tmp,
    ):
        pdf = Path(tmp) / "confirmation.pdf"
        pdf.write_bytes(response.read())
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "70",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(out / "order_confirmation"),
            ],
            check=True,
        )
    print(f"written: {out / 'stage_kanban.png'}, {out / 'order_confirmation.png'}")


if __name__ == "__main__":
    main()
