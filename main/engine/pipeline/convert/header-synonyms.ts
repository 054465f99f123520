/**
 * The headers common exports write, and the record fields they mean: one table, by where the
 * headers come from (any export; Shopify; Klaviyo; Mailchimp; Salesforce; point-of-sale systems
 * such as Lightspeed, Square and Vend). Each row lists the candidate fields in order of
 * preference, then the headers as the exports write them; headers are compared normalised (lower
 * case, letters and digits only), so "Zip/Postal Code" and "zip_postal_code" are one. Only
 * candidates the chosen record type has are suggested, and `link.*` candidates are skipped once
 * another column is the link, because a record's link is exactly one variant (vendor rule,
 * FILE_UPLOAD_API.md).
 *
 * Line-item headers (Qty, SKU, Line Total) name fields of each item of a purchase's or return's
 * `products` list, written `products.quantity`: they are suggested only when rows are grouped
 * into orders (one row, one item; convert --group-by). A row may carry values that go with its
 * field: a SKU column's ids are SKUs, so it also sets `products.product_reference.id_type` to
 * `sku` (the vendor's ProductReference needs both).
 *
 * To teach the app another export, add a row (or headers to a row) under its source. A header
 * may appear in several rows only with the same fields (test/engine/pipeline/header-synonyms.test.ts
 * checks this, and that every field is one a record type has).
 */

/** One row of the table: the fields a header may go to, best first, and the headers that mean them. */
export interface SynonymRow {
  readonly fields: readonly string[];
  readonly headers: readonly string[];
  /** Field values that go with the header's field when it is suggested (`id_type: sku` for a SKU column). */
  readonly also?: Readonly<Record<string, string>>;
}

const row = (fields: readonly string[], headers: readonly string[], also?: Readonly<Record<string, string>>): SynonymRow => (also ? { fields, headers, also } : { fields, headers });

const EMAIL = ['link.email', 'email'];
const CUSTOMER_ID = ['link.customer_id', 'customer_id'];
const MOBILE = ['link.mobile', 'mobile'];
const POSTCODE = ['postcode', 'zip'];
const ZIP = ['zip', 'postcode'];
// A line's product id and what kind of id it is (ProductReferenceType: sku, upc, product_id).
const PRODUCT_ID = ['products.product_reference.id'];
const idType = (kind: 'sku' | 'upc' | 'product_id') => ({ 'products.product_reference.id_type': kind });

/** Where a group of headers comes from. */
export type SynonymSource = 'common' | 'shopify' | 'klaviyo' | 'mailchimp' | 'salesforce' | 'pos';

