/** @odoo-module **/
// Copyright 2026 order_workflow contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// One quantity change from request to applied, one short tour per role, run in
// sequence by tests/test_change_request_tour.py.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function clickButton(name) {
    return { trigger: `.o_form_view .o_form_statusbar button[name=${name}]`, run: "click" };
}

function status(label) {
    return {
        content: `The request is now in ${label}`,
        trigger: `.o_statusbar_status button.o_arrow_button_current:contains('${label}')`,
    };
}

tours.add("order_workflow_change_request_clerk_submit", {
    steps: () => [
        status("Draft"),
        clickButton("action_submit"),
        status("Production review"),
    ],
});

tours.add("order_workflow_change_request_production", {
    steps: () => [
        status("Production review"),
        clickButton("action_open_production_approve_wizard"),
        { trigger: ".modal .o_field_widget[name=note] textarea", run: "edit Second shift" },
        { trigger: ".modal button[name=action_confirm]", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        status("Customer confirmation"),
    ],
});

tours.add("order_workflow_change_request_clerk_accept", {
    steps: () => [
        status("Customer confirmation"),
        clickButton("action_open_customer_accept_wizard"),
        {
            content: "Attach the customer's signed reply",
            trigger: ".modal .o_field_widget[name=reply_file] input[type=file]:not(:visible)",
            run() {
                const input = document.querySelector(
                    ".modal .o_field_widget[name=reply_file] input[type=file]"
                );
                const files = new DataTransfer();
                files.items.add(new File(["signed"], "reply.pdf", { type: "application/pdf" }));
                input.files = files.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        { content: "The reply is attached", trigger: ".modal .o_field_widget[name=reply_file] .o_clear_file_button" },
        { trigger: ".modal button[name=action_confirm]", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        status("Applied"),
    ],
});
