# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Inspection before shipping becomes the default (issue 16).

Before, a product was inspected only when flagged ``inspection_before_shipping``, and
the flag kept a trigger line of OCA (MO done → finished-goods test) on the product.
Now every finished product of a workflow order is inspected unless the product opts
out (``ships_without_inspection``), and the workflow finds the test itself, for its
own orders only. So:

- nothing opts out: unflagged products were unflagged by default, not by decision;
  finished orders are not reopened (an MO done without inspection stays as it was);
- the trigger lines the flag made are removed: they also inspected the MOs of orders
  outside the workflow, which the workflow now leaves to OCA's own settings.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        DELETE FROM qc_trigger_product_template_line line
         USING ir_model_data test, ir_model_data trig
         WHERE test.module = 'order_workflow'
           AND test.name = 'qc_test_finished_goods'
           AND test.model = 'qc.test'
           AND line.test = test.res_id
           AND trig.module = 'quality_control_mrp_oca'
           AND trig.name = 'qc_trigger_mrp'
           AND line.trigger = trig.res_id
        """
    )
