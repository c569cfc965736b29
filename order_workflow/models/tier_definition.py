# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workflow's approval tiers are evaluated by the workflow, not by a domain.

OCA's ``evaluate_tier`` applies a definition's domain to the record. A domain naming
the workflow's fields raises KeyError whenever a registry without them evaluates it:
while the modules below this one load, their at_install tests request validations
against the definitions stored in the database. So the workflow's definitions are of
their own definition type and carry a domain that matches no record: OCA's code, alone,
never picks them; this module's ``evaluate_tier`` picks them for workflow orders whose
approval level reaches the tier's.
"""

from odoo import api, fields, models

# what the three definitions said before they were of the workflow's type
WORKFLOW_TIER_LEVELS = {
    "tier_definition_manager": 1,
    "tier_definition_director": 2,
    "tier_definition_gm": 3,
}
NO_RECORD_DOMAIN = "[('id', '=', False)]"


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    definition_type = fields.Selection(
        selection_add=[("order_workflow", "Order workflow approval level")],
        ondelete={"order_workflow": "set default"},
    )
    ow_min_approval_level = fields.Integer(
        string="From approval level",
        default=1,
        help="Workflow orders whose approval level is at least this need this tier "
        "(1: every workflow order; 2: above the first threshold or special terms; "
        "3: above the second threshold).",
    )

    @api.onchange("definition_type")
    def _onchange_ow_definition_type(self):
        if self.definition_type == "order_workflow":
            self.definition_domain = NO_RECORD_DOMAIN

    @api.model
    def _ow_convert_workflow_tiers(self):
        """Turn the workflow's shipped definitions, if they still hold the domain on
        the workflow's fields (databases installed before), into workflow tiers."""
        for xmlid, level in WORKFLOW_TIER_LEVELS.items():
            tier = self.env.ref(f"order_workflow.{xmlid}", raise_if_not_found=False)
            if (
                tier
                and tier.definition_type == "domain"
                and "use_order_workflow" in (tier.definition_domain or "")
            ):
                tier.write(
                    {
                        "definition_type": "order_workflow",
                        "definition_domain": NO_RECORD_DOMAIN,
                        "ow_min_approval_level": level,
                    }
                )
        return True


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def evaluate_tier(self, tier):
        if tier.definition_type == "order_workflow":
            return self.filtered(
                lambda order: order.use_order_workflow
                and order.ow_approval_level >= tier.ow_min_approval_level
            )
        return super().evaluate_tier(tier)
