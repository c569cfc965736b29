# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The responsible clerk's column exists before the update, so that the ORM does not
dispatch every existing order by workload: post-migration gives them their clerk."""

from odoo.tools.sql import column_exists, create_column


def migrate(cr, version):
    if not version:
        return
    if not column_exists(cr, "sale_order", "order_clerk_id"):
        create_column(cr, "sale_order", "order_clerk_id", "int4")
