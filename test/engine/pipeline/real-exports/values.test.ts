// Values real exports hold that Lexer's validator would load wrong without a word: Excel serial
// dates, ids Excel rounded into scientific notation, decimal commas with thousands dots, and
// Shopify's "Created at". Each conversion's output is read back by the vendor's validator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GERMAN_PRICES, GERMAN_PRODUCTS, KLAVIYO_BIRTHDAYS, KLAVIYO_SERIAL_BIRTHDAYS, SHOPIFY_CREATED, SHOPIFY_ORDERS, SHOPIFY_VIA_EXCEL } from './fixtures.js';
import { useExportsInTemp } from './exports-in-temp.js';
import { vendorRead, vendorSkip } from '../../../helpers/vendor-validator.js';

const { convert, parity } = useExportsInTemp('lexer-values-');
const oracle = { skip: vendorSkip() };

describe('Excel serial dates in a date-only field', () => {
  test('a Birthday column saved as "General" is read as Excel serial days and said so; never 1970', async () => {
    const { result, records } = await convert('klaviyo-profiles.csv', KLAVIYO_SERIAL_BIRTHDAYS);
    assert.equal(result.written, 5, JSON.stringify(result.errors));
    assert.deepEqual(records.map((r) => r.date_of_birth), KLAVIYO_BIRTHDAYS);
    const note = result.notes.find((n) => n.startsWith('date_of_birth (column "Birthday")'));
    assert.match(note ?? '', /"31110" are dates as Excel stores them.*"31110" as 1985-03-04; Lexer would have read them as seconds since 1970.*\(line 2, and 3 more lines like it\)/);
  });

  test('Lexer\'s validator reads each written birthday as the date the file meant (it reads the raw 31110 as 1970-01-01)', oracle, async () => {
    const { text } = await convert('klaviyo-profiles.csv', KLAVIYO_SERIAL_BIRTHDAYS);
    const read = vendorRead(text, 'customer_record');
    read.forEach((r, i) => parity.check(r.ok && r.value.date_of_birth === KLAVIYO_BIRTHDAYS[i], `birthday line ${r.line}`));
    assert.deepEqual(read.map((r) => (r.ok ? r.value.date_of_birth : r.error)), KLAVIYO_BIRTHDAYS);
    // Why the serial is rewritten: sent as it was, Lexer would load 1970.
    const raw = vendorRead('{"link":{"email":"a@example.com"},"date_of_birth":"31110"}\n', 'customer_record')[0];
    assert.equal(raw?.ok && raw.value.date_of_birth, '1970-01-01');
  });
});

describe('numbers Excel rounded into scientific notation', () => {
  test('a rounded link refuses its row, a rounded phone is left out; both say how to export the column as text', async () => {
    const { result, records } = await convert('shopify-customers.csv', SHOPIFY_VIA_EXCEL, { mapping: { columns: { 'Customer ID': 'link.customer_id', Phone: 'mobile' } } });
    assert.deepEqual(records.map((r) => (r.link as { customer_id: string }).customer_id), ['6149164187831', '6149164187833']);
    assert.deepEqual(records.map((r) => r.mobile), ['61491570101', undefined]);
    assert.deepEqual(result.errors.map((e) => [e.line, e.identifier]), [[3, '6.14916E+12']]);
    assert.match(result.errors[0]?.message ?? '', /^link\.customer_id: "6\.14916E\+12" is not the whole number: Excel rounded it .*one profile; export the column as text: in Excel, format it as Text/);
    assert.match(result.notes.find((n) => n.startsWith('mobile (column "Phone")')) ?? '', /values like "6\.14916E\+10" were left out: Excel rounded them .*format it as Text.*\(line 4\)/);
  });

  test('Lexer\'s validator would take the rounded id as a link; what is written holds no rounded value', oracle, async () => {
    const { text } = await convert('shopify-customers.csv', SHOPIFY_VIA_EXCEL, { mapping: { columns: { 'Customer ID': 'link.customer_id', Phone: 'mobile' } } });
    for (const r of vendorRead(text, 'customer_record')) {
      parity.check(r.ok && !/E\+/.test(JSON.stringify(r.value)), `rounded value on line ${r.line}`);
    }
    const raw = vendorRead('{"link":{"customer_id":"6.14916E+12"}}\n', 'customer_record')[0];
    assert.equal(raw?.ok, true, 'the vendor accepts a rounded id, so every such customer would share one profile');
  });
});

describe('--decimal-comma with dots grouping thousands', () => {
  test('1.234,50, 1.234 and 2.499 read as thousands; 12.5 in a decimal-comma file is refused, not guessed', async () => {
    const { result, records } = await convert('artikel-export.csv', GERMAN_PRODUCTS, { recordType: 'product', decimalComma: true });
    assert.deepEqual(records.map((r) => r.price), GERMAN_PRICES);
    assert.deepEqual(result.errors.map((e) => e.line), [6]);
    assert.match(result.errors[0]?.message ?? '', /price: "12\.5" has a decimal point, but the file writes decimal commas \(--decimal-comma\)/);
  });

  test('Lexer\'s validator reads the prices as written', oracle, async () => {
    const { text } = await convert('artikel-export.csv', GERMAN_PRODUCTS, { recordType: 'product', decimalComma: true });
    const read = vendorRead(text, 'product');
    read.forEach((r, i) => parity.check(r.ok && r.value.price === GERMAN_PRICES[i], `price line ${r.line}`));
    assert.deepEqual(read.map((r) => (r.ok ? r.value.price : r.error)), GERMAN_PRICES);
  });
});

describe('Shopify\'s "Created at" (a zone after a space)', () => {
  const orders = { recordType: 'purchase' as const, mapping: { columns: { Name: 'purchase_id', Email: 'link.email', 'Created at': 'action_at' } } };

  test('2024-02-29 10:00:00 +1100 is written as ISO 8601 with a note', async () => {
    const { result, records } = await convert('orders_export.csv', SHOPIFY_ORDERS, orders);
    assert.equal(result.rejected, 0, JSON.stringify(result.errors));
    assert.deepEqual(records.map((r) => r.action_at), SHOPIFY_CREATED);
    assert.match(result.notes.join('\n'), /action_at \(column "Created at"\): date-times with their time zone after a space were written as ISO 8601, "2024-02-29 10:00:00 \+1100" as 2024-02-29T10:00:00\+11:00/);
  });

  test('Lexer\'s validator reads the instant the file meant (and refuses the text as Shopify wrote it)', oracle, async () => {
    const { text } = await convert('orders_export.csv', SHOPIFY_ORDERS, orders);
    const read = vendorRead(text, 'purchase');
    read.forEach((r, i) => parity.check(r.ok && r.value.action_at === SHOPIFY_CREATED[i], `action_at line ${r.line}`));
    assert.deepEqual(read.map((r) => (r.ok ? r.value.action_at : r.error)), SHOPIFY_CREATED);
    const raw = vendorRead(`${JSON.stringify({ ...JSON.parse(text.split('\n')[0] ?? '{}'), action_at: '2024-02-29 10:00:00 +1100' })}\n`, 'purchase')[0];
    assert.equal(raw?.ok, false);
  });
});
