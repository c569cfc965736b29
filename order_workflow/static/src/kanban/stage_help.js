/** @odoo-module **/
// Copyright 2026 order_workflow contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// The stage columns of the order kanban say what their orders wait for.
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { KanbanHeader } from "@web/views/kanban/kanban_header";

const STAGE_HELP = {
    intake: _t("Waits for the preliminary review by the order clerk."),
    info_needed: _t("Waits for the customer's missing information (2 hours)."),
    technical_review: _t("Waits for the technical and purchasing sign-off of non-standard lines."),
    price_review: _t("Waits for finance to approve prices that deviate from the price list."),
    approval: _t("Waits for the approval tiers by amount: manager, director, general manager."),
    customer_confirmation: _t("Waits for the customer's signed order confirmation, checked by the clerk."),
    deposit: _t("Waits for the deposit: production starts when finance sees it paid or waives it."),
    production: _t("Waits for the manufacturing orders to be produced."),
    quality: _t("Waits for the QC inspection of the finished goods."),
    payment_hold: _t("Waits for the balance of a class B/C customer, or finance's release on credit."),
    ready: _t("Waits for the shipping request and the delivery."),
    shipped: _t("Waits for the customer's signed delivery receipt."),
    delivered: _t("Waits for the follow-up call, due 3 working days after delivery."),
    collection: _t("Waits for the customer to pay every invoice: the sale ends when 100 % is paid."),
    closed: _t("Done."),
    rejected: _t("Rejected in review, or not feasible and declined."),
    cancelled: _t("Cancelled."),
};

patch(KanbanHeader.prototype, {
    get owStageHelp() {
        const list = this.props.list;
        if (
            list.resModel === "sale.order" &&
            this.group.groupByField?.name === "workflow_stage"
        ) {
            return STAGE_HELP[this.group.value] || "";
        }
        return "";
    },
});
