/** Pieces shared by purchase, return and product (commerce_api/*.py, common.py). */
import { Type } from '@sinclair/typebox';
import { DateTime, Opt, StringEnum } from './schema-helpers.js';
import { GeoLocation } from './geo.js';
import { CustomFields } from './custom-fields.js';
import { eventBase } from './marketing.js';

export const CHANNELS = ['physical', 'ecommerce'] as const;
export const STORE_TYPES = ['physical', 'ecommerce', 'concession', 'outlet', 'online'] as const;
export const PRODUCT_REFERENCE_TYPES = ['sku', 'upc', 'product_id'] as const;

export const Channel = StringEnum(CHANNELS);
export const ProductReferenceType = StringEnum(PRODUCT_REFERENCE_TYPES);

export const Store = Type.Object({
  store_id: Opt(Type.String()),
  type: StringEnum(STORE_TYPES),
  name: Type.String(),
  location: Opt(GeoLocation),
});

export const TransactionAdjustment = Type.Object({
  price_adjustment: Type.Number(),
  adjusted_at: Opt(DateTime()),
  reason: Opt(Type.String()),
});

export const PaymentType = Type.Object({ name: Type.String(), total: Opt(Type.Number()) });

export const ProductReference = Type.Object({
  id: Type.String(),
  id_type: ProductReferenceType,
  dataset_id: Opt(Type.String()),
});

/** Fields purchases and returns share (BaseTransactionEvent). */
export const transactionBase = {
  ...eventBase,
  type: Channel,
  currency: Opt(Type.String({ description: 'Currency code, e.g. AUD.' })),
  adjustments: Opt(Type.Array(TransactionAdjustment)),
  custom_fields: CustomFields,
  store: Opt(Store),
};
