/** @odoo-module **/
// Issue 5: the sales manager approves from the approval activity in the chatter.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("order_workflow_approval_tour", {
    steps: () => [
        {
            content: "The order waits in Approval",
            trigger: ".o_field_widget[name=workflow_stage] .badge:contains('Approval')",
        },
        {
            content: "The approval activity in the chatter offers Approve",
            trigger: ".o-mail-Activity .o-ow-approve",
            run: "click",
        },
        {
            content: "The manager's approval is in the history",
            trigger: ".o-mail-Message:contains('approved by')",
        },
    ],
});
