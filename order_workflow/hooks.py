# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Installing on a live database blocks nobody.

* Orders that exist at install keep ``use_order_workflow = False`` and no stage: the
  columns are created here, before the ORM would compute them for every existing order
  (likewise the workflow's stored computes on existing lines and partners: existing
  customers get class A, no deposit).
* Customers that exist at install become ``qualified``, with the credit class chosen in
  Settings (``order_workflow.existing_customer_class``, default A).
"""

from odoo.tools.sql import column_exists, create_column

PARAM_PARTNER_MAX_ID = "order_workflow.install_partner_max_id"
PARAM_EXISTING_CLASS = "order_workflow.existing_customer_class"


def pre_init_hook(env):
    cr = env.cr
    for table, column, sql_type in (
        ("sale_order", "use_order_workflow", "boolean"),
        ("sale_order", "workflow_stage", "varchar"),
        ("sale_order", "price_deviation_found", "boolean"),
        ("sale_order", "technical_review_state", "varchar"),
        ("sale_order", "lead_days", "int4"),
        ("sale_order", "ow_amount_company", "numeric"),
        ("sale_order", "deposit_percent", "numeric"),
        ("sale_order", "deposit_required", "boolean"),
        ("sale_order", "deposit_amount", "numeric"),
        ("sale_order", "deposit_state", "varchar"),
        ("sale_order", "production_qty_planned", "numeric"),
        ("sale_order", "production_qty_produced", "numeric"),
        ("sale_order", "production_progress", "numeric"),
        ("sale_order", "production_finish_date", "timestamp"),
        ("sale_order", "production_done", "boolean"),
        ("sale_order", "delay_risk", "boolean"),
        ("sale_order", "order_clerk_id", "int4"),
        ("sale_order", "qc_state", "varchar"),
        ("sale_order", "ow_delivery_state", "varchar"),
        ("sale_order", "shipping_release_state", "varchar"),
        ("sale_order", "finished_on", "timestamp"),
        ("sale_order", "shipped_on", "timestamp"),
        ("sale_order", "on_time", "boolean"),
        ("sale_order", "first_pass_review", "boolean"),
        ("stock_picking", "receipt_state", "varchar"),
        ("sale_order_line", "list_price_expected", "numeric"),
        ("sale_order_line", "price_deviation_percent", "numeric"),
        ("sale_order_line", "is_nonstandard", "boolean"),
        ("res_partner", "deposit_percent", "numeric"),
    ):
        if not column_exists(cr, table, column):
            create_column(cr, table, column, sql_type)
    cr.execute("SELECT COALESCE(MAX(id), 0) FROM res_partner")
    env["ir.config_parameter"].sudo().set_param(
        PARAM_PARTNER_MAX_ID, str(cr.fetchone()[0])
    )


def post_init_hook(env):
    # the stage log of the workflow orders there are (a migration calls it too)
    env["sale.order"]._ow_backfill_stage_log()
    params = env["ir.config_parameter"].sudo()
    max_id = int(params.get_param(PARAM_PARTNER_MAX_ID, "0"))
    credit_class = params.get_param(PARAM_EXISTING_CLASS) or "A"
    params.search([("key", "=", PARAM_PARTNER_MAX_ID)]).unlink()
    if not max_id:
        return
    # Existing customers: partners with sale orders or a customer rank, with their
    # commercial entity and its contacts (the customer file is a commercial field).
    # Set in SQL: one statement, no tracking, no per-record writes.
    env.cr.execute(
        """
        UPDATE res_partner
           SET qualification_state = 'qualified',
               credit_class = %(cls)s
         WHERE id <= %(max_id)s
           AND commercial_partner_id IN (
                SELECT p.commercial_partner_id
                  FROM res_partner p
                 WHERE p.id <= %(max_id)s
                   AND (p.customer_rank > 0
                        OR EXISTS (SELECT 1 FROM sale_order so
                                    WHERE so.partner_id = p.id)))
        """,
        {"cls": credit_class, "max_id": max_id},
    )
    env["res.partner"].invalidate_model(["qualification_state", "credit_class"])
