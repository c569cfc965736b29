/** @odoo-module **/
// Copyright 2026 order_workflow contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// Issue 16: the order form's header shows what this user may do now: one primary
// button for the role that acts, none the server refuses, one way to approve.
// Run by tests/test_header_tour.py, one tour per role.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const BUTTONS = ".o_form_view .o_form_statusbar .o_statusbar_buttons button";
// Odoo's and OCA's buttons a workflow order in Approval must not offer
const REFUSED = ["Send by Email", "Confirm", "Preview", "Request Validation", "Restart Validation"];

function labels(selector) {
    return [...document.querySelectorAll(selector)].map((b) => b.textContent.trim());
}

function header(primary, refused = []) {
    return {
        content: primary ? `The one primary button is ${primary}` : "No primary button",
        trigger: primary
            ? `${BUTTONS}.btn-primary:contains('${primary}')`
            : ".o_form_view .o_form_statusbar",
        run() {
            const primaries = labels(`${BUTTONS}.btn-primary`);
            const expected = primary ? [primary] : [];
            if (JSON.stringify(primaries) !== JSON.stringify(expected)) {
                throw new Error(`primary buttons: ${primaries.join(", ") || "none"}`);
            }
            const shown = labels(BUTTONS).filter((label) => refused.includes(label));
            if (shown.length) {
                throw new Error(`refused buttons shown: ${shown.join(", ")}`);
            }
            if (document.querySelector(".o_form_view button[name=validate_tier]")) {
                throw new Error("OCA's Validate is a second way to approve");
            }
        },
    };
}

function stage(label) {
    return {
        content: `The order is in ${label}`,
        trigger: `.o_field_widget[name=workflow_stage] .badge:contains('${label}')`,
    };
}

tours.add("order_workflow_header_clerk", {
    steps: () => [stage("Approval"), header(null, REFUSED)],
});

tours.add("order_workflow_header_manager", {
    steps: () => [
        stage("Approval"),
        header("Approve", REFUSED),
        { trigger: `${BUTTONS}[name=action_approve]`, run: "click" },
        stage("Customer confirmation"),
        // a sales manager is an order clerk too: the next step is theirs as well
        header("Send for confirmation", ["Send by Email", "Confirm"]),
    ],
});

tours.add("order_workflow_header_finance", {
    steps: () => [
        stage("Deposit"),
        header("Deposit invoice", ["Confirm", "Request Validation"]),
        {
            content: "The deposit still due shows next to the stage",
            trigger: ".o_form_view span[name=ow_deposit_due_badge]:contains('Deposit due')",
        },
    ],
});
