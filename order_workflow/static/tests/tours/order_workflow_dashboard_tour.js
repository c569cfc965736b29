/** @odoo-module **/
// A sales manager opens the Order Workflow dashboard: it loads, with its figures.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("order_workflow_dashboard_tour", {
    steps: () => [
        {
            content: "Open the Order Workflow dashboard",
            trigger: ".o_search_panel_category_value[data-name='Order Workflow']",
            run: "click",
        },
        {
            content: "It is the one shown",
            trigger: ".o_search_panel_category_value.active[data-name='Order Workflow']",
        },
        {
            content: "The spreadsheet loaded, not the error message",
            trigger: ".o_renderer .o-spreadsheet",
        },
        {
            content: "The headline figures are drawn",
            trigger: ".o-spreadsheet canvas.o-scorecard[title='Orders']",
        },
        {
            content: "The on-time rate too",
            trigger: ".o-spreadsheet canvas.o-scorecard[title='On-time rate (%)']",
        },
    ],
});
