"""Shared helpers of the benchmarks: open a database in-process, time a step and
count its queries, write results as JSON."""

import json
import sys
import time
from contextlib import contextmanager


def open_registry(config_file, db_name):
    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", config_file, "-d", db_name])
    return Registry(db_name)


def has_module(env, name="order_workflow"):
    return bool(
        env["ir.module.module"].search_count(
            [("name", "=", name), ("state", "=", "installed")]
        )
    )


class Meter:
    """Time and queries of named steps; the environment is flushed and its cache
    dropped before each step, and flushed (inside the measure) after it.

    PDF rendering (wkhtmltopdf) inside a step is timed and counted apart too."""

    def __init__(self, env):
        self.env = env
        self.pdf = {"calls": 0, "seconds": 0.0}
        self._patch_pdf(env)

    def _patch_pdf(self, env):
        report_class = type(env["ir.actions.report"])
        original = report_class._run_wkhtmltopdf
        pdf = self.pdf

        def timed(self, *args, **kwargs):
            start = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                pdf["calls"] += 1
                pdf["seconds"] += time.perf_counter() - start

        report_class._run_wkhtmltopdf = timed

    @contextmanager
    def measure(self, into):
        """Add the step's seconds, queries and PDF renders to the dict ``into``."""
        env, cr = self.env, self.env.cr
        env.flush_all()
        env.invalidate_all()
        pdf_calls, pdf_seconds = self.pdf["calls"], self.pdf["seconds"]
        queries = cr.sql_log_count
        start = time.perf_counter()
        yield
        env.flush_all()
        into["seconds"] = into.get("seconds", 0.0) + time.perf_counter() - start
        into["queries"] = into.get("queries", 0) + cr.sql_log_count - queries
        into["pdf_calls"] = into.get("pdf_calls", 0) + self.pdf["calls"] - pdf_calls
        into["pdf_seconds"] = (
            into.get("pdf_seconds", 0.0) + self.pdf["seconds"] - pdf_seconds
        )


def write_json(path, data):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1)
    sys.stderr.write(f"results written to {path}\n")
