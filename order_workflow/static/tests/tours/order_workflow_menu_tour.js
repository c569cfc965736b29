/** @odoo-module **/
// A clerk opens the Order Workflow app, finds the stage kanban, and creates a quotation.
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("order_workflow_menu_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Order Workflow app",
            trigger: '.o_app[data-menu-xmlid="order_workflow.menu_order_workflow_root"]',
            run: "click",
        },
        {
            content: "The orders are grouped by stage, starting with Intake",
            trigger: ".o_kanban_view .o_kanban_group .o_column_title:contains('Intake')",
        },
        {
            content: "Create a quotation",
            trigger: ".o_control_panel_main_buttons .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Choose the customer",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input",
            run: "edit Tour Customer",
        },
        {
            trigger: ".ui-autocomplete .dropdown-item:contains('Tour Customer')",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The saved quotation is in Intake",
            trigger:
                ".o_form_saved .o_field_widget[name=workflow_stage] .badge:contains('Intake')",
        },
    ],
});
