/** `return`: goods coming back (commerce_api/transaction_event.py ReturnEvent). */
import { Type } from '@sinclair/typebox';
import { ProductReference, transactionBase } from '../common/commerce.js';
import { Opt } from '../common/schema-helpers.js';

// A return is written as negatives: price_paid confloat(le=0), quantity conint(le=-1).
const ReturnProductReference = Type.Object({
  product_reference: Opt(ProductReference),
  price_paid: Type.Number({ maximum: 0 }),
  quantity: Type.Integer({ maximum: -1 }),
});

export const Return = Type.Object({
  ...transactionBase,
  return_id: Type.String(),
  products: Type.Array(ReturnProductReference),
});
