import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getRecordType } from '../../../main/engine/schemas/record-types.js';

const customer = getRecordType('customer_record');
const purchase = getRecordType('purchase');
const goodPurchase = {
  link: { email: 'jane@fake.com' },
  action_at: '2023-03-06T12:26:47Z',
  purchase_id: 'p-1',
  type: 'ecommerce',
  products: [{ price_paid: 9.95, quantity: 2 }],
};

function failures(result: ReturnType<typeof customer.check>): Array<{ field: string; rule: string; message: string }> {
  assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result)}`);
  if (result.ok) throw new Error('unreachable');
  return result.problems;
}

function failure(result: ReturnType<typeof customer.check>): { field: string; rule: string; message: string } {
  const all = failures(result);
  assert.equal(all.length, 1, `expected one problem, got ${JSON.stringify(all)}`);
  return all[0] as { field: string; rule: string; message: string };
}

describe('one message per invalid record', () => {
  const cases: Array<[string, unknown, string, string]> = [
    ['bad link email', { link: { email: 'not-an-email' } }, 'link.email', 'link.email: "not-an-email" is not an email address'],
    ['mixed link', { link: { email: 'jane@fake.com', customer_id: 'C1' } }, 'link', 'link: has both "email" and "customer_id"; use exactly one way to identify the customer'],
    ['unknown link key', { link: { email: 'jane@fake.com', foo: 1 } }, 'link', 'link: unknown field "foo"'],
    ['missing link', { first_name: 'Jane' }, 'link', 'link: is required'],
    ['null link', { link: null }, 'link', 'link: is required'],
    ['external_id without system_name', { link: { external_id: 'X1' } }, 'link.system_name', 'link.system_name: is required'],
    ['system_name with email', { link: { email: 'jane@fake.com', system_name: 'pos' } }, 'link', 'link: "system_name" does not go with "email"'],
    ['empty link_value', { link: { link_type: 'email', link_value: '' } }, 'link.link_value', 'link.link_value: is empty'],
    ['bad date', { link: { mobile: '61491570006' }, date_of_birth: '06/03/1990' }, 'date_of_birth', 'date_of_birth: "06/03/1990" is not a date (YYYY-MM-DD, or a Unix timestamp)'],
    ['impossible date', { link: { mobile: '61491570006' }, date_of_birth: '1990-02-30' }, 'date_of_birth', 'date_of_birth: "1990-02-30" is not a date (YYYY-MM-DD, or a Unix timestamp)'],
    ['custom_fields not an object', { link: { mobile: '1' }, custom_fields: 'vip' }, 'custom_fields', 'custom_fields: "vip" is not an object'],
    ['boolean as text Lexer cannot read', { link: { mobile: '1' }, employee_flag: 'maybe' }, 'employee_flag', 'employee_flag: "maybe" is not true or false'],
  ];
  for (const [name, record, field, message] of cases) {
    test(name, () => {
      const got = failure(customer.check(record));
      assert.equal(got.message, message);
      assert.equal(got.field, field);
    });
  }

  const purchaseCases: Array<[string, Record<string, unknown>, string]> = [
    ['bare date as date-time', { action_at: '2023-03-06' }, 'action_at: "2023-03-06" is not a date-time (a date without a time; write e.g. "2023-03-06T00:00:00Z")'],
    ['bad enum', { type: 'online' }, 'type: "online" is not an allowed value (allowed: physical, ecommerce)'],
    ['latitude 200', { store: { type: 'physical', name: 'St Kilda', location: { coordinate: { latitude: 200, longitude: 0 } } } },
      'store.location.coordinate.latitude: 200 is out of range (must be at least -90 and below 90)'],
    ['latitude 90 (upper bound excluded)', { store: { type: 'outlet', name: 'x', location: { coordinate: { latitude: 90, longitude: 0 } } } },
      'store.location.coordinate.latitude: 90 is out of range (must be at least -90 and below 90)'],
    ['string where an array is due', { products: 'shoes' }, 'products: "shoes" is not an array (a JSON list, e.g. [...])'],
    ['missing required', { purchase_id: undefined }, 'purchase_id: is required'],
    ['quantity below 1 in the second item', { products: [{ price_paid: 1, quantity: 1 }, { price_paid: 1, quantity: 0 }] }, 'products[1].quantity: 0 is out of range (must be at least 1)'],
  ];
  for (const [name, patch, message] of purchaseCases) {
    test(`purchase: ${name}`, () => {
      assert.equal(failure(purchase.check({ ...goodPurchase, ...patch })).message, message);
    });
  }

  test('errors group by a field path without item numbers', () => {
    const got = failure(purchase.check({ ...goodPurchase, products: [{ price_paid: 1, quantity: 0 }] }));
    assert.deepEqual([got.field, got.rule], ['products[].quantity', 'out of range']);
  });

  test('a record that is not an object', () => {
    assert.equal(failure(customer.check([1, 2])).message, 'the record is an array, not an object');
  });

  test('product: the field named by product_reference_type must have a value', () => {
    const product = getRecordType('product');
    assert.equal(failure(product.check({ sku: 'S1' })).message, 'product_id: is required because product_reference_type is "product_id" (the default)');
    assert.deepEqual(product.check({ sku: 'S1', product_reference_type: 'sku' }), { ok: true, warnings: [] });
    assert.equal(failure(product.check({ product_id: 'P', images: ['ftp://x.com/a.jpg'] })).message, 'images[0]: "ftp://x.com/a.jpg" is not a web address (URL scheme not permitted: write it as http://... or https://...)');
  });
});

describe('what the vendor accepts', () => {
  test('optional fields may be null', () => {
    const record = { link: { customer_id: '1', system_name: null }, email: null, date_of_birth: null, employee_flag: null, custom_fields: null };
    assert.deepEqual(customer.check(record), { ok: true, warnings: [] });
  });
  test('date-times with or without a zone, with a space, or a Unix timestamp', () => {
    for (const action_at of ['2023-03-06T12:26:47Z', '2023-03-06T12:26:47', '2023-03-06 12:26', '2023-03-06T12:26:47.123+10:00', 1678105607, '1678105607']) {
      assert.deepEqual(purchase.check({ ...goodPurchase, action_at }), { ok: true, warnings: [] }, String(action_at));
    }
  });
  test('a number where a string is due is accepted with a warning', () => {
    assert.deepEqual(customer.check({ link: { customer_id: 123 } }), {
      ok: true,
      warnings: ['link.customer_id: 123 is a number; Lexer reads it as the string "123"'],
    });
  });
  test('text where a number or boolean is due is accepted with a warning', () => {
    const result = purchase.check({ ...goodPurchase, products: [{ price_paid: '9.95', quantity: 2 }] });
    assert.deepEqual(result, { ok: true, warnings: ['products[0].price_paid: "9.95" is a string; Lexer reads it as the number 9.95'] });
    const flag = customer.check({ link: { mobile: '1' }, employee_flag: 'yes' });
    assert.deepEqual(flag, { ok: true, warnings: ['employee_flag: "yes" is a string; Lexer reads it as true'] });
  });
  test('a converted value still has to pass its format', () => {
    assert.equal(failure(customer.check({ link: { email: 123 } })).message, 'link.email: 123 is not an email address');
  });
  test('check never changes the record it is given', () => {
    const record = { link: { customer_id: 5 }, employee_flag: 'no' };
    customer.check(record);
    assert.deepEqual(record, { link: { customer_id: 5 }, employee_flag: 'no' });
  });
  test('unknown top-level fields are ignored, as pydantic does', () => {
    assert.deepEqual(customer.check({ link: { email: 'a@b.co' }, loyalty_tier: 'gold' }), { ok: true, warnings: [] });
  });
});

// Each case is a minimal input on which our checks once disagreed with the vendor's pydantic
// validator (lexerdev/lexer-schemas; pydantic 1.10's datetime_parse.py, networks.py, validators.py).
describe('as Lexer\'s validator reads it', () => {
  const emailSend = getRecordType('email_send');
  const product = getRecordType('product');
  const sent = { link: { email: 'a@b.co' }, action_at: 1678105607, email_id: 'e-1' };

  test('emails are stripped (Python\'s white space) and lower-cased before they are checked', () => {
    for (const email of [' jane@example.com ', 'jane@example.com\t', 'Jane@Example.COM', '\u00a0jane@example.com\u001f']) {
      assert.deepEqual(customer.check({ link: { email } }), { ok: true, warnings: [] }, JSON.stringify(email));
      assert.deepEqual(customer.check({ link: { mobile: '1' }, email }), { ok: true, warnings: [] }, `email ${JSON.stringify(email)}`);
      assert.deepEqual(emailSend.check({ ...sent, to: { email }, from: { email } }), { ok: true, warnings: [] }, `to/from ${JSON.stringify(email)}`);
    }
    // Python's strip() keeps U+FEFF (it is not white space to str.isspace), so Lexer refuses it.
    assert.equal(failure(customer.check({ link: { email: '\ufeffjane@example.com' } })).rule, 'not an email address');
  });

  test('an empty email attribute is no email; an empty link email or blank attribute is refused', () => {
    assert.deepEqual(customer.check({ link: { customer_id: 'C1' }, email: '' }), { ok: true, warnings: [] });
    assert.equal(failure(customer.check({ link: { customer_id: 'C1' }, email: '   ' })).message, 'email: "   " is not an email address');
    assert.equal(failure(customer.check({ link: { email: '' } })).message, 'link.email: "" is not an email address');
    assert.equal(failure(emailSend.check({ ...sent, to: { email: '' } })).message, 'to.email: "" is not an email address');
  });

  test('custom_fields: [] (PHP\'s empty map) and "" read as {}, a list of pairs as an object; other lists are refused', () => {
    assert.deepEqual(customer.check({ link: { customer_id: 'C1' }, custom_fields: [] }), { ok: true, warnings: ['custom_fields: [] is an empty list; Lexer reads it as {} (no fields)'] });
    assert.equal(customer.check({ link: { customer_id: 'C1' }, custom_fields: '' }).ok, true);
    assert.equal(customer.check({ link: { customer_id: 'C1' }, custom_fields: [['tier', 'gold']] }).ok, true);
    assert.equal(purchase.check({ ...goodPurchase, custom_fields: [] }).ok, true);
    assert.equal(failure(customer.check({ link: { customer_id: 'C1' }, custom_fields: [1, 2] })).message, 'custom_fields: [1,2] is not an object');
  });

  test('a date given as a Unix timestamp (number or text, seconds or milliseconds) is read as that day, with a warning', () => {
    for (const dob of [479347200, '479347200', 479347200000, ' 479347200.5 ']) {
      const result = customer.check({ link: { customer_id: 'C1' }, date_of_birth: dob });
      assert.equal(result.ok, true, String(dob));
      assert.match(result.ok ? result.warnings.join() : '', /date_of_birth: .* is a Unix timestamp; Lexer reads it as the date 1985-03-11/);
    }
  });

  test('a date written as bare digits (19850304, 1985) is refused, saying what Lexer would read', () => {
    assert.equal(
      failure(customer.check({ link: { customer_id: 'C1' }, date_of_birth: '19850304' })).message,
      'date_of_birth: "19850304" is not a date (it looks like 1985-03-04 written without dashes; Lexer would read 19850304 as seconds since 1 January 1970 (1970-08-18); write "1985-03-04")',
    );
    assert.match(failure(customer.check({ link: { customer_id: 'C1' }, date_of_birth: 19850304 })).message, /1985-03-04 written without dashes/);
    assert.match(failure(customer.check({ link: { customer_id: 'C1' }, date_of_birth: 1985 })).message, /a year alone is not a date/);
    assert.match(failure(purchase.check({ ...goodPurchase, action_at: '20230306' })).message, /^action_at: "20230306" is not a date-time \(it looks like 2023-03-06 .*write "2023-03-06T00:00:00Z"\)$/);
    assert.match(failure(purchase.check({ ...goodPurchase, action_at: 20230306 })).message, /1970-08-23/);
  });

  test('image URLs follow pydantic\'s HttpUrl: a top-level domain of two letters or more, stripped, a port up to 65535', () => {
    const images = (list: string[]) => product.check({ product_id: 'P1', images: list });
    assert.equal(
      failure(images(['https://cdn.example.c/a.jpg'])).message,
      'images[0]: "https://cdn.example.c/a.jpg" is not a web address (URL host invalid, top level domain required)',
    );
    for (const ok of [' https://cdn.example.com/a.jpg ', 'http://127.0.0.1/x.png', 'https://bücher.de/a.jpg', 'https://xn--bcher-kva.de/a.jpg', 'https://cdn.example.com./a.jpg?v=2#top']) {
      assert.deepEqual(images([ok]), { ok: true, warnings: [] }, ok);
    }
    assert.match(failure(images(['https://localhost/a.jpg'])).message, /top level domain required/);
    assert.match(failure(images(['https://cdn.example.com:70000/a.jpg'])).message, /port cannot exceed 65535/);
    assert.match(failure(images(['cdn.example.com/a.jpg'])).message, /missing URL scheme: write it as http/);
    assert.match(failure(images(['https://cdn.example.com/a b.jpg'])).message, /extra characters found after valid URL: " b\.jpg"/);
  });

  test('every failing field of a record is reported, one problem each, in field order', () => {
    const all = failures(customer.check({ link: { email: 'nope' }, date_of_birth: 'soon', employee_flag: 'maybe' }));
    assert.deepEqual(all.map((p) => p.field), ['link.email', 'date_of_birth', 'employee_flag']);
    const items = failures(purchase.check({ ...goodPurchase, products: [{ price_paid: 1, quantity: 0 }, { price_paid: -1, quantity: 0 }] }));
    assert.deepEqual(items.map((p) => p.message), [
      'products[0].quantity: 0 is out of range (must be at least 1)',
      'products[1].price_paid: -1 is out of range (must be at least 0)',
      'products[1].quantity: 0 is out of range (must be at least 1)',
    ]);
  });

  test('messages name the real cause: a decimal comma, one object where a list is due', () => {
    assert.deepEqual(failure(purchase.check({ ...goodPurchase, products: [{ price_paid: '29,95', quantity: 1 }] })), {
      field: 'products[].price_paid', rule: 'not a number (decimal comma)',
      message: 'products[0].price_paid: "29,95" is not a number (it looks like a decimal comma: write 29.95)',
    });
    assert.equal(
      failure(purchase.check({ ...goodPurchase, products: { price_paid: 1, quantity: 1 } })).message,
      'products: {"price_paid":1,"quantity":1} is not an array (one object where a list is expected: put it in [ ], e.g. [{...}])',
    );
  });
});

// Each value below was read by the vendor's pydantic models (test/helpers/vendor-oracle.py) first:
// accepted ones say what Lexer reads, refused ones are refused there too.
describe('pydantic\'s conversions, said as warnings', () => {
  const customerWith = (patch: Record<string, unknown>) => customer.check({ link: { customer_id: 'C1' }, ...patch });
  const item = (product: Record<string, unknown>) => purchase.check({ ...goodPurchase, products: [{ price_paid: 9.95, quantity: 1, ...product }] });
  const warned = (result: ReturnType<typeof customer.check>) => (result.ok ? result.warnings : assert.fail(JSON.stringify(result)));

  test('booleans: 0 and 1, and pydantic\'s words for yes and no in any case', () => {
    for (const yes of [1, '1', 'on', 'ON', 't', 'true', 'y', 'Yes']) {
      assert.match(warned(customerWith({ employee_flag: yes })).join(), /Lexer reads it as true$/, String(yes));
    }
    for (const no of [0, '0', 'off', 'F', 'f', 'false', 'n', 'nO']) {
      assert.match(warned(customerWith({ employee_flag: no })).join(), /Lexer reads it as false$/, String(no));
    }
    assert.deepEqual(warned(customerWith({ employee_flag: 1 })), ['employee_flag: 1 is a number; Lexer reads it as true']);
    assert.equal(failure(customerWith({ employee_flag: 2 })).message, 'employee_flag: 2 is not true or false');
  });

  test('text fields take numbers and booleans as Python prints them', () => {
    assert.deepEqual(warned(customer.check({ link: { customer_id: true } })), ['link.customer_id: true is a boolean; Lexer reads it as the string "True"']);
    assert.deepEqual(warned(customerWith({ first_name: false })), ['first_name: false is a boolean; Lexer reads it as the string "False"']);
    assert.deepEqual(warned(customerWith({ first_name: 2.5 })), ['first_name: 2.5 is a number; Lexer reads it as the string "2.5"']);
  });

  test('whole numbers: text of digits, a fraction cut off (said so), a boolean as 1 or 0; "5.0" is refused', () => {
    assert.deepEqual(warned(item({ quantity: '5' })), ['products[0].quantity: "5" is a string; Lexer reads it as the number 5']);
    assert.deepEqual(warned(item({ quantity: ' +3 ' })), ['products[0].quantity: " +3 " is a string; Lexer reads it as the number 3']);
    assert.deepEqual(warned(item({ quantity: 2.5 })), ['products[0].quantity: 2.5 is not a whole number; Lexer reads it as the number 2']);
    assert.deepEqual(warned(item({ quantity: 1.9 })), ['products[0].quantity: 1.9 is not a whole number; Lexer reads it as the number 1']);
    assert.deepEqual(warned(item({ quantity: true })), ['products[0].quantity: true is a boolean; Lexer reads it as the number 1']);
    assert.equal(failure(item({ quantity: '5.0' })).message, 'products[0].quantity: "5.0" is not a whole number');
  });

  test('numbers: text with spaces around it, a boolean as 1 or 0', () => {
    assert.deepEqual(warned(item({ price_paid: ' 9.95 ' })), ['products[0].price_paid: " 9.95 " is a string; Lexer reads it as the number 9.95']);
    assert.deepEqual(warned(item({ price_paid: true })), ['products[0].price_paid: true is a boolean; Lexer reads it as the number 1']);
    assert.deepEqual(warned(item({ price_paid: false })), ['products[0].price_paid: false is a boolean; Lexer reads it as the number 0']);
  });

  test('custom_fields as [key, value] pairs: number keys become text; a pair of one or a key of null is refused', () => {
    assert.deepEqual(warned(customerWith({ custom_fields: [['tier', 'gold'], [1, 'x'], [1.5, 'y']] })), [
      'custom_fields: [["tier","gold"],[1,"x"],[1.5,"y"]] is a list of [key, value] pairs; Lexer reads it as an object',
    ]);
    assert.deepEqual(warned(customerWith({ custom_fields: '' })), ['custom_fields: "" is an empty string; Lexer reads it as {} (no fields)']);
    assert.equal(failure(customerWith({ custom_fields: [['a']] })).message, 'custom_fields: [["a"]] is not an object');
    assert.equal(failure(customerWith({ custom_fields: [[null, 'x']] })).message, 'custom_fields: [[null,"x"]] is not an object');
  });
});

describe('messages a person can act on', () => {
  test('a link that is text, empty, or without an identifier says what a link needs', () => {
    const ways = 'email, email_sha256, email_md5, customer_id, mobile, external_id, or link_type with link_value';
    assert.equal(failure(customer.check({ link: 'jane' })).message, 'link: "jane" is not an object (e.g. {"email": "jane@example.com"})');
    assert.equal(failure(customer.check({ link: [] })).rule, 'not an object');
    assert.equal(failure(customer.check({ link: {} })).message, `link: is empty; identify the customer with one of ${ways}`);
    assert.equal(failure(customer.check({ link: { system_name: 'pos' } })).message, `link: has no identifier; "system_name" needs one of ${ways}`);
  });

  test('the decimal-comma hint: thousands grouped by dots, a sign, spaces around; anything else is just not a number', () => {
    const price = (price_paid: string) => failure(purchase.check({ ...goodPurchase, products: [{ price_paid, quantity: 1 }] })).message;
    for (const [text, write] of [['1.234,50', '1234.50'], ['12.345,6', '12345.6'], ['1.234.567,8', '1234567.8'], ['1234,5', '1234.5'], [' -3,5 ', '-3.5'], ['+1,5', '+1.5'], ['\t2,5\t', '2.5']]) {
      assert.equal(price(text as string), `products[0].price_paid: ${JSON.stringify(text)} is not a number (it looks like a decimal comma: write ${write})`);
    }
    for (const text of ['12.34,5', '1.2345,6', '1.23,4', '1,5x', 'x1,5', '1,', ',5']) {
      assert.equal(price(text), `products[0].price_paid: ${JSON.stringify(text)} is not a number`);
    }
  });

  test('a long value is cut to 60 characters in the message', () => {
    const message = failure(customer.check({ link: { customer_id: 'C1' }, employee_flag: 'x'.repeat(100) })).message;
    assert.equal(message, `employee_flag: "${'x'.repeat(58)}… is not true or false`);
    assert.equal(failure(customer.check({ link: { customer_id: 'C1' }, employee_flag: 'x'.repeat(58) })).message, `employee_flag: "${'x'.repeat(58)}" is not true or false`);
  });

  test('a return is written as negatives, and the range says so', () => {
    const returned = getRecordType('return');
    const good = { link: { email: 'jane@fake.com' }, action_at: '2023-03-06T12:26:47Z', return_id: 'r-1', type: 'ecommerce', products: [{ price_paid: -9.95, quantity: -1 }] };
    assert.deepEqual(returned.check(good), { ok: true, warnings: [] });
    assert.equal(failure(returned.check({ ...good, products: [{ price_paid: 1, quantity: -1 }] })).message, 'products[0].price_paid: 1 is out of range (must be at most 0)');
    assert.equal(failure(returned.check({ ...good, products: [{ price_paid: 0, quantity: 0 }] })).message, 'products[0].quantity: 0 is out of range (must be at most -1)');
  });
});
