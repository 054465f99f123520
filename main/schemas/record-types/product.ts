/** `product`: an item the brand sells (commerce_api/product_entity.py). */
import { Type } from '@sinclair/typebox';
import { CHANNELS, ProductReferenceType } from '../common/commerce.js';
import { DateTime, HttpUrl, Opt, StringEnum } from '../common/schema-helpers.js';

const ProductChannelAvailability = Type.Object({
  type: StringEnum(CHANNELS),
  available: Type.Boolean(),
  published_at: Opt(DateTime()),
  unpublished_at: Opt(DateTime()),
});

const ProductAvailability = Type.Object({
  available: Type.Boolean(),
  channels_availability: Opt(Type.Array(ProductChannelAvailability)),
});

const ProductInventory = Type.Object({
  id: Opt(Type.String()),
  source: Opt(Type.String()),
  quantity: Opt(Type.Integer()),
  cost: Opt(Type.Number({ minimum: 0 })),
  backorder_allowed: Opt(Type.Boolean()),
  tracked: Opt(Type.Boolean()),
  updated_at: Opt(DateTime()),
});

export const Product = Type.Object({
  product_id: Opt(Type.String({ description: 'Required when product_reference_type is product_id (the default).' })),
  sku: Opt(Type.String({ description: 'Required when product_reference_type is sku.' })),
  upc: Opt(Type.String({ description: 'Required when product_reference_type is upc.' })),
  // pydantic default is product_id; an explicit null is refused by the model's root validator.
  product_reference_type: Type.Optional(ProductReferenceType),
  name: Opt(Type.String()),
  description: Opt(Type.String()),
  brand: Opt(Type.String()),
  size: Opt(Type.String()),
  color: Opt(Type.String()),
  price: Opt(Type.Number()),
  options: Opt(Type.Record(Type.String(), Type.Array(Type.String()), { description: 'Taxonomy: each key holds a list of strings.' })),
  url: Opt(Type.String()),
  images: Opt(Type.Array(HttpUrl(), { description: 'List of image URLs.' })),
  availability: Opt(ProductAvailability),
  inventory: Opt(ProductInventory),
});
