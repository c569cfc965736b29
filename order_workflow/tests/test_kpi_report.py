# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json
from datetime import datetime, timedelta
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import config

from .test_production import ProductionCase


@tagged("post_install", "-at_install")
class TestKpiReport(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gm = cls.users["group_general_manager"]

    def _orders_with_known_figures(self):
        """Three confirmed orders: A delivered on time, first pass, 3 h to approval,
        10 h in production, a complaint answered in time, satisfaction 4; B delivered
        late, 20 h in production; C not delivered, 30 h in production."""
        orders = a, b, c = [self._released_order() for _i in range(3)]
        ids = [o.id for o in orders]
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            "DELETE FROM order_workflow_stage_log WHERE order_id = ANY(%s)", [ids]
        )
        delivered = datetime(2026, 11, 20, 9)
        for order, values in (
            (a, (delivered, True, True, 4.0)),
            (b, (delivered, False, False, 0.0)),
            (c, (None, False, True, 0.0)),
        ):
            cr.execute(
                "UPDATE sale_order SET delivered_on = %s, on_time = %s, "
                "first_pass_review = %s, satisfaction_score = %s WHERE id = %s",
                [*values, order.id],
            )
        self.env.invalidate_all()
        log = self.env["sale.order"]._ow_log_stages
        t0 = datetime(2026, 11, 2, 8)
        hour = timedelta(hours=1)
        log([(a.id, "intake"), (b.id, "intake"), (c.id, "production")], now=t0)
        log([(a.id, "approval"), (b.id, "production")], now=t0 + hour)
        log([(a.id, "production")], now=t0 + 3 * hour)
        log([(a.id, "ready")], now=t0 + 13 * hour)
        log([(b.id, "ready")], now=t0 + 21 * hour)
        log([(c.id, "ready")], now=t0 + 30 * hour)
        complaint = a.with_user(self.clerk).action_open_complaint(
            "quality", "Scratches on the cover"
        )
        self.env["helpdesk.ticket"].browse(complaint).sudo().write(
            {"first_response_on": datetime.now()}
        )
        return orders

    def test_figures_by_month(self):
        orders = self._orders_with_known_figures()
        Report = self.env["order_workflow.kpi.report"].with_user(self.manager)
        domain = [("order_id", "in", [o.id for o in orders])]
        [row] = Report.read_group(
            domain,
            [
                "order_count",
                "delivered_count",
                "on_time_count",
                "on_time_rate",
                "first_pass_rate",
                "approval_lead_hours",
                "hours_production",
                "hours_approval",
                "complaint_count",
                "response_kept_count",
                "satisfaction_score",
            ],
            ["date_order:month"],
        )
        self.assertEqual(row["order_count"], 3)
        self.assertEqual(row["delivered_count"], 2)
        self.assertEqual(row["on_time_count"], 1)
        self.assertAlmostEqual(row["on_time_rate"], 50.0, msg="of delivered orders")
        self.assertAlmostEqual(row["first_pass_rate"], 200 / 3)
        self.assertAlmostEqual(row["approval_lead_hours"], 3.0)
        self.assertAlmostEqual(row["hours_production"], 20.0)
        self.assertAlmostEqual(row["hours_approval"], 2.0, msg="only A had one")
        self.assertEqual(row["complaint_count"], 1)
        self.assertEqual(row["response_kept_count"], 1)
        self.assertAlmostEqual(
            row["satisfaction_score"], 4.0, msg="A's, the others none"
        )
        stats = Report.stage_hours_statistics(domain)
        self.assertEqual(stats["production"]["orders"], 3)
        self.assertAlmostEqual(stats["production"]["mean"], 20.0)
        self.assertAlmostEqual(stats["production"]["percentile"], 28.0)
        self.assertAlmostEqual(
            Report.stage_hours_statistics(domain, 0.5)["production"]["percentile"], 20
        )
        self.assertNotIn("ready", stats, "not left yet")
        by_class = Report.read_group(domain, ["order_count"], ["credit_class"])
        self.assertEqual(
            [(g["credit_class"], g["order_count"]) for g in by_class],
            [(self.good_customer.credit_class, 3)],
        )

    def test_only_confirmed_workflow_orders(self):
        released = self._released_order()
        quotation = self._complete_order()
        outside = self._create_order(team=self.team_off)
        outside.action_confirm()
        self.env.flush_all()
        rows = self.env["order_workflow.kpi.report"].search(
            [("order_id", "in", [released.id, quotation.id, outside.id])]
        )
        self.assertEqual(rows.order_id, released)

    def test_managers_read_it_clerks_do_not(self):
        order = self._released_order()
        self.env.flush_all()
        Report = self.env["order_workflow.kpi.report"]
        for user in (self.manager, self.director, self.gm):
            rows = Report.with_user(user).search([("order_id", "=", order.id)])
            self.assertEqual(rows.order_id, order)
        for user in (self.clerk, self.supervisor):
            with self.assertRaises(AccessError):
                Report.with_user(user).search([])
            with self.assertRaises(AccessError):
                Report.with_user(user).stage_hours_statistics([])

    def test_read_methods_may_use_a_replica(self):
        Report = self.env["order_workflow.kpi.report"]
        self.assertTrue(getattr(Report.stage_hours_statistics, "_readonly", False))

    def test_dashboard_reads_the_report(self):
        dashboard = self.env.ref("order_workflow.spreadsheet_dashboard_order_workflow")
        self.assertEqual(dashboard.name, "Order Workflow")
        self.assertIn(
            self.env.ref("order_workflow.group_sales_manager"), dashboard.group_ids
        )
        # Odoo's own check (models, fields, menus), which runs in its test mode only
        with patch.dict(config.options, {"test_enable": True}):
            dashboard._check_spreadsheet_data()
        data = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
        measures = {}
        for pivot in data["pivots"].values():
            model = self.env[pivot["model"]]
            for measure in pivot["measures"]:
                self.assertIn(measure["fieldName"], model._fields, pivot["model"])
                measures.setdefault(pivot["model"], set()).add(measure["fieldName"])
        self.assertEqual(
            measures["order_workflow.kpi.report"],
            {"order_count", "on_time_rate", "first_pass_rate", "approval_lead_hours"},
        )
        self.assertEqual(measures["order_workflow.stage.log"], {"hours"})
        cells = json.dumps(data["sheets"])
        self.assertIn('PIVOT.VALUE(2,\\"hours\\",\\"stage\\",\\"production\\")', cells)
