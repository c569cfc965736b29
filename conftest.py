"""Project-wide pytest hooks.

A skipped test is a failure here: Odoo silently skips HttpCase tours when no browser is
found, and a green run that tested nothing is worse than a red one.
"""

import pytest

# Odoo waits 10 s for Chromium's DevTools port, then SKIPS the tour. On a busy two-core
# CI machine a cold Chromium can take longer than that; the skip then fails the run
# (see below) without anything being wrong. Wait up to a minute instead: a browser that
# never starts still fails, only later.
BROWSER_START_WAIT = 60.0


def pytest_sessionstart(session):
    try:
        from odoo.tests import common
    except ImportError:  # not an Odoo run
        return
    iterations = int(BROWSER_START_WAIT / common.CHECK_BROWSER_SLEEP)
    if common.CHECK_BROWSER_ITERATIONS < iterations:
        common.CHECK_BROWSER_ITERATIONS = iterations
        common.BROWSER_WAIT = common.CHECK_BROWSER_SLEEP * iterations


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = (
            report.longrepr[2]
            if isinstance(report.longrepr, tuple)
            else report.longrepr
        )
        report.outcome = "failed"
        report.longrepr = f"test was skipped, which make test does not allow: {reason}"
