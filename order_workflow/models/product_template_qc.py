# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Products inspected before shipping: the flag keeps OCA's trigger line (MO done →
finished-goods inspection) in step, so nobody has to set the trigger up by hand."""

from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    inspection_before_shipping = fields.Boolean(
        help="Finished goods of this product are inspected (quantity, appearance, "
        "packaging, labels) when their manufacturing order is done, and do not ship "
        "before the inspection passes.",
    )

    def _ow_sync_qc_trigger(self):
        trigger = self.env.ref("quality_control_mrp_oca.qc_trigger_mrp")
        test = self.env.ref("order_workflow.qc_test_finished_goods")
        lines = self.env["qc.trigger.product_template_line"].sudo()
        existing = lines.search(
            [
                ("product_template", "in", self.ids),
                ("trigger", "=", trigger.id),
                ("test", "=", test.id),
            ]
        )
        flagged = self.filtered("inspection_before_shipping")
        missing = flagged - existing.product_template
        existing.filtered(lambda t: t.product_template not in flagged).unlink()
        lines.create(
            [
                {
                    "product_template": template.id,
                    "trigger": trigger.id,
                    "test": test.id,
                    "timing": "after",
                }
                for template in missing
            ]
        )

    @api.model_create_multi
    def create(self, vals_list):
        templates = super().create(vals_list)
        templates.filtered("inspection_before_shipping")._ow_sync_qc_trigger()
        return templates

    def write(self, vals):
        res = super().write(vals)
        if "inspection_before_shipping" in vals:
            self._ow_sync_qc_trigger()
        return res
