/** `purchase`: a transaction (commerce_api/transaction_event.py PurchaseEvent). */
import { Type } from '@sinclair/typebox';
import { PaymentType, ProductReference, transactionBase } from '../common/commerce.js';
import { Opt } from '../common/schema-helpers.js';

// price_paid confloat(ge=0), quantity conint(ge=1).
const PurchaseProductReference = Type.Object({
  product_reference: Opt(ProductReference),
  price_paid: Type.Number({ minimum: 0 }),
  quantity: Type.Integer({ minimum: 1 }),
  full_price: Opt(Type.Number()),
  discount: Opt(Type.Number()),
});

export const Purchase = Type.Object({
  ...transactionBase,
  purchase_id: Type.String(),
  payment_types: Opt(Type.Array(PaymentType)),
  products: Type.Array(PurchaseProductReference),
});
