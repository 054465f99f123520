// Line-item exports in the shapes POS systems and Shopify write them (made here: the originals
// hold customers' orders): one row per line, the order's columns repeated on each line, or only
// on its first line; an order's lines not always next to each other.

/** A POS sales export (Lightspeed/Vend style): dates day first, R-1001's second line three rows below its first. */
export const POS_SALES = [
  'Receipt No,Date,Store,Email,SKU,Item,Qty,Price,Discount,Line Total',
  'R-1001,14/03/2024 10:02,Fitzroy,ann@example.com,TEE-BLK-M,Black tee M,2,29.95,5.00,54.90',
  'R-1002,14/03/2024 10:15,Fitzroy,bob@example.com,CAP-01,Cap,1,15.00,,15.00',
  'R-1003,14/03/2024 11:40,Carlton,cat@example.com,TEE-WHT-S,White tee S,1,29.95,,29.95',
  'R-1001,14/03/2024 10:02,Fitzroy,ann@example.com,SOCK-3PK,Socks 3 pack,1,12.00,,12.00',
  'R-1003,14/03/2024 11:40,Carlton,cat@example.com,CAP-01,Cap,2,15.00,3.00,27.00',
  '',
].join('\r\n');

/** What those lines mean, with --group-by "Receipt No" --map Store=store.name --map Item= --set type=physical --set store.type=physical. */
export const POS_ORDERS = [
  {
    purchase_id: 'R-1001', action_at: '2024-03-14T10:02:00', store: { name: 'Fitzroy', type: 'physical' }, link: { email: 'ann@example.com' }, type: 'physical',
    products: [
      { product_reference: { id: 'TEE-BLK-M', id_type: 'sku' }, quantity: 2, full_price: 29.95, discount: 5, price_paid: 54.9 },
      { product_reference: { id: 'SOCK-3PK', id_type: 'sku' }, quantity: 1, full_price: 12, price_paid: 12 },
    ],
  },
  {
    purchase_id: 'R-1002', action_at: '2024-03-14T10:15:00', store: { name: 'Fitzroy', type: 'physical' }, link: { email: 'bob@example.com' }, type: 'physical',
    products: [{ product_reference: { id: 'CAP-01', id_type: 'sku' }, quantity: 1, full_price: 15, price_paid: 15 }],
  },
  {
    purchase_id: 'R-1003', action_at: '2024-03-14T11:40:00', store: { name: 'Carlton', type: 'physical' }, link: { email: 'cat@example.com' }, type: 'physical',
    products: [
      { product_reference: { id: 'TEE-WHT-S', id_type: 'sku' }, quantity: 1, full_price: 29.95, price_paid: 29.95 },
      { product_reference: { id: 'CAP-01', id_type: 'sku' }, quantity: 2, full_price: 15, discount: 3, price_paid: 27 },
    ],
  },
];

/**
 * Shopify's orders export: one row per line item; the order's own columns (Email, Financial
 * Status, Currency, Total, Created at) on its first line only. It has no line total.
 */
export const SHOPIFY_LINE_ITEMS = [
  'Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Lineitem discount',
  '#1001,ann@example.com,paid,AUD,74.85,2024-02-29 10:00:00 +1100,1,Black tee M,29.95,TEE-BLK-M,0',
  '#1001,,,,,,3,Socks 3 pack,14.95,SOCK-3PK,0',
  '#1002,bob@example.com,paid,AUD,15.00,2024-03-01 09:30:15 +1100,1,Cap,15.00,CAP-01,0',
  '',
].join('\n');

/** A POS returns export: quantities and amounts written negative, as the vendor's return records want them. */
export const POS_RETURNS = [
  'Return No,Date,Customer No,SKU,Qty,Line Total',
  'X-77,2024-03-20 15:00:00,C-17,TEE-BLK-M,-1,-27.45',
  'X-77,2024-03-20 15:00:00,C-17,SOCK-3PK,-1,-12.00',
  '',
].join('\n');
