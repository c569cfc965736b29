# Copyright 2026 order_workflow contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo: orders waiting in every stage, pushed there by the demo users through the
workflow's own public methods (so the demo also proves the gates)."""

from datetime import timedelta

from odoo import Command, api, fields, models


def _demo_documents(partner):
    """The customer's business licence and credit record, which qualifying needs."""
    licence, record = partner.env["ir.attachment"].create(
        [
            {"name": f"{name} - {partner.name}.pdf", "raw": b"%PDF-1.4 demo scan"}
            for name in ("Business licence", "Credit record")
        ]
    )
    partner.write(
        {
            "business_licence_ids": [Command.set(licence.ids)],
            "credit_record_ids": [Command.set(record.ids)],
        }
    )


def _demo_inspected(order, inspector):
    """The inspector passes the inspections of the order's finished goods."""
    inspections = order.sudo().ow_production_ids.qc_inspections_ids
    for line in inspections.inspection_lines:
        line.qualitative_value = line.test_line.ql_values.filtered("ok")[:1]
    inspections.with_user(inspector).action_confirm()
    return order


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.model
    def _ow_demo_setup(self, users):
        """Qualified customers of class A, B and C with their documents, and the
        components in stock."""
        ref = self.env.ref
        customers = {
            key: ref(f"order_workflow.demo_customer_{key}") for key in ("a", "b", "c")
        }
        for key, credit_class in (("a", "A"), ("b", "B"), ("c", "C")):
            _demo_documents(customers[key])
            customers[key].with_user(users["manager"]).action_qualify()
            customers[key].with_user(users["manager"]).credit_class = credit_class
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        for component, qty in (
            (ref("order_workflow.demo_component_body"), 500),
            (ref("order_workflow.demo_component_seal"), 1000),
        ):
            self.env["stock.quant"]._update_available_quantity(
                component, warehouse.lot_stock_id, qty
            )
        return customers

    @api.model
    def _ow_demo_populate(self):
        ref = self.env.ref
        users = {
            role: ref(f"order_workflow.user_demo_{role}")
            for role in (
                "clerk manager finance production qc shipping service tech purchase"
            ).split()
        }
        clerk = users["clerk"]
        customers = self._ow_demo_setup(users)
        valve = ref("order_workflow.demo_product_valve")
        pump = ref("order_workflow.demo_product_pump")
        custom = ref("order_workflow.demo_product_custom")
        team = self.env["crm.team"].search([("use_order_workflow", "=", True)], limit=1)
        team.member_ids = [Command.link(clerk.id)]
        term = ref("account.account_payment_term_30days")
        today = fields.Date.context_today(self)

        def new(customer, product=valve, qty=20, price=None, ref_no=None):
            line = {"product_id": product.id, "product_uom_qty": qty}
            if price is not None:
                line["price_unit"] = price
            return (
                self.with_user(clerk)
                .with_context(tracking_disable=True)
                .create(
                    {
                        "partner_id": customer.id,
                        "team_id": team.id,
                        "user_id": clerk.id,
                        "client_order_ref": ref_no,
                        "requested_date": today + timedelta(days=45),
                        "payment_term_id": term.id,
                        "order_channel": "salesperson",
                        "order_line": [Command.create(line)],
                    }
                )
            )

        def priced(order):
            order.with_user(clerk).action_review_pass()
            order.with_user(users["finance"]).action_price_approve()
            return order

        def approved(order):
            priced(order).with_user(users["manager"]).action_approve()
            return order

        def verified(order):
            approved(order)
            order.with_user(clerk).action_send_for_confirmation()
            order.with_user(clerk).action_register_signed_confirmation(
                order.partner_id.name, fields.Datetime.now()
            )
            order.with_user(clerk).action_verify_confirmation()
            return order

        def pay(order, invoice, amount):
            invoice.with_user(users["finance"]).action_post()
            self.env["account.payment.register"].with_user(
                users["finance"]
            ).with_context(active_model="account.move", active_ids=invoice.ids).create(
                {"amount": amount}
            ).action_create_payments()

        def produce(order):
            for production in order.sudo().ow_production_ids:
                production = production.with_user(users["production"])
                production.action_assign()
                production.qty_producing = production.product_qty
                production.move_raw_ids.picked = True
                production.button_mark_done()
            return order

        def inspected(order):
            return _demo_inspected(order, users["qc"])

        def ship(order):
            order.with_user(clerk).action_issue_shipping_request()
            for picking in order.sudo().picking_ids.filtered(
                lambda p: p.picking_type_code == "outgoing"
            ):
                picking = picking.with_user(users["shipping"])
                picking.write(
                    {"ow_carrier": "SF Express", "ow_tracking_ref": "SF1029384756"}
                )
                picking.action_assign()
                picking.button_validate()
            return order

        def receive(order):
            for picking in order.sudo().picking_ids.filtered(
                lambda p: p.receipt_state == "awaiting"
            ):
                picking.with_user(users["shipping"]).action_register_receipt(
                    order.partner_id.name, today
                )
            return order

        a, b, c = customers["a"], customers["b"], customers["c"]
        # Intake: a new customer, not qualified yet
        new(ref("order_workflow.demo_customer_new"), ref_no="FT-2026-001")
        # Info needed
        new(a, ref_no="EC-7701").with_user(clerk).action_review_need_info(
            "Please confirm the flange standard (GB or ANSI)."
        )
        # Technical review: a non-standard product
        new(a, product=custom, qty=1, ref_no="EC-7702").with_user(
            clerk
        ).action_review_pass()
        # Price review: a price 20 % below the list price
        new(b, price=valve.list_price * 0.8, ref_no="GT-3301").with_user(
            clerk
        ).action_review_pass()
        # Approval: prices checked by finance, the sales manager approves (up to
        # CNY 100,000 with tax); above that the sales director approves after the
        # manager, above CNY 500,000 the general manager as well
        priced(new(b, ref_no="GT-3302"))
        priced(new(b, product=pump, qty=8, ref_no="GT-3304")).with_user(
            users["manager"]
        ).action_approve()
        priced(new(a, product=pump, qty=18, ref_no="EC-7714"))
        # Customer confirmation: sent, waiting for the signed copy
        approved(new(a, ref_no="EC-7703")).with_user(
            clerk
        ).action_send_for_confirmation()
        # Deposit: class C, verified, deposit not paid yet
        verified(new(c, ref_no="XC-101"))
        # Production: released, MO open
        verified(new(a, qty=25, ref_no="EC-7704"))
        # Production, materials at risk: the actuator bought to order arrives in 60
        # days, the valve is promised in 45
        self._ow_demo_component_rule(ref("order_workflow.demo_component_actuator"))
        late = verified(
            new(
                a,
                product=ref("order_workflow.demo_product_electric_valve"),
                qty=8,
                ref_no="EC-7713",
            )
        )
        # the supplier confirms the actuators in 60 days
        late.sudo().ow_production_ids.move_raw_ids.created_purchase_line_ids.write(
            {"date_planned": fields.Datetime.now() + timedelta(days=60)}
        )
        # Quality: a pump produced, inspection pending
        produce(verified(new(a, product=pump, qty=2, ref_no="EC-7705")))
        # Payment hold: class B, deposit paid, produced, balance due
        held = verified(new(b, ref_no="GT-3303"))
        pay(held, held._ow_deposit_invoices(), held.deposit_amount)
        inspected(produce(held))
        # Ready to ship
        inspected(produce(verified(new(a, ref_no="EC-7706"))))
        # Shipped, awaiting the signed receipt
        ship(inspected(produce(verified(new(a, ref_no="EC-7707")))))
        # Delivered: follow-up call due
        receive(ship(inspected(produce(verified(new(a, ref_no="EC-7708"))))))
        # Awaiting payment (followed up, not invoiced yet), then closed (paid)
        for ref_no in ("EC-7709", "EC-7712"):
            done = receive(ship(inspected(produce(verified(new(a, ref_no=ref_no))))))
            done.with_user(clerk).action_record_followup(
                5, 4, 5, "Very satisfied; next order in March."
            )
        invoice = done.sudo()._create_invoices()
        pay(done, invoice, invoice.amount_total)
        # Rejected and cancelled
        new(a, ref_no="EC-7710").with_user(clerk).action_review_reject(
            "Delivery date impossible for this quantity."
        )
        new(a, ref_no="EC-7711").with_user(clerk).action_cancel()
        # Customer satisfaction: this year's survey, answered
        self.env["order_workflow.satisfaction.survey"]._ow_demo_satisfaction(users)
        return True

    @api.model
    def _ow_demo_component_rule(self, component):
        """Components of the demo make-to-order route are bought for the MO that
        needs them (stock -> production, make to order)."""
        warehouse = self.env.ref("stock.warehouse0")
        self.env["stock.rule"].create(
            {
                "name": "WH: 库存 Stock → 生产 Production (MTO)",
                "route_id": self.env.ref("order_workflow.demo_route_mto").id,
                "action": "pull",
                "procure_method": "make_to_order",
                "location_src_id": warehouse.lot_stock_id.id,
                "location_dest_id": component.with_company(
                    warehouse.company_id
                ).property_stock_production.id,
                "picking_type_id": warehouse.manu_type_id.id,
                "warehouse_id": warehouse.id,
                "company_id": warehouse.company_id.id,
            }
        )
