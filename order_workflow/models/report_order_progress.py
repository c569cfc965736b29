# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Order Progress Report (订单跟进进度表): printed by the user from one order or a
list of orders (a salesperson's open orders), grouped by salesperson. The late
components of every order are read in one batch (sale_order_material.py)."""

from odoo import api, models


class OrderProgressReport(models.AbstractModel):
    _name = "report.order_workflow.report_order_progress"
    _description = "Order Progress Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        orders = self.env["sale.order"].browse(docids)
        pending, _productions = orders._ow_material_lines()
        materials = {}
        for order in orders:
            rows = sorted(
                pending.get(order, []),
                key=lambda r: (not r["finish"], r["finish"] or r["move"].date),
                reverse=False,
            )
            materials[order.id] = [
                {
                    "product": row["move"].product_id.display_name,
                    "orders": ", ".join(row["lines"].order_id.mapped("name")),
                    "expected": row["expected"] and row["expected"].date(),
                    "late": bool(
                        order.promised_date
                        and (
                            not row["lines"]
                            or row["finish"].date() > order.promised_date
                        )
                    ),
                }
                for row in rows
            ]
        issues = {
            order.id: len(order.ow_anomaly_ids.filtered(lambda a: a.state == "open"))
            for order in orders
        }
        return {
            "doc_ids": docids,
            "doc_model": "sale.order",
            "docs": orders,
            "by_user": orders.grouped("user_id"),
            "materials": materials,
            "issues": issues,
            "material_labels": dict(
                orders._fields["material_state"]._description_selection(self.env)
            ),
        }
