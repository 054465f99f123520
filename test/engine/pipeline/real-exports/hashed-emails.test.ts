// E-mail addresses sent only hashed (convert --hash-emails): a customer export, an e-mail send
// log, a JSON array and NDJSON come out with no address in clear, the link as email_sha256
// (Lexer's SHA-256 of the trimmed, lower-cased address), and Lexer's validator accepts them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { emailSha256 } from '../../../../main/engine/pipeline/convert/hash-emails.js';
import { vendorRead, vendorSkip } from '../../../helpers/vendor-validator.js';
import { useExportsInTemp } from './exports-in-temp.js';
import { POS_SALES } from './order-fixtures.js';

const { convert, parity } = useExportsInTemp('lexer-hashed-');
const oracle = { skip: vendorSkip() };

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
/** Anything that reads as an address, anywhere in the output. */
const ADDRESS = /[^\s"@]+@[^\s"@]+\.[a-z]{2,}/i;

/** A Klaviyo-style profile export: the link's e-mail, a second address as a custom field, one address not valid. */
const PROFILES = [
  'Email,First Name,Last Name,Secondary Email,Phone Number',
  ' Jane.Citizen@Example.com ,Jane,Citizen,jane.work@example.org,+61491570006',
  'raj.patel@example.com,Raj,Patel,,',
  'mei.chen@example,Mei,Chen,,',
  '',
].join('\r\n');

describe('a customer export sent with --hash-emails', () => {
  test('the link becomes link.email_sha256 of the trimmed, lower-cased address; the custom address is left out; nothing in clear', async () => {
    const { result, text, records } = await convert('profiles.csv', PROFILES, { hashEmails: true });
    assert.equal(emailSha256(' Jane.Citizen@Example.com '), sha256('jane.citizen@example.com'));
    assert.deepEqual(records, [
      { link: { email_sha256: sha256('jane.citizen@example.com') }, first_name: 'Jane', last_name: 'Citizen', mobile: '+61491570006' },
      { link: { email_sha256: sha256('raj.patel@example.com') }, first_name: 'Raj', last_name: 'Patel' },
    ]);
    assert.doesNotMatch(text, ADDRESS);
    assert.deepEqual(result.emails, { hashed: 2, leftOut: 1 });
    assert.match(result.notes.join('\n'), /link\.email: e-mail addresses were sent only as their SHA-256 \(of the trimmed, lower-cased address\), in link\.email_sha256 \(line 2, and 1 more line like it\)/);
    assert.match(result.notes.join('\n'), /custom_fields\.secondary_email: e-mail addresses were left out: they leave only hashed, and the record type has no hashed form of this field \(line 2\)/);
  });

  test('an address that is not valid is not hashed: its row is refused as it is without hashing', async () => {
    const hashed = await convert('profiles.csv', PROFILES, { hashEmails: true });
    const clear = await convert('profiles.csv', PROFILES);
    assert.deepEqual(hashed.result.errors, clear.result.errors);
    assert.deepEqual(hashed.result.errors.map((e) => [e.line, e.field]), [[4, 'link.email']]);
  });

  test('customer_record\'s own email attribute becomes email_sha256 beside a customer id link', async () => {
    const csv = 'Customer ID,Email,First Name\nC-1,Ann@Example.com,Ann\n';
    const { records } = await convert('crm.csv', csv, { hashEmails: true });
    assert.deepEqual(records, [{ link: { customer_id: 'C-1' }, email_sha256: sha256('ann@example.com'), first_name: 'Ann' }]);
  });

  test('Lexer\'s validator accepts the hashed records and reads the hash as written', oracle, async () => {
    const { text } = await convert('profiles.csv', PROFILES, { hashEmails: true });
    for (const r of vendorRead(text, 'customer_record')) {
      parity.check(r.ok && /^[0-9a-f]{64}$/.test((r.value.link as { email_sha256?: string }).email_sha256 ?? ''), `hashed link on line ${r.line}`);
    }
  });
});

