// Sandbox mode: a person without a Lexer account turns on "Use the local sandbox" and can
// upload at once, with no token of their own; the file lands in the embedded sandbox's folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CUSTOMER, makeServices } from '../services-fixture.js';


test('with the local sandbox on, an upload needs no saved token and lands in the embedded sandbox', async () => {
  // The configured API URL points nowhere: sandbox mode must not use it.
  const f = await makeServices('http://127.0.0.1:9');
  try {
    const off = await f.value('sandbox:status');
    assert.deepEqual(off, { enabled: false, apiUrl: null, storageDir: null });
    const path = await f.file('customers-20260101-v1.ndjson', `${CUSTOMER}\n`);
    const request = { id: 'sb-1', path, filename: 'customers-20260101-v1.ndjson', destination: { datasetId: 'ds1', recordType: 'customer_record' }, validateFirst: true };
    const refused = await f.value('uploads:start', request);
    assert.ok(refused.kind === 'failed' && refused.error.code === 'no-token', 'without a token and without the sandbox nothing is sent');

    const settings = await f.value('settings:update', { useSandbox: true });
    assert.equal(settings.useSandbox, true);
    const on = await f.value('sandbox:status');
    assert.equal(on.enabled, true);
    assert.match(on.apiUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+/);
    assert.ok(on.storageDir?.startsWith(f.dir), 'the sandbox keeps files under the app data folder');
    assert.equal((await f.value('token:check', null)).valid, true);

    const done = await f.value('uploads:start', { ...request, id: 'sb-2' });
    assert.equal(done.kind, 'succeeded');
    // s3rver keeps each object as `<key>._S3rver_object` under the bucket folder.
    // Gzipped on the way: the name gets .gz and the object gunzips to the file.
    const landed = (await readdir(on.storageDir!, { recursive: true })).filter((p) => p.endsWith('customers-20260101-v1.ndjson.gz._S3rver_object'));
    assert.equal(landed.length, 1, `the file is in the sandbox storage (${on.storageDir})`);
    assert.deepEqual(gunzipSync(await readFile(join(on.storageDir!, landed[0]!))), await readFile(path));
  } finally {
    await f.close();
  }
});
