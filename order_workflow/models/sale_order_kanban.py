# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Orders kanban over many orders.

The kanban counts its columns (``web_read_group`` by stage), their activities (the
progress bar) and, for each open column, its orders again. Over a table of orders this
means reading every row of a wide table, several times per page. One partial index on
the stage, the company (the multi-company rule) and the id (the activities' join)
answers all of these from the index alone, and holds workflow orders only.
"""

from odoo import models
from odoo.tools.sql import create_index


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def init(self):
        super().init()
        create_index(
            self.env.cr,
            "sale_order_ow_stage_kanban_index",
            self._table,
            ["workflow_stage", "company_id", "id"],
            where="use_order_workflow",
        )
