# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""OCA reads the trigger lines as whoever finishes the MO; a production user may not
read quality settings. For the MOs of workflow orders (the server-side flag
``QC_TRIGGERS``, set by ``mrp.production._post_inventory``: no context key a caller
could send), finding which test applies is the system's job; for any other MO, OCA's
look-up runs as OCA runs it."""

from odoo import models

from .guard import QC_TRIGGERS, is_internal


def _as_system(lines, trigger, product):
    if is_internal(QC_TRIGGERS):
        return lines.sudo(), trigger.sudo(), product.sudo()
    return lines, trigger, product


class QcTriggerProductTemplateLine(models.Model):
    _inherit = "qc.trigger.product_template_line"

    def get_trigger_line_for_product(self, trigger, timings, product, partner=False):
        lines, trigger, product = _as_system(self, trigger, product)
        return super(QcTriggerProductTemplateLine, lines).get_trigger_line_for_product(
            trigger, timings, product, partner=partner
        )


class QcTriggerProductLine(models.Model):
    _inherit = "qc.trigger.product_line"

    def get_trigger_line_for_product(self, trigger, timings, product, partner=False):
        lines, trigger, product = _as_system(self, trigger, product)
        return super(QcTriggerProductLine, lines).get_trigger_line_for_product(
            trigger, timings, product, partner=partner
        )


class QcTriggerProductCategoryLine(models.Model):
    _inherit = "qc.trigger.product_category_line"

    def get_trigger_line_for_product(self, trigger, timings, product, partner=False):
        lines, trigger, product = _as_system(self, trigger, product)
        return super(QcTriggerProductCategoryLine, lines).get_trigger_line_for_product(
            trigger, timings, product, partner=partner
        )
