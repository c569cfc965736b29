# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Existing workflow orders get a responsible clerk: their creator when an order
clerk, else their salesperson when an order clerk; otherwise none, and the clerk's
activities go where they went before (sale_order_clerk.py, ``_ow_clerk``).

An order closes only when it is paid (the stage ``collection``): the closed orders are
staged again, and those not paid yet wait in *Awaiting payment*."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        WITH clerks AS (
            SELECT rel.uid
              FROM res_groups_users_rel rel
              JOIN ir_model_data imd
                ON imd.model = 'res.groups' AND imd.res_id = rel.gid
               AND imd.module = 'order_workflow' AND imd.name = 'group_order_clerk'
              JOIN res_users u ON u.id = rel.uid AND u.active AND NOT u.share
        )
        UPDATE sale_order so
           SET order_clerk_id = CASE
                   WHEN so.create_uid IN (SELECT uid FROM clerks) THEN so.create_uid
                   ELSE so.user_id
               END
         WHERE so.use_order_workflow
           AND so.order_clerk_id IS NULL
           AND (so.create_uid IN (SELECT uid FROM clerks)
                OR so.user_id IN (SELECT uid FROM clerks))
        """
    )
    env = api.Environment(cr, SUPERUSER_ID, {})
    closed = env["sale.order"].search(
        [("use_order_workflow", "=", True), ("workflow_stage", "=", "closed")]
    )
    env.add_to_compute(closed._fields["workflow_stage"], closed)
    closed.flush_recordset(["workflow_stage"])
