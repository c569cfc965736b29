/** @odoo-module **/
// Approve and Reject on an approval activity in the chatter: they call the order's
// action_approve() / action_reject(reason) as the current user (the server checks that
// it is their turn), then reload the order.
import {Activity} from "@mail/core/web/activity";
import {patch} from "@web/core/utils/patch";
import {useService} from "@web/core/utils/hooks";

patch(Activity.prototype, {
    setup() {
        super.setup(...arguments);
        this.owOrm = useService("orm");
        this.owAction = useService("action");
    },
    get isOrderWorkflowApproval() {
        return this.props.activity.activity_category === "ow_approval";
    },
    async onClickOrderWorkflowApprove() {
        const {res_model, res_id} = this.props.activity;
        await this.owOrm.call(res_model, "action_approve", [[res_id]]);
        this.props.reloadParentView();
    },
    async onClickOrderWorkflowReject() {
        const {res_model, res_id} = this.props.activity;
        const action = await this.owOrm.call(res_model, "action_open_approval_reject_wizard", [
            [res_id],
        ]);
        await this.owAction.doAction(action, {
            onClose: () => this.props.reloadParentView(),
        });
    },
});
