// Data quality: a phone number's leading apostrophe (a spreadsheet's
// "keep as text" mark) is removed with a note, yes/no become booleans where the field is boolean,
// tag lists become lists where the field takes one; every problem carries the row's link value.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useConvertInTemp } from './convert-in-temp.js';

const { convert } = useConvertInTemp('lexer-quality-');

// The columns of Shopify's customer export, as a spreadsheet leaves them.
const SHOPIFY = [
  'Customer ID,Email,Phone,Default Address Phone,Employee,Accepts Email Marketing,Tags',
  "101,ann@example.com,'+61427874421,'(03) 9555 0101,Yes,yes,\"VIP, Newly Acquired\"",
  "102,bob@example.com,'+61427874422,,no,no,VIP",
  "103,cy@example.com,+61427874423,,N,no,",
  '',
].join('\n');

describe('data quality notes', () => {
  test('a leading apostrophe is removed from phone numbers, in phone fields and phone-named custom columns, with a note', async () => {
    const { result, records } = await convert(SHOPIFY);
    assert.deepEqual(records.map((r) => r.mobile), ['+61427874421', '+61427874422', '+61427874423']);
    assert.equal((records[0]?.custom_fields as Record<string, unknown>).default_address_phone, '(03) 9555 0101');
    const note = result.notes.find((t) => t.startsWith('mobile (column "Phone")'));
    assert.match(note ?? '', /"'\+61427874421" began with an apostrophe.*removed \("\+61427874421"\) \(line 2, and 1 more line like it\)/);
  });

  test('yes/no are written as booleans where the field is boolean; a custom yes/no column stays text', async () => {
    const { result, records } = await convert(SHOPIFY);
    assert.deepEqual(records.map((r) => r.employee_flag), [true, false, false]);
    assert.deepEqual(records.map((r) => (r.custom_fields as Record<string, unknown>).accepts_email_marketing), ['yes', 'no', 'no']);
    assert.ok(result.notes.some((t) => /^employee_flag \(column "Employee"\): yes\/no words were written as Lexer's true\/false, "Yes" as true \(line 2, and 2 more lines like it\)$/.test(t)), result.notes.join('\n'));
  });

  test('a tag list becomes a list under custom_fields, and in fields that take a list (product options)', async () => {
    const { result, records } = await convert(SHOPIFY);
    assert.deepEqual(records.map((r) => (r.custom_fields as Record<string, unknown>).tags), [['VIP', 'Newly Acquired'], ['VIP'], undefined]);
    assert.ok(result.notes.some((t) => t.includes('"VIP, Newly Acquired" was written as a list, ["VIP","Newly Acquired"]')));
    const products = await convert('product_id,options.Colour,images\np1,"Red, Blue","https://example.com/a.png, https://example.com/b.png"\n', {}, 'product');
    assert.equal(products.result.written, 1, JSON.stringify(products.result.errors));
    assert.deepEqual(products.records[0], { product_id: 'p1', options: { Colour: ['Red', 'Blue'] }, images: ['https://example.com/a.png', 'https://example.com/b.png'] });
  });

  test('true/false and values as they should be get no note', async () => {
    const { result } = await convert('email,employee_flag,mobile\na@example.com,true,+61400000000\n');
    assert.deepEqual(result.notes, []);
  });
});

describe('the row\'s identifier with each problem', () => {
  test('a rejected row carries its link value, even when the link is what is wrong or the row is malformed', async () => {
    const csv = 'Email,date_of_birth,first_name\nann@example.com,not a date,Ann\nbad-email,1985-03-04,Bob\nextra@example.com,1985-03-04,Cy,oops\n,1985-03-04,Nobody\n';
    const { result } = await convert(csv);
    assert.deepEqual(result.errors.map((e) => [e.line, e.identifier]), [[2, 'ann@example.com'], [3, 'bad-email'], [4, 'extra@example.com'], [5, undefined]]);
  });

  test('a customer id link is the identifier when there is no email link', async () => {
    const { result } = await convert('Customer ID,email\nC-1,not-an-email\n');
    assert.equal(result.errors[0]?.identifier, 'C-1');
  });
});

describe("Shopify's apostrophe in ID and number columns", () => {
  test('is removed from the customer ID and a custom order number, with a note; other text keeps it', async () => {
    const csv = [
      'Customer ID,Email,Order No,Total Spent,Note',
      "'7012345600000,ann@example.com,'1001,'129.95,'quoted on purpose",
      "'7012345600001,bob@example.com,'1002,'5,'yes",
      '',
    ].join('\n');
    const { result, records } = await convert(csv);
    assert.equal(result.rejected, 0, JSON.stringify(result.errors));
    assert.deepEqual(records.map((r) => (r.link as Record<string, unknown>).customer_id), ['7012345600000', '7012345600001']);
    const custom = records.map((r) => r.custom_fields as Record<string, unknown>);
    assert.deepEqual(custom.map((c) => c.order_no), ['1001', '1002']);
    assert.deepEqual(custom.map((c) => c.note), ["'quoted on purpose", "'yes"], 'text that is no ID or number keeps its apostrophe');
    const note = result.notes.find((t) => t.startsWith('link.customer_id (column "Customer ID")'));
    assert.match(note ?? '', /"'7012345600000" began with an apostrophe.*removed \("7012345600000"\) \(line 2, and 1 more line like it\)/);
  });

  test('a number field reads the number under the mark', async () => {
    const csv = 'product_id,price,inventory.quantity\n\'4411,\'29.95,\'12\n';
    const { result, records } = await convert(csv, {}, 'product');
    assert.equal(result.rejected, 0, JSON.stringify(result.errors));
    assert.equal(records[0]?.product_id, '4411');
    assert.equal(records[0]?.price, 29.95);
    assert.equal((records[0]?.inventory as Record<string, unknown>).quantity, 12);
  });
});
