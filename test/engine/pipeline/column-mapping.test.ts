import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMapArgs, resolveMapHeaders, suggestMapping } from '../../../main/engine/pipeline/column-mapping.js';
import { LexerError } from '../../../main/engine/errors.js';

describe('suggestMapping', () => {
  test('CRM export headers map to customer_record fields', () => {
    const m = suggestMapping(['Email', 'Customer ID', 'First Name', 'Surname', 'Mobile', 'DOB', 'Post Code', 'Loyalty Points'], 'customer_record');
    assert.deepEqual(m.columns, {
      Email: 'link.email',
      'Customer ID': 'customer_id',
      'First Name': 'first_name',
      Surname: 'last_name',
      Mobile: 'mobile',
      DOB: 'date_of_birth',
      'Post Code': 'postcode',
    });
    assert.equal(m.unknownColumns, 'custom_fields');
    assert.equal(m.inferCustomTypes, false);
  });

  test('spelling variants of the same field', () => {
    for (const header of ['E-mail', 'email address', 'EMAIL_ADDRESS']) {
      assert.equal(suggestMapping([header], 'customer_record').columns[header], 'link.email', header);
    }
    for (const header of ['cust_id', 'Customer Number', 'customer-no']) {
      assert.equal(suggestMapping([header], 'customer_record').columns[header], 'link.customer_id', header);
    }
  });

  test('headers that already are field paths keep them, and a link variant is chosen once', () => {
    const m = suggestMapping(['link.customer_id', 'Email', 'System Name', 'Phone'], 'customer_record');
    assert.deepEqual(m.columns, { 'link.customer_id': 'link.customer_id', Email: 'email', 'System Name': 'link.system_name', Phone: 'mobile' });
  });

  test('a header named like a top-level twin of a link field still gives the record its link', () => {
    // customer_record has its own `email` attribute; without a link every row would be refused.
    assert.deepEqual(suggestMapping(['email', 'first_name'], 'customer_record').columns, { email: 'link.email', first_name: 'first_name' });
    assert.deepEqual(suggestMapping(['customer_id', 'email'], 'customer_record').columns, { customer_id: 'link.customer_id', email: 'email' });
    // Where a link column exists, the twin keeps its own field.
    assert.deepEqual(suggestMapping(['link.email', 'email'], 'customer_record').columns, { 'link.email': 'link.email', email: 'email' });
  });

  test('a phone column becomes the link only when nothing better is there', () => {
    assert.equal(suggestMapping(['Phone', 'Name'], 'customer_record').columns.Phone, 'link.mobile');
  });

  test('each field is suggested once; unknown headers are left to the unknown-columns rule', () => {
    const m = suggestMapping(['email', 'E-mail', 'favourite colour'], 'customer_record');
    assert.deepEqual(m.columns, { email: 'email', 'E-mail': 'link.email' });
  });

  test('other record types: last path segments match', () => {
    const m = suggestMapping(['Price', 'quantity', 'Name'], 'product');
    assert.deepEqual(m.columns, { Price: 'price', quantity: 'inventory.quantity', Name: 'name' });
  });
});

describe('parseMapArgs', () => {
  test('HEADER=FIELD pairs, an empty field drops the column, the last = splits', () => {
    assert.deepEqual(parseMapArgs(['Email=link.email', 'Notes=', 'a=b=c']), { Email: 'link.email', Notes: null, 'a=b': 'c' });
  });
  test('an argument without a header is a usage error with an example', () => {
    assert.throws(
      () => parseMapArgs(['link.email']),
      (e: unknown) => e instanceof LexerError && e.code === 'usage' && /HEADER=FIELD/.test(e.message) && /--map "Email=link.email"/.test(e.hint ?? ''),
    );
  });
});

describe('resolveMapHeaders: a --map header must name a column of the file', () => {
  const headers = ['Member Code', 'Member Since', 'date_of_birth\u00a0', 'Email'];
  test('a header matches as written, or as the file\'s header reads without padding and invisible characters', () => {
    assert.deepEqual(resolveMapHeaders(headers, { 'Member Code': 'link.customer_id', date_of_birth: 'date_of_birth' }, 'f.csv'), {
      'Member Code': 'link.customer_id', 'date_of_birth\u00a0': 'date_of_birth',
    });
  });
  test('a header that names no column is a usage error listing the closest headers', () => {
    assert.throws(
      () => resolveMapHeaders(headers, { MemberCode: 'link.customer_id' }, 'f.csv'),
      (e: unknown) => e instanceof LexerError && e.code === 'usage'
        && e.message === '--map "MemberCode=link.customer_id" names no column of f.csv. The closest headers: "Member Code", "Member Since", "Email".',
    );
  });
});
