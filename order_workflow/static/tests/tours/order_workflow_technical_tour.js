/** @odoo-module **/
// Issue 4: the technical reviewer finds the review waiting for them and assesses it.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("order_workflow_technical_tour", {
    steps: () => [
        {
            content: "The review waiting for me is listed",
            trigger: ".o_list_view .o_data_row td:contains('round 1')",
            run: "click",
        },
        {
            content: "Assess: feasible",
            trigger: ".o_form_view button[name=action_open_assess_feasible]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Standard tooling, 3 extra days.",
        },
        {
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The assessment is recorded, signed by the reviewer",
            trigger: ".o_form_view .o_field_widget[name=assessed_by_id]:contains('Liu')",
        },
    ],
});
