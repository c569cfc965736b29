"""The API demo (scripts/demo_flow.py) against the test server."""

import importlib.util
from pathlib import Path

from odoo.tests import HttpCase, get_db_name, tagged

from odoo.addons.order_workflow.tests.common import CLASS_C_PATH

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "demo_flow.py"


@tagged("post_install", "-at_install")
class TestDemoFlow(HttpCase):
    def test_demo_flow_reaches_closed(self):
        spec = importlib.util.spec_from_file_location("demo_flow", SCRIPT)
        demo_flow = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(demo_flow)
        lines = []
        stages = demo_flow.run(self.base_url(), get_db_name(), echo=lines.append)
        self.assertEqual(
            stages,
            CLASS_C_PATH,
            "\n".join(lines),
        )
