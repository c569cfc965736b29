# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Acceptance issues become delivery complaints (issue 18): see
models/helpdesk_ticket_migration.py. Runs before Odoo removes the old model and its
table at the end of the upgrade."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["helpdesk.ticket"]._ow_migrate_acceptance_issues()
