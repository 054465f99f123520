/** Pieces shared by purchase, return and product (commerce_api/*.py, common.py). */
import { DateTime, Num, Obj, Opt, Arr, Str, StringEnum } from './json-schema.js';
import { GeoLocation } from './geo.js';
import { CustomFields } from './custom-fields.js';
import { eventBase } from './marketing.js';

export const CHANNELS = ['physical', 'ecommerce'] as const;
export const STORE_TYPES = ['physical', 'ecommerce', 'concession', 'outlet', 'online'] as const;
export const PRODUCT_REFERENCE_TYPES = ['sku', 'upc', 'product_id'] as const;

export const Channel = StringEnum(CHANNELS);
export const ProductReferenceType = StringEnum(PRODUCT_REFERENCE_TYPES);

export const Store = Obj({
  store_id: Opt(Str()),
  type: StringEnum(STORE_TYPES),
  name: Str(),
  location: Opt(GeoLocation),
});

export const TransactionAdjustment = Obj({
  price_adjustment: Num(),
  adjusted_at: Opt(DateTime()),
  reason: Opt(Str()),
});

export const PaymentType = Obj({ name: Str(), total: Opt(Num()) });

export const ProductReference = Obj({
  id: Str(),
  id_type: ProductReferenceType,
  dataset_id: Opt(Str()),
});

/** Fields purchases and returns share (BaseTransactionEvent). */
export const transactionBase = {
  ...eventBase,
  type: Channel,
  currency: Opt(Str({ description: 'Currency code, e.g. AUD.' })),
  adjustments: Opt(Arr(TransactionAdjustment)),
  custom_fields: CustomFields,
  store: Opt(Store),
};
