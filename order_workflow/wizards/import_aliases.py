# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The header labels the Excel imports recognise, per column (data, not logic)."""

# Every column an import can read, with the header labels recognised for it (as
# ``excel_reader.header_keys`` normalises them). Each import uses a subset.
COLUMN_ALIASES = {
    "product_code": [
        "产品编号",
        "产品编码",
        "产品代码",
        "编号",
        "编码",
        "货号",
        "料号",
        "品号",
        "物料编码",
        "物料编号",
        "客户料号",
        "productcode",
        "code",
        "itemcode",
        "itemno",
        "partno",
        "partnumber",
        "reference",
        "internalreference",
        "sku",
    ],
    "barcode": ["条码", "条形码", "barcode", "ean", "ean13"],
    "product_name": [
        "产品名称",
        "产品",
        "品名",
        "名称",
        "商品名称",
        "product",
        "productname",
        "description",
        "item",
    ],
    "specification": ["规格型号", "规格", "型号", "specification", "spec", "model"],
    "quantity": ["数量", "订货数量", "订购数量", "订单数量", "quantity", "qty"],
    "unit": ["单位", "unit", "uom"],
    "price_unit": ["单价", "含税单价", "unitprice", "price"],
    "delivery_date": [
        "交货日期",
        "交期",
        "交货期",
        "要求交期",
        "deliverydate",
        "requireddate",
        "requesteddate",
        "duedate",
    ],
    "remarks": ["备注", "说明", "remarks", "remark", "note", "notes", "comment"],
    "special": [
        "定制要求",
        "特殊要求",
        "非标要求",
        "specialrequirements",
        "specialrequirement",
        "customrequirements",
    ],
    "customer": ["客户", "客户编号", "客户名称", "customer", "customercode"],
    "customer_class": ["客户类别", "客户等级", "信用等级", "customerclass", "class"],
    "min_quantity": [
        "最小数量",
        "起订量",
        "最低数量",
        "minimumquantity",
        "minquantity",
        "minqty",
        "moq",
    ],
    "currency": ["币种", "货币", "币别", "currency"],
    "date_start": [
        "生效日期",
        "开始日期",
        "起始日期",
        "validfrom",
        "startdate",
        "from",
    ],
    "date_end": [
        "截止日期",
        "失效日期",
        "结束日期",
        "validto",
        "enddate",
        "to",
        "until",
    ],
}
ALIAS_TO_TARGET = {
    alias: target for target, aliases in COLUMN_ALIASES.items() for alias in aliases
}

# Labels in the title and address rows above the header (label: value, or the value
# in a cell to the right).
PO_LABELS = {
    "客户订单号",
    "订单号",
    "订单编号",
    "采购单号",
    "采购订单号",
    "合同号",
    "po",
    "pono",
    "ponumber",
    "customerpo",
    "purchaseorder",
    "purchaseorderno",
    "orderno",
    "ordernumber",
}
DATE_LABELS = {
    "交货日期",
    "交期",
    "要求交期",
    "要求交货日期",
    "requesteddate",
    "deliverydate",
    "requireddate",
}
