/** @odoo-module **/
// Copyright 2026 order_workflow contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// One order from intake to closed: one short tour per role, run in sequence by
// tests/test_lifecycle_tour.py (the customer signs on the portal in between).
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function stage(label) {
    return {
        content: `The order is now in ${label}`,
        trigger: `.o_field_widget[name=workflow_stage] .badge:contains('${label}')`,
    };
}

function clickButton(name) {
    return { trigger: `.o_form_view .o_form_statusbar button[name=${name}]`, run: "click" };
}

function reasonWizard(text) {
    return [
        { trigger: ".modal .o_field_widget[name=reason] textarea", run: `edit ${text}` },
        { trigger: ".modal button[name=action_confirm]", run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ];
}

tours.add("order_workflow_lifecycle_clerk_review", {
    steps: () => [stage("Intake"), clickButton("action_review_pass"), stage("Price review")],
});

tours.add("order_workflow_lifecycle_finance_prices", {
    steps: () => [stage("Price review"), clickButton("action_price_approve"), stage("Approval")],
});

tours.add("order_workflow_lifecycle_clerk_send", {
    steps: () => [
        stage("Customer confirmation"),
        clickButton("action_send_for_confirmation"),
        { trigger: ".o_form_statusbar button[name=action_open_register_confirmation_wizard]" },
    ],
});

tours.add("order_workflow_lifecycle_clerk_verify", {
    steps: () => [
        clickButton("action_verify_confirmation"),
        { content: "Confirm the checklist", trigger: ".modal-footer .btn-primary", run: "click" },
        stage("Deposit"),
    ],
});

tours.add("order_workflow_lifecycle_finance_waive", {
    steps: () => [
        stage("Deposit"),
        clickButton("action_open_waive_deposit_wizard"),
        ...reasonWizard("Long-standing customer; the GM agreed"),
        stage("Production"),
    ],
});

tours.add("order_workflow_lifecycle_production", {
    steps: () => [
        clickButton("action_acknowledge_instruction"),
        { trigger: ".o_form_statusbar:not(:has(button[name=action_acknowledge_instruction]))" },
        { content: "Produce all", trigger: ".o_form_statusbar button[name=button_mark_done]", run: "click" },
        { content: "The MO is done", trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')" },
    ],
});

tours.add("order_workflow_lifecycle_clerk_request", {
    steps: () => [
        stage("Ready to ship"),
        clickButton("action_issue_shipping_request"),
        { trigger: ".o_form_statusbar:not(:has(button[name=action_issue_shipping_request]))" },
    ],
});

tours.add("order_workflow_lifecycle_shipping", {
    steps: () => [
        { content: "Validate the delivery", trigger: ".o_form_statusbar button[name=button_validate]", run: "click" },
        { trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')" },
        clickButton("action_open_receipt_wizard"),
        { trigger: ".modal .o_field_widget[name=signed_by] input", run: "edit Zhou Min" },
        { trigger: ".modal button[name=action_register]", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: ".o_form_statusbar:not(:has(button[name=action_open_receipt_wizard]))" },
    ],
});

tours.add("order_workflow_lifecycle_followup", {
    steps: () => [
        stage("Delivered"),
        { content: "The follow-up call", trigger: ".o-mail-Activity:contains('satisfaction follow-up') .o-mail-Activity-markDone", run: "click" },
        {
            content: "Done opens the Satisfaction Follow-up Form: the service scored 4",
            trigger: ".modal .o_field_widget[name='service_score'] input[data-value='4']",
            run: "click",
        },
        { trigger: ".modal .o_field_widget[name='note'] textarea", run: "edit Very satisfied, reorder in spring" },
        { trigger: ".modal button[name='action_record']", run: "click" },
        {
            content: "The call is done (the test checks the order is closed)",
            trigger: ".o-mail-Chatter:not(:has(.o-mail-Activity:contains('satisfaction follow-up')))",
        },
    ],
});
