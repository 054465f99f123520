// Every channel treats its arguments as unknown: bad shapes are refused with a plain `usage`
// error and never reach the engine (nothing is uploaded, nothing is saved).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { InvokeChannel } from '../../../main/contract/channels.js';
import { makeServices, type ServicesFixture } from '../services-fixture.js';

const BAD_CALLS: Array<[InvokeChannel, unknown[]]> = [
  ['settings:get', ['extra']],
  ['settings:update', [{ concurrency: 9 }]],
  ['settings:update', [{ concurrency: '2' }]],
  ['settings:update', [{ apiUrl: 'javascript:alert(1)' }]],
  ['settings:update', [{ apiUrl: 'https://user:pw@api.lexer.io' }]],
  ['settings:update', [{ theme: 'dark' }]],
  ['settings:update', [null]],
  ['token:save', [12345678, 'persistent']],
  ['token:save', ['abcdefghijkl', 'somewhere']],
  ['token:save', ['short', 'persistent']],
  ['files:inspect', ['relative/file.csv']],
  ['files:inspect', [{ path: '/etc/passwd' }]],
  ['files:check-name', ['']],
  ['preview:csv', ['/tmp/a.csv', 0, null, null]],
  ['preview:csv', ['/tmp/a.csv', 10, 'not_a_type', null]],
  ['preview:csv', ['/tmp/a.csv', 10, null, 'ebcdic']],
  ['mapping:suggest', ['Email', 'customer_record']],
  ['mapping:suggest', [['Email'], 'customer_record', 42]],
  ['schema:fields', ['purchase', 'yes']],
  ['jobs:validate', ['job 1', '/tmp/a.ndjson', 'customer_record']],
  ['jobs:validate', ['j1', '/tmp/a.ndjson', 'customers']],
  ['jobs:convert', ['j1', { path: '/tmp/a.csv', recordType: 'customer_record', gzip: false, stopOnFirstInvalid: false, mapping: { columns: {}, unknownColumns: 'keep', inferCustomTypes: false } }]],
  ['jobs:export-errors', ['../../etc']],
  ['uploads:start', [{ id: 'x', path: '/tmp/a.ndjson' }]],
  ['uploads:start', [{ id: 'x', path: '/tmp/a.ndjson', filename: 'a.ndjson', destination: { datasetId: 'd', recordType: 'nope' }, validateFirst: false }]],
  ['uploads:start', [{ id: 'x', path: '/tmp/a.ndjson', filename: 'a.ndjson', destination: null, validateFirst: 'yes' }]],
  ['uploads:start', [{ id: 'x', path: '/tmp/a.ndjson', filename: 'a.ndjson', destination: null, validateFirst: false, token: 'sneaky' }]],
  ['uploads:cancel', [42]],
  ['shell:open-external', ['http://hub.lexer.io']],
  ['shell:open-external', ['https://evil.example.com']],
  ['shell:open-external', ['file:///etc/passwd']],
];

describe('argument validation', () => {
  let f: ServicesFixture;
  before(async () => {
    f = await makeServices('http://127.0.0.1:9');
  });
  after(() => f.close());

  for (const [channel, args] of BAD_CALLS) {
    test(`${channel} refuses ${JSON.stringify(args).slice(0, 70)}`, async () => {
      const r = await f.call(channel, ...args);
      assert.equal(r.ok, false);
      assert.ok(!r.ok && r.error.code === 'usage', JSON.stringify(r));
      assert.ok(!r.ok && r.error.message.length > 10, 'the message says what was wrong');
    });
  }

  test('refused settings leave the saved settings as they were', async () => {
    const before = await f.value('settings:get');
    await f.call('settings:update', { concurrency: 9, defaultDatasetId: 'changed' });
    assert.deepEqual(await f.value('settings:get'), before);
  });

  test('a refused token is not stored', async () => {
    await f.call('token:save', 'has spaces inside it', 'persistent');
    assert.equal((await f.value('token:status')).stored, false);
  });
});
