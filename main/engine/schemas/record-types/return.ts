/** `return`: goods coming back (commerce_api/transaction_event.py ReturnEvent). */
import { Arr, Int, Num, Obj, Opt, Str } from '../common/json-schema.js';
import { ProductReference, transactionBase } from '../common/commerce.js';

// A return is written as negatives: price_paid confloat(le=0), quantity conint(le=-1).
const ReturnProductReference = Obj({
  product_reference: Opt(ProductReference),
  price_paid: Num({ maximum: 0 }),
  quantity: Int({ maximum: -1 }),
});

export const Return = Obj({
  ...transactionBase,
  return_id: Str(),
  products: Arr(ReturnProductReference),
});
