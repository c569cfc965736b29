/** @odoo-module **/
// Issue 3: a clerk takes an order for a brand-new customer, sees what the review finds
// missing, asks the customer (info needed); later records the answer and passes.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("order_workflow_intake_tour", {
    url: "/odoo/action-order_workflow.action_order_workflow_orders",
    steps: () => [
        {
            trigger: ".o_kanban_view .o_column_title:contains('Intake')",
        },
        {
            content: "New quotation",
            trigger: ".o_control_panel_main_buttons .o-kanban-button-new",
            run: "click",
        },
        {
            content: "A customer never seen before",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Brand New Tour Customer",
        },
        {
            content: "Create it on the fly",
            trigger: ".ui-autocomplete .o_m2o_dropdown_option_create a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input:value(Brand New Tour Customer)",
        },
        {
            content: "Add a product line",
            trigger: ".o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name=product_id] input, .o_selected_row .o_field_widget[name=product_template_id] input",
            run: "edit Tour Widget",
        },
        {
            trigger: ".ui-autocomplete a:contains('Tour Widget')",
            run: "click",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name=price_unit] input:value(50.00)",
        },
        {
            content: "First order: the checklist says the customer is not qualified yet",
            trigger: "[name=ow_review_alert]:contains('First order of this customer'):contains('not qualified yet'):contains('Requested date: missing')",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved with a workflow order number",
            trigger: ".o_breadcrumb .active:not(:contains('New'))",
        },
        {
            content: "Ask the customer for what is missing",
            trigger: "button[name=action_open_need_info_wizard]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Please send the delivery address, a phone number and the date you need.",
        },
        {
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The order now waits for the customer's information",
            trigger: ".o_field_widget[name=workflow_stage] .badge:contains('Info needed')",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});

registry.category("web_tour.tours").add("order_workflow_pass_review_tour", {
    steps: () => [
        {
            content: "Record the customer's answer",
            trigger: ".o_form_view button[name=action_open_customer_answer_wizard]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Address and phone sent by e-mail; needed by the end of next month.",
        },
        {
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Payment terms",
            trigger: ".o_field_widget[name=payment_term_id] input",
            run: "edit 30 Days",
        },
        {
            trigger: ".ui-autocomplete a:contains('30 Days')",
            run: "click",
        },
        {
            content: "Nothing is missing any more",
            trigger: ".o_form_view:not(:has([name=ow_review_alert]:visible))",
        },
        {
            content: "Pass the review",
            trigger: "button[name=action_review_pass]",
            run: "click",
        },
        {
            content: "The order moves on to the finance price review",
            trigger: ".o_field_widget[name=workflow_stage] .badge:contains('Price review')",
        },
    ],
});
