"""Project-wide pytest hooks.

A skipped test is a failure here: Odoo silently skips HttpCase tours when no browser is
found, and a green run that tested nothing is worse than a red one.
"""

import pytest


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
