/** `purchase`: a transaction (commerce_api/transaction_event.py PurchaseEvent). */
import { Arr, Int, Num, Obj, Opt, Str } from '../common/json-schema.js';
import { PaymentType, ProductReference, transactionBase } from '../common/commerce.js';

// price_paid confloat(ge=0), quantity conint(ge=1).
const PurchaseProductReference = Obj({
  product_reference: Opt(ProductReference),
  price_paid: Num({ minimum: 0 }),
  quantity: Int({ minimum: 1 }),
  full_price: Opt(Num()),
  discount: Opt(Num()),
});

export const Purchase = Obj({
  ...transactionBase,
  purchase_id: Str(),
  payment_types: Opt(Arr(PaymentType)),
  products: Arr(PurchaseProductReference),
});