describe('other record types and inputs', () => {
  test('an e-mail send log: the link hashed, from and to left out (email_send has no hashed form of their e-mail, which each needs)', oracle, async () => {
    const csv = 'link.email,action_at,email_id,from.name,from.email,to.email,subject\nann@example.com,2024-03-01T10:00:00Z,m-1,The Shop,shop@example.com,ann@example.com,Autumn sale\n';
    const { result, text, records } = await convert('sends.csv', csv, { recordType: 'email_send', hashEmails: true });
    assert.deepEqual(records, [{ link: { email_sha256: sha256('ann@example.com') }, action_at: '2024-03-01T10:00:00Z', email_id: 'm-1', subject: 'Autumn sale' }]);
    assert.deepEqual(result.emails, { hashed: 1, leftOut: 2 });
    assert.match(result.notes.join('\n'), /from\.email: e-mail addresses were left out \(with from, which needs one\)/);
    assert.doesNotMatch(text, ADDRESS);
    for (const r of vendorRead(text, 'email_send')) parity.check(r.ok, `email_send on line ${r.line}`);
  });

  test('NDJSON: the clean step hashes too, an integer past 2^53 keeps its digits, a line without an address is written as it was', async () => {
    const ndjson = [
      '{"link":{"email":"Ann@Example.com"},"custom_fields":{"loyalty_no":12345678901234567890}}',
      '{"link":{"customer_id":"C-2"},  "first_name":"Bo"}',
      '{"link":{"link_type":"email","link_value":"cat@example.com"}}',
      '',
    ].join('\n');
    const { result, text } = await convert('profiles.ndjson', ndjson, { hashEmails: true });
    assert.equal(text, [
      `{"link":{"email_sha256":"${sha256('ann@example.com')}"},"custom_fields":{"loyalty_no":12345678901234567890}}`,
      '{"link":{"customer_id":"C-2"},  "first_name":"Bo"}',
      `{"link":{"link_type":"email_sha256","link_value":"${sha256('cat@example.com')}"}}`,
      '',
    ].join('\n'));
    assert.deepEqual(result.emails, { hashed: 2, leftOut: 0 });
  });

  test('a JSON array of records is hashed as it is converted', async () => {
    const { records, result } = await convert('profiles.json', JSON.stringify([{ link: { email: 'ann@example.com' }, email: 'ann@example.com', first_name: 'Ann' }]), { hashEmails: true });
    assert.deepEqual(records, [{ link: { email_sha256: sha256('ann@example.com') }, email_sha256: sha256('ann@example.com'), first_name: 'Ann' }]);
    assert.deepEqual(result.emails, { hashed: 2, leftOut: 0 });
  });

  test('orders grouped from a POS export are hashed once per order', oracle, async () => {
    const columns = { Store: 'store.name', Item: null };
    const { result, text } = await convert('pos-sales.csv', POS_SALES, {
      recordType: 'purchase', hashEmails: true,
      mapping: { groupBy: 'Receipt No', columns: { 'Receipt No': 'purchase_id', Date: 'action_at', Email: 'link.email', SKU: 'products.product_reference.id', Qty: 'products.quantity', 'Line Total': 'products.price_paid', ...columns }, constants: { type: 'physical', 'store.type': 'physical', 'products.product_reference.id_type': 'sku' }, unknownColumns: 'drop' },
    });
    assert.deepEqual(result.emails, { hashed: 3, leftOut: 0 });
    assert.doesNotMatch(text, ADDRESS);
    for (const r of vendorRead(text, 'purchase')) parity.check(r.ok, `hashed order on line ${r.line}`);
  });

  test('a file that already holds the hash keeps it, and the clear address is left out, said so', async () => {
    const csv = `Customer ID,Email,Email SHA256\nC-1,ann@example.com,${sha256('ann.old@example.com')}\n`;
    const { records, result } = await convert('both.csv', csv, { hashEmails: true, mapping: { columns: { 'Customer ID': 'link.customer_id', Email: 'email', 'Email SHA256': 'email_sha256' } } });
    assert.deepEqual(records, [{ link: { customer_id: 'C-1' }, email_sha256: sha256('ann.old@example.com') }]);
    assert.deepEqual(result.emails, { hashed: 0, leftOut: 1 });
    assert.match(result.notes.join('\n'), /^email: e-mail addresses were left out where email_sha256 already holds a hash \(the file's own was kept\)/m);
  });
});