export const SYNONYM_TABLE: Readonly<Record<SynonymSource, readonly SynonymRow[]>> = {
  common: [
    row(EMAIL, ['Email', 'E-mail', 'Email Address', 'E-mail Address', 'Mail']),
    row(['link.email_sha256', 'email_sha256'], ['Email SHA256', 'SHA256']),
    row(['link.email_md5'], ['Email MD5']),
    row(CUSTOMER_ID, ['Customer ID', 'Customer Number', 'Customer No', 'Cust ID', 'Cust No', 'Client ID', 'Member ID']),
    row(['link.system_name'], ['System Name', 'Source System']),
    row(['link.external_id'], ['External ID']),
    row(MOBILE, ['Mobile', 'Mobile Number', 'Mobile Phone', 'Phone', 'Phone Number', 'Cell', 'Cell Phone']),
    row(['first_name'], ['First Name', 'FName', 'Given Name', 'Forename']),
    row(['last_name'], ['Last Name', 'LName', 'Surname', 'Family Name']),
    row(['date_of_birth'], ['DOB', 'Date of Birth', 'Birth Date', 'Birthday']),
    row(['gender'], ['Sex']),
    row(['city'], ['Suburb', 'Town']),
    row(['state'], ['Province']),
    row(POSTCODE, ['Postal Code']),
    row(ZIP, ['Zip Code']),
    row(['address_1'], ['Address', 'Address 1', 'Address Line 1', 'Street', 'Street Address']),
    row(['address_2'], ['Address 2', 'Address Line 2']),
    row(['employee_flag'], ['Employee', 'Is Employee', 'Staff']),
    row(['customer_type'], ['Customer Type', 'Segment']),
    // Line items. price_paid is what the line cost after its discount (the vendor's example: 2 at
    // full_price 50, discount 10, price_paid 90), so a unit "Price" is the full price, not price_paid.
    row(['products.quantity'], ['Qty', 'Quantity', 'Units', 'Item Quantity']),
    row(['products.price_paid'], ['Line Total', 'Line Amount', 'Line Price', 'Price Paid', 'Item Total']),
    row(['products.full_price'], ['Price', 'Unit Price', 'Full Price', 'Item Price']),
    row(['products.discount'], ['Discount', 'Line Discount', 'Item Discount']),
    row(PRODUCT_ID, ['SKU', 'Item SKU', 'Product SKU', 'Variant SKU'], idType('sku')),
    row(PRODUCT_ID, ['UPC', 'UPC Code'], idType('upc')),
    row(PRODUCT_ID, ['Product ID', 'Item ID'], idType('product_id')),
  ],
  // Customers export (today's "Default Address …" columns and the older plain ones); orders export.
  shopify: [
    row(['address_1'], ['Default Address Address1', 'Address1']),
    row(['address_2'], ['Default Address Address2', 'Address2']),
    row(['city'], ['Default Address City']),
    row(['state'], ['Default Address Province Code', 'Province Code']),
    row(['country'], ['Default Address Country Code', 'Country Code']),
    row(POSTCODE, ['Default Address Zip']),
    row(['action_at'], ['Created at', 'Processed at']),
    // Orders export: one row per line item, the order's number in "Name" (--group-by Name). It has
    // no line total: "Lineitem price" is the unit price, so price_paid needs a column of its own.
    row(['products.quantity'], ['Lineitem quantity']),
    row(['products.full_price'], ['Lineitem price']),
    row(['products.discount'], ['Lineitem discount']),
    row(PRODUCT_ID, ['Lineitem sku'], idType('sku')),
  ],
  // Profiles export.
  klaviyo: [
    row(['state'], ['State / Region', 'Region']),
  ],
  // Audience export: merge fields by their tags as well as their labels.
  mailchimp: [
    row(['country'], ['CC']),
    row(['first_name'], ['FNAME']),
    row(['last_name'], ['LNAME']),
  ],
  // Contacts report (labels) and data export (API names).
  salesforce: [
    row(CUSTOMER_ID, ['Contact ID']),
    row(['address_1'], ['Mailing Street', 'MailingStreet']),
    row(['city'], ['Mailing City', 'MailingCity']),
    row(['state'], ['Mailing State/Province', 'MailingState']),
    row(POSTCODE, ['Mailing Zip/Postal Code', 'MailingPostalCode']),
    row(['country'], ['Mailing Country', 'MailingCountry']),
  ],
  // Sales and customers exports of point-of-sale systems. A "Store" or "Outlet" column is the
  // store's name as text: never suggested for the `store` object, which needs a type and a name.
  pos: [
    row(['action_at'], ['Date', 'Sale Date', 'Transaction Date', 'Order Date', 'Purchase Date', 'Return Date', 'Date/Time', 'Sale Time', 'Transaction Time']),
    row(['purchase_id'], [
      'Receipt No', 'Receipt Number', 'Receipt', 'Order ID', 'Order Number', 'Order No', 'Transaction ID', 'Transaction Number', 'Sale ID', 'Invoice Number', 'Invoice No',
    ]),
    row(['return_id'], ['Return ID', 'Return Number', 'Return No', 'Refund ID', 'Refund Number']),
    row(['type'], ['Channel', 'Sales Channel']),
    row(['currency'], ['Currency Code']),
    row(CUSTOMER_ID, ['Customer Code', 'Square Customer ID']),
    row(['address_1'], ['Street Address 1']),
    row(['address_2'], ['Street Address 2']),
    // Item sales exports (one row per item sold): the line's amount after discounts.
    row(['products.price_paid'], ['Net Sales', 'Net Total', 'Line Net']),
  ],
};

/** Lower case, letters and digits only: 'E-mail Address' -> 'emailaddress', 'link.customer_id' -> 'linkcustomerid'. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const ALL_ROWS = Object.values(SYNONYM_TABLE).flat();

/** Every header of the table, normalised, to its candidate fields (the first row naming a header wins). */
export const HEADER_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ALL_ROWS.flatMap((r) => r.headers.map((h) => [normaliseHeader(h), r.fields] as const)).reverse(),
);

/** Headers, normalised, whose row sets values beside its field ('sku' -> id_type sku). */
export const HEADER_ALSO: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  ALL_ROWS.flatMap((r) => { const also = r.also; return also ? r.headers.map((h) => [normaliseHeader(h), also] as const) : []; }).reverse(),
);
