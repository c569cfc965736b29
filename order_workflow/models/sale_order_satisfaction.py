# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The follow-up call with scores (客户满意度回访表): product, delivery and service,
1 to 5 each, recorded by the order clerk or the order's salesperson. It completes the
follow-up (sale_order_delivery.py); a score of 2 or less registers a complaint for the
after-sales team, in the category of the lowest-scored area."""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .guard import workflow_action
from .helpdesk_ticket_complaint import CLERK

# area -> complaint category (helpdesk_ticket_complaint.CATEGORIES)
AREAS = [
    ("product", "quality"),
    ("delivery", "delivery"),
    ("service", "service"),
]
LOW_SCORE = 2


class SaleOrder(models.Model):
    _inherit = "sale.order"

    satisfaction_product = fields.Integer(
        string="Product satisfaction", readonly=True, copy=False
    )
    satisfaction_delivery = fields.Integer(
        string="Delivery satisfaction", readonly=True, copy=False
    )
    satisfaction_service = fields.Integer(
        string="Service satisfaction", readonly=True, copy=False
    )
    satisfaction_score = fields.Float(
        string="Satisfaction score",
        digits=(3, 2),
        readonly=True,
        copy=False,
        help="The mean of the follow-up call's three scores (1 to 5).",
    )

    def _ow_check_followup_caller(self):
        if self.env.su or self.env.user.has_group(CLERK):
            return
        if self.user_id == self.env.user:  # the order's salesperson
            return
        raise AccessError(
            _(
                "Only %(roles)s or the order's salesperson can record the follow-up "
                "call.",
                roles=self.env.ref(CLERK).sudo().name,
            )
        )

    @workflow_action
    def action_record_followup(
        self, product_score, delivery_score, service_score, note
    ):
        """The follow-up call: the customer's scores (1 to 5) for the product, the
        delivery and the service, and what they said. Completes the follow-up; a
        score of 2 or less registers a complaint for after-sales."""
        self.ensure_one()
        self._ow_check_followup_caller()
        scores = {}
        for (area, _category), value, label in zip(
            AREAS,
            (product_score, delivery_score, service_score),
            (_("Product"), _("Delivery"), _("Service")),
            strict=True,
        ):
            if (
                isinstance(value, bool)
                or not isinstance(value, int)
                or not (1 <= value <= 5)
            ):
                raise UserError(
                    _(
                        "%(area)s: the score is a whole number from 1 to 5, not "
                        "%(value)s.",
                        area=label,
                        value=repr(value),
                    )
                )
            scores[area] = value
        note = self._ow_text(note)
        self._ow_check_workflow()
        if self.ow_delivery_state != "delivered":
            raise UserError(
                _(
                    "%(order)s: the follow-up call comes after the customer's signed "
                    "delivery receipt, and the order is not delivered yet.",
                    order=self.name,
                )
            )
        if self.followup_done_on:
            raise UserError(
                _("%(order)s: the follow-up call is already done.", order=self.name)
            )
        self.write(
            {
                "satisfaction_product": scores["product"],
                "satisfaction_delivery": scores["delivery"],
                "satisfaction_service": scores["service"],
                "satisfaction_score": round(sum(scores.values()) / 3, 2),
            }
        )
        spaced_note = " " + note if note else ""
        feedback = _(
            "Product %(product)s/5, delivery %(delivery)s/5, service %(service)s/5."
            "%(note)s",
            product=scores["product"],
            delivery=scores["delivery"],
            service=scores["service"],
            note=spaced_note,
        )
        calls = self.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("order_workflow.activity_followup")
        )
        if calls:
            # mail_activity._action_done closes the order after the call
            calls._action_done(feedback=feedback)
        else:
            self._ow_close_after_followup(feedback)
        if min(scores.values()) <= LOW_SCORE:
            self._ow_followup_complaint(scores, feedback)
        return True

    def _ow_followup_complaint(self, scores, feedback):
        """A low score is a complaint: registered for the after-sales team (its leader,
        the service supervisor, answers it), in the lowest-scored area's category
        (the first of product, delivery, service on a tie)."""
        lowest = min(AREAS, key=lambda area: scores[area[0]])
        description = _(
            "Low score in the satisfaction follow-up call: %(feedback)s",
            feedback=feedback,
        )
        return self.sudo().action_open_complaint(lowest[1], description)

    def action_open_followup_wizard(self):
        """The follow-up activity's Done in the chatter: the scoring form."""
        self.ensure_one()
        self._ow_check_followup_caller()
        return {
            "type": "ir.actions.act_window",
            "name": _("Satisfaction follow-up"),
            "res_model": "order_workflow.followup.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "satisfaction_product",
            "satisfaction_delivery",
            "satisfaction_service",
            "satisfaction_score",
        ]
