# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one guard: what only the workflow itself may write, in a way no caller can fake.

An RPC caller sends any context it likes, so a context key can't tell the workflow's
own writes from a user's. The flags here live in a ``ContextVar`` that only server code
sets, for the duration of a ``with internal(...)`` block:

- ``ACTION``: inside one of the workflow's actions (``@workflow_action``), or inside
  one of Odoo's own methods the workflow lets through (confirm, cancel, set to
  quotation). Guarded fields are written only then, or as superuser.
- ``NO_RESTART``: a behaviour, not a pass: the workflow's own bookkeeping (down-payment
  lines, resetting a cancelled order) does not restart the approval.
- ``SUBSCRIBED``: a behaviour, not a pass: activities created in a batch whose
  assignees the workflow already subscribed in one go (mail_activity.py).
- ``SENDING``: the outbox is sending now (outbox.py): what it sends is not queued
  again.
- ``QC_TRIGGERS``: MOs of workflow orders are being posted: OCA's look-up of the QC
  triggers runs as the system (qc_trigger_line.py).

Which fields are guarded is declared once per model (``order_workflow.guarded``):
every stored readonly field that order_workflow adds (readonly: the workflow sets it),
plus the model's ``_ow_guarded_fields`` (Odoo's own fields, and fields that a role may
also set by hand). ``create``, ``write``, ``copy`` and ``load`` all go through
``create``/``write``, so all of them are checked here, in one way.
"""

import contextvars
import functools
from contextlib import contextmanager
from types import MappingProxyType
from typing import NamedTuple

from odoo import _, api, models, tools
from odoo.exceptions import AccessError

ACTION = "action"
NO_RESTART = "no_restart"
SUBSCRIBED = "subscribed"
SENDING = "sending"
QC_TRIGGERS = "qc_triggers"

_FLAGS = contextvars.ContextVar("order_workflow_flags", default=frozenset())
# fixed at creation, with its own message (sale_order.py)
UNGUARDED = {"use_order_workflow"}


@contextmanager
def internal(*flags):
    token = _FLAGS.set(_FLAGS.get() | frozenset(flags))
    try:
        yield
    finally:
        _FLAGS.reset(token)


def is_internal(flag):
    return flag in _FLAGS.get()


def workflow_action(method):
    """Decorate a public method of the workflow: it may set the guarded fields, and
    when the outermost action ends, the orders it touched follow their stage
    (``sale.order._ow_follow_stage``: the side effects of reaching a stage)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if is_internal(ACTION):
            return method(self, *args, **kwargs)
        with internal(ACTION):
            res = method(self, *args, **kwargs)
            self._ow_stage_orders()._ow_follow_stage()
        return res

    return wrapper


class Rule(NamedTuple):
    """How a guarded field is guarded.

    - ``groups``: roles (xml ids) that may also set it by hand; none: only the
      workflow.
    - ``scope``: name of a method ``(vals, creating)`` saying which records the rule
      applies to (on write: the subset of the records; on create: true or false);
      none: every record.
    - ``on_create``: False when the field is given freely at creation and fixed after.
    """

    groups: tuple = ()
    scope: str = None
    on_create: bool = True


WORKFLOW_ONLY = Rule()


class OrderWorkflowGuarded(models.AbstractModel):
    _name = "order_workflow.guarded"
    _description = "Order workflow: fields only the workflow sets"

    # field name (or "*" for every field) -> Rule; see the module's docstring
    _ow_guarded_fields = {}

    @api.model
    @tools.ormcache()
    def _ow_guard_rules(self):
        """The model's guarded fields and their rules (cached per registry)."""
        rules = {
            name: WORKFLOW_ONLY
            for name, field in self._fields.items()
            if field._module == "order_workflow"
            and field.store
            and field.readonly
            and name not in UNGUARDED
        }
        rules.update(self._ow_guarded_fields)
        return MappingProxyType(rules)

    def _ow_guard_exempt(self, vals):
        """Hook: writes that only mirror a value the workflow already set."""
        return False

    def _ow_guard_default(self, name, vals):
        """The value a new record gets anyway: giving it is not setting it by hand."""
        field = self._fields.get(name)
        if not field or not field.default:
            return False
        return field.convert_to_write(
            field.convert_to_cache(field.default(self), self), self
        )

    def _ow_guard_changing(self, name, value):
        """The records whose ``name`` ``value`` really changes."""
        field = self._fields.get(name)
        if not field or field.type in ("one2many", "many2many"):
            return self
        return self.filtered(lambda r: field.convert_to_write(r[name], r) != value)

    def _ow_check_guard(self, vals_list, creating=False):
        """Refuse a create or write that sets guarded fields by hand."""
        if self.env.su or is_internal(ACTION):
            return
        rules = self._ow_guard_rules()
        anything = rules.get("*")
        refused = {}
        for vals in vals_list:
            if self._ow_guard_exempt(vals):
                continue
            for name, value in vals.items():
                rule = rules.get(name) or anything
                if not rule or name in refused:
                    continue
                if creating and (
                    not rule.on_create or value == self._ow_guard_default(name, vals)
                ):
                    continue
                if rule.groups and any(self.env.user.has_group(g) for g in rule.groups):
                    continue
                scope = getattr(self, rule.scope) if rule.scope else None
                if creating:
                    hit = scope(vals, True) if scope else True
                else:
                    records = scope(vals, False) if scope else self
                    hit = records._ow_guard_changing(name, value)
                if hit:
                    refused[name] = rule
        if refused:
            self._ow_refuse_guarded(refused)

    def _ow_refuse_guarded(self, refused):
        labels = ", ".join(
            self._fields[name].string if name in self._fields else name
            for name in sorted(refused)
        )
        groups = sorted({g for rule in refused.values() for g in rule.groups})
        if groups:
            raise AccessError(
                _(
                    "Only %(roles)s (or the order workflow's actions) can set these "
                    "fields of %(model)s by hand: %(fields)s.",
                    roles=", ".join(self.env.ref(g).sudo().name for g in groups),
                    model=self._description,
                    fields=labels,
                )
            )
        raise AccessError(
            _(
                "Only the order workflow's actions set these fields of %(model)s, "
                "not a write by hand: %(fields)s.",
                fields=labels,
                model=self._description,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._ow_check_guard(vals_list, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        self._ow_check_guard([vals])
        return super().write(vals)
