// What an alert may say: never the token, a link's query, or a record's value in any form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeAlertText } from '../../../main/engine/alerts/alert-text.js';

test('a record\'s problem, quoted values, a link\'s query and the token are cut from an alert', () => {
  const token = 'tok-0123456789abcdef';
  const text = safeAlertText(
    `2 of 9 records in a.ndjson are not valid customer_record records (line 2: link: {"id":[4711]} is not an object (e.g. {"email": "jane@example.com"})), so it was not sent. `
    + `Column B, "birthday", has "12/03/1985" on line 4. Age 512 (line 7: age: 512 is out of range). Link https://bucket.s3.amazonaws.com/k?X-Amz-Signature=abc and token ${token}; ${encodeURIComponent(token)}`,
    token,
  );
  assert.equal(text, '2 of 9 records in a.ndjson are not valid customer_record records, so it was not sent. '
    + 'Column B, "…", has "…" on line 4. Age 512. Link https://bucket.s3.amazonaws.com/k and token [token hidden]; [token hidden]');
});
