# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""OCA reads the trigger lines as whoever finishes the MO; a production user may not
read quality settings. For the MOs of workflow orders (the server-side flag
``QC_TRIGGERS``, set by ``mrp.production._post_inventory``: no context key a caller
could send), finding which test applies is the system's job; for any other MO, OCA's
look-up runs as OCA runs it.

For those MOs the look-up also gives the workflow's finished-goods test to every
product that does not opt out (``product.template.ships_without_inspection``), and
never to one that does."""

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
        found = super(QcTriggerProductTemplateLine, lines).get_trigger_line_for_product(
            trigger, timings, product, partner=partner
        )
        if is_internal(QC_TRIGGERS):
            found = lines._ow_finished_goods_line(found, trigger, timings, product)
        return found

    def _ow_finished_goods_line(self, found, trigger, timings, product):
        """The finished-goods inspection of a workflow MO: for every product but
        those that ship without inspection."""
        test = self.env.ref("order_workflow.qc_test_finished_goods")
        if product.product_tmpl_id.ships_without_inspection:
            return {line for line in found if line.test != test}
        if (
            trigger == self.env.ref("quality_control_mrp_oca.qc_trigger_mrp")
            and "after" in timings
            and test.active
            and not any(line.test == test for line in found)
        ):
            # a line of no product table: what the inspection is made from
            found = found | {
                self.new(
                    {
                        "product_template": product.product_tmpl_id.id,
                        "trigger": trigger.id,
                        "test": test.id,
                        "timing": "after",
                        "user": False,
                    }
                )
            }
        return found


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
