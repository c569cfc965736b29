from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSmoke(TransactionCase):
    def test_stage(self):
        order = self.env["sale.order"].create({"partner_id": self.env.ref("base.res_partner_2").id})
        self.assertEqual(order.workflow_stage, "intake")
