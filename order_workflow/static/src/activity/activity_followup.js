/** @odoo-module **/
// Done on the follow-up call activity opens the Satisfaction Follow-up Form (the
// order's action_open_followup_wizard): recording its scores completes the call.
import {Activity} from "@mail/core/web/activity";
import {patch} from "@web/core/utils/patch";

patch(Activity.prototype, {
    async onClickMarkAsDone(ev) {
        if (this.props.activity.activity_category !== "ow_followup") {
            return super.onClickMarkAsDone(...arguments);
        }
        const {res_model, res_id} = this.props.activity;
        const action = await this.owOrm.call(res_model, "action_open_followup_wizard", [
            [res_id],
        ]);
        await this.owAction.doAction(action, {
            onClose: () => this.props.reloadParentView(),
        });
    },
});
