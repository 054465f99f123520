// The mapping's choices: every field one CSV column can fill, for the chosen record type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeServices } from '../services-fixture.js';

test('schema:fields lists the link variants and flat fields a column can fill, not array items or objects', async () => {
  const f = await makeServices('http://127.0.0.1:9');
  try {
    const customer = (await f.value('schema:fields', 'customer_record', false)).map((x) => x.path);
    for (const path of ['link.email', 'link.customer_id', 'email', 'first_name', 'date_of_birth']) assert.ok(customer.includes(path), path);
    assert.ok(!customer.includes('link') && !customer.includes('custom_fields'), 'objects are not a column target');
    const purchase = await f.value('schema:fields', 'purchase', false);
    assert.ok(purchase.some((x) => x.path === 'purchase_id' && x.required));
    assert.ok(purchase.every((x) => !x.path.includes('[]')), 'array items cannot come from one column');
    const bad = await f.call('schema:fields', 'customers', false);
    assert.ok(!bad.ok && bad.error.code === 'usage');
  } finally {
    await f.close();
  }
});
