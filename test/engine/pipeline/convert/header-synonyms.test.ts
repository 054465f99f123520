// The one table of headers common exports write (Shopify, Klaviyo, Mailchimp, Salesforce, POS
// systems): consistent with itself and the record types, and suggesting what each export means.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mappingLookup, suggestMapping } from '../../../../main/engine/pipeline/column-mapping.js';
import { HEADER_SYNONYMS, SYNONYM_TABLE, normaliseHeader } from '../../../../main/engine/pipeline/convert/header-synonyms.js';
import { RECORD_TYPE_NAMES } from '../../../../main/engine/schemas/record-type-names.js';
import { useConvertInTemp } from './convert-in-temp.js';

const { convert } = useConvertInTemp('lexer-synonyms-');

describe('the header synonyms table', () => {
  test('a header listed twice (under any source) goes to the same fields each time', () => {
    const seen = new Map<string, string>();
    for (const [source, rows] of Object.entries(SYNONYM_TABLE)) {
      for (const { fields, headers } of rows) {
        for (const header of headers) {
          const key = normaliseHeader(header);
          const before = seen.get(key);
          assert.ok(before === undefined || before === fields.join(), `${source}: "${header}" is listed with ${fields.join()} and ${before}`);
          seen.set(key, fields.join());
          assert.deepEqual(HEADER_SYNONYMS[key], fields, header);
        }
      }
    }
  });

  test('every field the table names is a field some record type has (a line item\'s when rows are grouped into orders), and none is an object', () => {
    const all = new Map(RECORD_TYPE_NAMES.flatMap((t) => mappingLookup(t, true).fields.map((f) => [f.path, f.kind] as const)));
    for (const rows of Object.values(SYNONYM_TABLE)) {
      for (const { fields } of rows) {
        for (const field of fields) {
          assert.ok(all.has(field), `${field} is a field of a record type`);
          assert.notEqual(all.get(field), 'object', `${field} is not an object`);
        }
      }
    }
  });

  test('a value set beside a field is one of that field\'s values (a SKU column\'s id_type is sku)', () => {
    const all = new Map(RECORD_TYPE_NAMES.flatMap((t) => mappingLookup(t, true).fields.map((f) => [f.path, f] as const)));
    for (const rows of Object.values(SYNONYM_TABLE)) {
      for (const { also } of rows) {
        for (const [field, value] of Object.entries(also ?? {})) {
          assert.ok(all.get(field)?.enumValues?.includes(value), `${field}=${value}`);
        }
      }
    }
  });
});

describe('suggestions for common exports', () => {
  test("Shopify's customers export: the default address goes to city, state, country and postcode", () => {
    const headers = ['Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Default Address Company', 'Default Address Address1',
      'Default Address Address2', 'Default Address City', 'Default Address Province Code', 'Default Address Country Code', 'Default Address Zip',
      'Default Address Phone', 'Phone', 'Accepts SMS Marketing', 'Total Spent', 'Total Orders', 'Note', 'Tax Exempt', 'Tags'];
    assert.deepEqual(suggestMapping(headers, 'customer_record').columns, {
      'Customer ID': 'link.customer_id', 'First Name': 'first_name', 'Last Name': 'last_name', Email: 'email',
      'Default Address Address1': 'address_1', 'Default Address Address2': 'address_2', 'Default Address City': 'city',
      'Default Address Province Code': 'state', 'Default Address Country Code': 'country', 'Default Address Zip': 'postcode', Phone: 'mobile',
    });
  });

  test('a POS sales export: Date is action_at, Receipt No is purchase_id, and the Store text column is never the store object', () => {
    const headers = ['Date', 'Receipt No', 'Store', 'Customer Code', 'Email', 'Total', 'Staff'];
    const columns = suggestMapping(headers, 'purchase').columns;
    assert.equal(columns.Date, 'action_at');
    assert.equal(columns['Receipt No'], 'purchase_id');
    assert.equal(columns['Customer Code'], 'link.customer_id');
    assert.equal(columns.Store, undefined, 'Store is not suggested');
    assert.equal(suggestMapping(['store', 'location'], 'purchase').columns.store, undefined, 'not even a header named exactly like the object');
  });

  test('Klaviyo, Mailchimp and Salesforce exports', () => {
    assert.deepEqual(suggestMapping(['Email', 'Phone Number', 'First Name', 'Last Name', 'City', 'State / Region', 'Zip Code', 'Country'], 'customer_record').columns, {
      Email: 'link.email', 'Phone Number': 'mobile', 'First Name': 'first_name', 'Last Name': 'last_name', City: 'city', 'State / Region': 'state', 'Zip Code': 'zip', Country: 'country',
    });
    assert.deepEqual(suggestMapping(['Email Address', 'FNAME', 'LNAME', 'Birthday', 'CC', 'REGION', 'MEMBER_RATING'], 'customer_record').columns, {
      'Email Address': 'link.email', FNAME: 'first_name', LNAME: 'last_name', Birthday: 'date_of_birth', CC: 'country', REGION: 'state',
    });
    assert.deepEqual(suggestMapping(['Contact ID', 'Email', 'Mailing Street', 'Mailing City', 'Mailing State/Province', 'Mailing Zip/Postal Code', 'Mailing Country', 'Birthdate'], 'customer_record').columns, {
      'Contact ID': 'link.customer_id', Email: 'email', 'Mailing Street': 'address_1', 'Mailing City': 'city', 'Mailing State/Province': 'state',
      'Mailing Zip/Postal Code': 'postcode', 'Mailing Country': 'country', Birthdate: 'date_of_birth',
    });
  });

  test('converted with the suggestions, a POS "store" column is kept as a custom field, not refused as "is not an object"', async () => {
    const csv = 'Date,Receipt No,store,Email,products,type\n2026-03-01T10:00:00,R-1001,Bondi,ann@example.com,"[{""price_paid"": 10, ""quantity"": 1}]",physical\n';
    const { result, records } = await convert(csv, { mapping: suggestMapping(['Date', 'Receipt No', 'store', 'Email', 'products', 'type'], 'purchase') }, 'purchase');
    assert.equal(result.rejected, 0, JSON.stringify(result.errors));
    assert.deepEqual(records[0]?.custom_fields, { store: 'Bondi' });
    assert.equal(records[0]?.purchase_id, 'R-1001');
  });
});
