# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Satisfaction (issue 19): Done on the follow-up call opens the Satisfaction
Follow-up Form. The activity type is in a noupdate file, so an upgraded database gets
its new category here."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    followup = env.ref("order_workflow.activity_followup", raise_if_not_found=False)
    if followup:
        followup.category = "ow_followup"
