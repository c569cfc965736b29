# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPIs (issue 21): the stage log starts with the orders' history. The new stored
fields (finished_on, shipped_on, on_time, first_pass_review…) are computed by the
upgrade itself; the log is rebuilt here from the tracked stage changes in the chatter,
as the post-init hook does on a new install."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["sale.order"]._ow_backfill_stage_log()
