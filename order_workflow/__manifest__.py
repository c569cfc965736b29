# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Order Workflow",
    "summary": "Make-to-order process: review, approvals, confirmation, deposit, "
    "production, QC, payment before shipping, delivery receipt, after-sales",
    "version": "18.0.1.0.0",
    "category": "Order Workflow",
    "website": "https://github.com/order-workflow/order_workflow",
    "author": "order_workflow contributors",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "sale_management",
        "sale_stock",
        "sale_mrp",
        "mrp",
        "stock",
        "account",
        "sale_tier_validation",
        "sale_stock_picking_blocking",
        "mrp_sale_info",
        "quality_control_mrp_oca",
    ],
    "data": [
        "security/order_workflow_groups.xml",
        "security/ir.model.access.csv",
        "security/order_workflow_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/tier_definition_data.xml",
        "views/reason_wizard_views.xml",
        "views/review_check_views.xml",
        "views/technical_review_views.xml",
        "views/product_template_views.xml",
        "reports/technical_review_report.xml",
        "views/sale_order_views.xml",
        "views/sale_order_approval_views.xml",
        "views/crm_team_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "order_workflow/static/src/**/*",
        ],
        "web.assets_tests": [
            "order_workflow/static/tests/tours/**/*",
        ],
    },
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
}
