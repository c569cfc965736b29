# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .guard import ACTION, Rule, internal, is_internal, workflow_action

CREDIT_CLASSES = [
    ("A", "A: ships on agreed terms"),
    ("B", "B: pays the balance before shipping"),
    ("C", "C: pays the balance before shipping"),
]
QUALIFICATION_STATES = [
    ("new", "New"),
    ("qualified", "Qualified"),
    ("blocked", "Blocked"),
]
# Sales manager and above (the three approver groups).
QUALIFIER_GROUPS = (
    "order_workflow.group_sales_manager",
    "order_workflow.group_sales_director",
    "order_workflow.group_general_manager",
)
# Fields of the customer file that only a qualifier may change: they open gates.
GUARDED_FIELDS = ("credit_class", "deposit_percent", "qualification_state")
BY_QUALIFIER = Rule(groups=QUALIFIER_GROUPS)


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "order_workflow.guarded"]
    # Besides the workflow's readonly fields (who qualified, when, why blocked): the
    # customer file is changed by a qualifier, and so is moving a customer under
    # another company, whose file it then takes.
    _ow_guarded_fields = {
        **{name: BY_QUALIFIER for name in GUARDED_FIELDS},
        **{
            name: Rule(groups=QUALIFIER_GROUPS, scope="_ow_guard_reparented")
            for name in ("parent_id", "is_company")
        },
    }

    credit_class = fields.Selection(
        CREDIT_CLASSES,
        default="C",
        required=True,
        copy=False,  # a copy is a new customer: class C until qualified
        tracking=True,
        help="Class A customers ship on their agreed payment terms; class B and C "
        "customers ship after the balance is paid.",
    )
    customer_code = fields.Char(
        index="btree_not_null",
        copy=False,
        tracking=True,
        help="Three digits or more, unique in the company; given automatically when a "
        "customer is qualified or gets a workflow order.",
    )
    deposit_percent = fields.Float(
        string="Deposit (%)",
        digits=(5, 2),
        compute="_compute_deposit_percent",
        store=True,
        precompute=True,
        readonly=False,
        copy=False,
        tracking=True,
        help="Share of the order total (taxes included) to be paid as a deposit before "
        "production starts. The only source of an order's deposit percent; defaults "
        "from the credit class (Settings).",
    )
    qualification_state = fields.Selection(
        QUALIFICATION_STATES,
        string="Qualification",
        default="new",
        required=True,
        index=True,
        copy=False,
        tracking=True,
        help="New customers are filed and checked before their first order passes "
        "review; blocked customers get no new orders.",
    )
    qualified_by_id = fields.Many2one(
        "res.users", string="Qualified by", readonly=True, copy=False
    )
    qualified_on = fields.Datetime(readonly=True, copy=False)
    blocked_reason = fields.Text(readonly=True, copy=False, tracking=True)
    business_licence_ids = fields.Many2many(
        "ir.attachment",
        "res_partner_ow_licence_rel",
        "partner_id",
        "attachment_id",
        string="Business licence",
        help="The customer's business licence, needed to qualify the customer "
        "(unless switched off in Settings).",
    )
    credit_record_ids = fields.Many2many(
        "ir.attachment",
        "res_partner_ow_credit_rel",
        "partner_id",
        "attachment_id",
        string="Credit record",
        help="The customer's credit record, needed to qualify the customer (unless "
        "switched off in Settings).",
    )

    ow_is_qualifier = fields.Boolean(
        compute="_compute_ow_is_qualifier",
        help="Technical: the current user may change the customer file.",
    )

    @api.depends_context("uid")
    def _compute_ow_is_qualifier(self):
        self.ow_is_qualifier = self._ow_is_qualifier()

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + [
            "credit_class",
            "customer_code",
            "deposit_percent",
            "qualification_state",
            "qualified_by_id",
            "qualified_on",
            "blocked_reason",
        ]

    @api.depends("credit_class", "company_id")
    def _compute_deposit_percent(self):
        for partner in self:
            company = partner.company_id or self.env.company
            partner.deposit_percent = company._order_workflow_deposit_for_class(
                partner.credit_class
            )

    # -- who may change the customer file --------------------------------------------
    def _ow_is_qualifier(self):
        user = self.env.user
        return self.env.su or any(user.has_group(g) for g in QUALIFIER_GROUPS)

    def _ow_check_qualifier(self):
        if not self._ow_is_qualifier():
            raise AccessError(
                _(
                    "Only a Sales Manager, Sales Director or General Manager can "
                    "qualify or block customers or change their credit class or "
                    "deposit."
                )
            )

    # -- the guard (guard.py) ---------------------------------------------------------
    def _ow_guard_exempt(self, vals):
        """Odoo copies the company's commercial fields (ours included) to its
        contacts, at creation and when they change: values equal to the company's are
        not a change by hand."""
        rules = self._ow_guard_rules()
        names = [n for n in vals if n in rules and n not in ("parent_id", "is_company")]
        if not names:
            return False
        companies = (
            self.browse(vals.get("parent_id")).commercial_partner_id
            if not self
            else self.commercial_partner_id
        )
        if not companies or (self and any(p == p.commercial_partner_id for p in self)):
            return False
        return all(
            company._convert_to_write({n: company[n] for n in names})
            == {n: vals[n] for n in names}
            for company in companies
        )

    def _ow_guard_default(self, name, vals):
        if name == "deposit_percent":  # follows the credit class
            company = self.env["res.company"].browse(vals.get("company_id"))
            return (company or self.env.company)._order_workflow_deposit_for_class(
                vals.get("credit_class") or self._ow_guard_default("credit_class", vals)
            )
        return super()._ow_guard_default(name, vals)

    def _ow_guard_reparented(self, vals, creating):
        """Partners that a new parent (or becoming a company) would move to another
        customer file: a blocked customer under a qualified company is not
        qualified by that."""
        if creating:
            return False
        moved = self.browse()
        parent = self.browse(vals.get("parent_id"))
        for partner in self:
            is_company = vals.get("is_company", partner.is_company)
            new_parent = parent if "parent_id" in vals else partner.parent_id
            target = (
                partner
                if is_company or not new_parent
                else new_parent.commercial_partner_id
            )
            current = partner.commercial_partner_id
            if target != current and any(
                target[f] != current[f] for f in GUARDED_FIELDS
            ):
                moved |= partner
        return moved

    def write(self, vals):
        if (
            vals.get("qualification_state") == "qualified"
            and not is_internal(ACTION)
            and not self.env.su
            and not self._ow_guard_exempt(vals)
        ):
            # qualified by hand in the form, by a qualifier: recorded as by the action
            self._ow_check_guard([vals])
            with internal(ACTION):
                return super().write(
                    dict(
                        vals,
                        qualified_by_id=self.env.uid,
                        qualified_on=fields.Datetime.now(),
                    )
                )
        return super().write(vals)

    # -- customer code ---------------------------------------------------------------
    @api.constrains("customer_code", "company_id")
    def _check_customer_code(self):
        own = self.filtered(lambda p: p.customer_code and p == p.commercial_partner_id)
        for partner in own:
            if not re.fullmatch(r"\d{3,}", partner.customer_code):
                raise ValidationError(
                    _(
                        "Customer code %(code)s of %(partner)s is not valid: use three "
                        "digits or more.",
                        code=partner.customer_code,
                        partner=partner.display_name,
                    )
                )
        if not own:
            return
        others = self.with_context(active_test=False).search(
            [
                ("customer_code", "in", own.mapped("customer_code")),
                ("id", "not in", own.ids),
            ]
        )
        for other in others.filtered(lambda p: p == p.commercial_partner_id):
            twin = own.filtered(
                lambda p, o=other: p.customer_code == o.customer_code
                and p.company_id == o.company_id
            )
            if twin:
                raise ValidationError(
                    _(
                        "Customer code %(code)s is already used by %(other)s.",
                        code=other.customer_code,
                        other=other.display_name,
                    )
                )

    def _ow_ensure_customer_code(self):
        """Give a code to the commercial partners of ``self`` that have none."""
        partners = self.commercial_partner_id.filtered(lambda p: not p.customer_code)
        if not partners:
            return
        sequence = self.env["ir.sequence"].sudo()
        taken_domain = [("customer_code", "!=", False)]
        for partner in partners:
            code = sequence.next_by_code("order_workflow.customer_code")
            while (
                self.sudo()
                .with_context(active_test=False)
                .search_count(taken_domain + [("customer_code", "=", code)], limit=1)
            ):
                code = sequence.next_by_code("order_workflow.customer_code")
            partner.sudo().customer_code = code

    # -- qualification ---------------------------------------------------------------
    @workflow_action
    def action_qualify(self):
        """File the customer as qualified (sales manager and above)."""
        self._ow_check_qualifier()
        partners = self.commercial_partner_id
        if any(p.qualification_state == "qualified" for p in partners):
            raise UserError(
                _(
                    "%(partners)s already qualified.",
                    partners=", ".join(
                        partners.filtered(
                            lambda p: p.qualification_state == "qualified"
                        ).mapped("display_name")
                    ),
                )
            )
        partners._ow_ensure_customer_code()
        partners.write(
            {
                "qualification_state": "qualified",
                "qualified_by_id": self.env.uid,
                "qualified_on": fields.Datetime.now(),
                "blocked_reason": False,
            }
        )
        partners._ow_note(
            _("Customer qualified by %(user)s.", user=self.env.user.name),
        )
        return True

    @workflow_action
    def action_block(self, reason):
        """Block the customer: no new workflow orders (sales manager and above)."""
        self._ow_check_qualifier()
        if not self._ow_text(reason):
            raise UserError(_("Give the reason for blocking the customer."))
        partners = self.commercial_partner_id
        partners.write({"qualification_state": "blocked", "blocked_reason": reason})
        partners._ow_note(
            _(
                "Customer blocked by %(user)s: %(reason)s",
                user=self.env.user.name,
                reason=reason,
            ),
        )
        return True

    def action_open_block_wizard(self):
        self._ow_check_qualifier()
        return self.env["order_workflow.reason.wizard"]._open(
            self.commercial_partner_id, "action_block", _("Block customer")
        )
