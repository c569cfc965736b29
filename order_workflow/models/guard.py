# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What only the workflow itself may do, in a way no caller can fake.

An RPC caller sends any context it likes, so a context key can't tell the workflow's
own writes from a user's. The flags here live in a ``ContextVar`` that only server
code sets, for the duration of a ``with internal(...)`` block:

- ``ACTION``: inside one of the workflow's actions (``@workflow_action``). The fields
  the workflow sets (the readonly fields the module adds to a model: states, who and
  when, reasons) are written only then, or as superuser; a plain ``write`` or
  ``create`` that touches them is refused, from any caller.
- the other flags say which internal step is running (lifting the deposit hold,
  moving the promised date after the clock started, deciding a tier review…).
"""

import contextvars
import functools
from contextlib import contextmanager

from odoo.exceptions import AccessError

ACTION = "action"
DEPOSIT_HOLD = "deposit_hold"
CLOCK = "clock"
QUALIFYING = "qualifying"
NO_RESTART = "no_restart"
TIER = "tier"
SIGNING = "signing"

_FLAGS = contextvars.ContextVar("order_workflow_flags", default=frozenset())
_PROTECTED = {}
UNGUARDED = {"use_order_workflow"}  # fixed at creation, with its own message


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
    """Decorate a public method of the workflow: it may set the workflow's fields."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with internal(ACTION):
            return method(self, *args, **kwargs)

    return wrapper


def protected_fields(model):
    """Stored readonly fields the module adds to ``model``."""
    key = (id(model.pool), model._name)
    if key not in _PROTECTED:
        _PROTECTED[key] = frozenset(
            name
            for name, field in model._fields.items()
            if field._module == "order_workflow"
            and field.store
            and field.readonly
            and name not in UNGUARDED
        )
    return _PROTECTED[key]


def check_protected(model, vals_list):
    """Refuse a write or create that sets the workflow's fields by hand."""
    if model.env.su or is_internal(ACTION):
        return
    protected = protected_fields(model)
    touched = sorted({name for vals in vals_list for name in vals if name in protected})
    if touched:
        raise AccessError(
            model.env._(
                "Only the order workflow's actions set these fields of %(model)s, "
                "not a write by hand: %(fields)s.",
                fields=", ".join(model._fields[name].string for name in touched),
                model=model._description,
            )
        )
