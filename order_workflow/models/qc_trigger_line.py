# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""OCA reads the trigger lines as whoever finishes the MO; a production user may not
read quality settings. Finding which test applies is the system's job."""

from odoo import models


class QcTriggerProductTemplateLine(models.Model):
    _inherit = "qc.trigger.product_template_line"

    def get_trigger_line_for_product(self, trigger, timings, product, partner=False):
        return super(
            QcTriggerProductTemplateLine, self.sudo()
        ).get_trigger_line_for_product(
            trigger.sudo(), timings, product.sudo(), partner=partner
        )


class QcTriggerProductLine(models.Model):
    _inherit = "qc.trigger.product_line"

    def get_trigger_line_for_product(self, trigger, timings, product, partner=False):
        return super(QcTriggerProductLine, self.sudo()).get_trigger_line_for_product(
            trigger.sudo(), timings, product.sudo(), partner=partner
        )


class QcTriggerProductCategoryLine(models.Model):
    _inherit = "qc.trigger.product_category_line"

    def get_trigger_line_for_product(self, trigger, timings, product, partner=False):
        return super(
            QcTriggerProductCategoryLine, self.sudo()
        ).get_trigger_line_for_product(
            trigger.sudo(), timings, product.sudo(), partner=partner
        )
