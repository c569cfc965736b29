# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the order form's header shows to a user, read as the web client reads it: the
form view for the user (its ``groups`` applied), each button's ``invisible`` and its
parents' evaluated with the order's values as the user reads them."""

from lxml import etree

from odoo.tools.safe_eval import safe_eval

PRIMARY = ("btn-primary", "oe_highlight")
# The demo order waiting in each stage (models/sale_order_demo.py), by customer PO.
DEMO_ORDERS = {
    "intake": "FT-2026-001",
    "info_needed": "EC-7701",
    "technical_review": "EC-7702",
    "price_review": "GT-3301",
    "approval": "GT-3302",
    "customer_confirmation": "EC-7703",
    "deposit": "XC-101",
    "production": "EC-7704",
    "quality": "EC-7705",
    "payment_hold": "GT-3303",
    "ready": "EC-7706",
    "shipped": "EC-7707",
    "delivered": "EC-7708",
    "collection": "EC-7709",
    "closed": "EC-7712",
    "rejected": "EC-7710",
    "cancelled": "EC-7711",
}


def _value(record, name):
    value = record[name]
    field = record._fields[name]
    if field.type == "many2one":
        return value.id
    if field.type in ("one2many", "many2many"):
        return value.ids
    if field.type in ("date", "datetime") and value:
        return str(value)
    return value


def form_buttons(order, user, xpath="/form/header//button"):
    """[(button node, visible)] of the order's form for ``user``."""
    Order = order.env["sale.order"].with_user(user)
    view = Order.get_view(order.env.ref("sale.view_order_form").id, "form")
    doc = etree.fromstring(view["arch"])
    names = set(view["models"]["sale.order"])
    record = order.with_user(user).sudo()  # the user's uid: can_review is theirs
    values = {name: _value(record, name) for name in names}
    values.update(id=order.id, uid=user.id, context={}, parent={})
    result = []
    for node in doc.xpath(xpath):
        hidden = any(
            safe_eval(element.get("invisible"), values)
            for element in [node, *node.iterancestors()]
            if element.get("invisible") not in (None, "0", "False")
        )
        result.append((node, not hidden))
    return result


def visible_buttons(order, user, xpath="/form/header//button"):
    return [node for node, visible in form_buttons(order, user, xpath) if visible]


def is_primary(node):
    return any(cls in (node.get("class") or "").split() for cls in PRIMARY)
