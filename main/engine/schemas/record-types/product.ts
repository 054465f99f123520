/** `product`: an item the brand sells (commerce_api/product_entity.py). */
import { CHANNELS, ProductReferenceType } from '../common/commerce.js';
import { Arr, Bool, DateTime, Dict, HttpUrl, Int, Num, Obj, Opt, Optional, Str, StringEnum } from '../common/json-schema.js';

const ProductChannelAvailability = Obj({
  type: StringEnum(CHANNELS),
  available: Bool(),
  published_at: Opt(DateTime()),
  unpublished_at: Opt(DateTime()),
});

const ProductAvailability = Obj({
  available: Bool(),
  channels_availability: Opt(Arr(ProductChannelAvailability)),
});

const ProductInventory = Obj({
  id: Opt(Str()),
  source: Opt(Str()),
  quantity: Opt(Int()),
  cost: Opt(Num({ minimum: 0 })),
  backorder_allowed: Opt(Bool()),
  tracked: Opt(Bool()),
  updated_at: Opt(DateTime()),
});

export const Product = Obj({
  product_id: Opt(Str({ description: 'Required when product_reference_type is product_id (the default).' })),
  sku: Opt(Str({ description: 'Required when product_reference_type is sku.' })),
  upc: Opt(Str({ description: 'Required when product_reference_type is upc.' })),
  // pydantic default is product_id; an explicit null is refused by the model's root validator.
  product_reference_type: Optional(ProductReferenceType),
  name: Opt(Str()),
  description: Opt(Str()),
  brand: Opt(Str()),
  size: Opt(Str()),
  color: Opt(Str()),
  price: Opt(Num()),
  options: Opt(Dict(Arr(Str()), { description: 'Taxonomy: each key holds a list of strings.' })),
  url: Opt(Str()),
  images: Opt(Arr(HttpUrl(), { description: 'List of image URLs.' })),
  availability: Opt(ProductAvailability),
  inventory: Opt(ProductInventory),
});
