# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Order Workflow dashboard opens in Chromium for a sales manager, its figures
drawn (static/tests/tours/order_workflow_dashboard_tour.js)."""

from odoo.tests import HttpCase, tagged

DASHBOARDS = "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action"


@tagged("post_install", "-at_install")
class TestKpiDashboardTour(HttpCase):
    def test_manager_opens_the_dashboard(self):
        self.start_tour(DASHBOARDS, "order_workflow_dashboard_tour", login="manager")
