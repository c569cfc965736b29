# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo's test runner only runs the test modules the package's ``__init__.py``
imports; pytest runs every ``test_*.py``. A file left out of ``__init__.py`` passes
under one and is silently skipped by the other."""

import ast
import os

from odoo.tests import tagged
from odoo.tests.common import BaseCase

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))


def imported_modules(init_source):
    """Names of the package's modules that ``__init__.py`` imports, read from its
    source (``from . import x`` and ``from .x import y``), without importing it."""
    names = set()
    for node in ast.walk(ast.parse(init_source)):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                names.add(node.module.split(".")[0])
            else:
                names.update(alias.name for alias in node.names)
    return names


@tagged("post_install", "-at_install")
class TestSuiteComplete(BaseCase):
    def test_every_test_file_is_imported(self):
        with open(os.path.join(TESTS_DIR, "__init__.py"), encoding="utf-8") as init:
            imported = imported_modules(init.read())
        files = sorted(
            name[:-3]
            for name in os.listdir(TESTS_DIR)
            if name.startswith("test_") and name.endswith(".py")
        )
        self.assertIn("test_suite_complete", files, "the listing reads this folder")
        missing = [name for name in files if name not in imported]
        self.assertFalse(
            missing,
            "not imported in order_workflow/tests/__init__.py, so never run by "
            f"Odoo's test runner: {', '.join(f'{name}.py' for name in missing)}",
        )

    def test_the_check_sees_a_missing_import(self):
        imported = imported_modules("from . import test_a\nfrom .test_b import Case\n")
        self.assertEqual(imported, {"test_a", "test_b"})
        self.assertNotIn("test_c", imported)
