/** @odoo-module **/
// Copyright 2026 order_workflow contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// One quality complaint from the order to closed, one short tour per role, run in
// sequence by tests/test_complaint_tour.py (which closes the 8D in between).
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function clickButton(name) {
    return { trigger: `.o_form_view .o_form_statusbar button[name=${name}]`, run: "click" };
}

function complaintStatus(label) {
    return {
        content: `The complaint is now ${label}`,
        trigger: `.o_form_view .o_field_widget[name=complaint_state]:contains('${label}')`,
    };
}

function confirmDialog(note) {
    return [
        { trigger: ".modal .o_field_widget[name=note] textarea", run: `edit ${note}` },
        { trigger: ".modal button[name=action_confirm]", run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ];
}

tours.add("order_workflow_complaint_clerk", {
    steps: () => [
        clickButton("action_register_complaint_dialog"),
        {
            trigger: ".modal .o_field_widget[name=category] select",
            run: 'select "quality"',
        },
        ...confirmDialog("Scratches on every housing").slice(0, 2),
        complaintStatus("Registered"),
        {
            content: "The complaint is on the order",
            trigger: ".o_form_view .o_field_widget[name=sale_order_id] .o_form_uri",
        },
        clickButton("action_first_response_dialog"),
        ...confirmDialog("We received your complaint and will inspect the units"),
        complaintStatus("Responded"),
        {
            content: "The clock stopped",
            trigger: ".o_form_view .o_field_widget[name=first_response_on]:not(:empty)",
        },
    ],
});

tours.add("order_workflow_complaint_assess", {
    steps: () => [
        complaintStatus("Responded"),
        clickButton("action_assess_dialog"),
        {
            trigger: ".modal .o_field_widget[name=valid] input[data-value=valid]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=department] select",
            run: 'select "production"',
        },
        ...confirmDialog("Confirmed on the returned samples"),
        complaintStatus("Assessed"),
        clickButton("action_open_8d"),
        {
            content: "The 8D report is linked",
            trigger: ".o_form_view button[name=action_view_8d]",
        },
    ],
});

tours.add("order_workflow_complaint_resolve", {
    steps: () => [
        complaintStatus("Assessed"),
        clickButton("action_resolve_dialog"),
        {
            trigger: ".modal .o_field_widget[name=resolution] input[data-value=repair]",
            run: "click",
        },
        ...confirmDialog("Reworked at the customer's site"),
        complaintStatus("Closed"),
        {
            content: "The ticket's stage is Done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});
