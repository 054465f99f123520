import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { truncate } from 'node:fs/promises';
import { makeServices, type ServicesFixture } from '../services-fixture.js';

describe('files:inspect', () => {
  let f: ServicesFixture;
  before(async () => {
    f = await makeServices('http://127.0.0.1:9');
  });
  after(() => f.close());

  test('a badly named file gets its problems and a fixed name', async () => {
    const path = await f.file('My Customers (1).csv', 'a,b\n1,2\n');
    const info = await f.value('files:inspect', path);
    assert.equal(info.kind, 'csv');
    assert.equal(info.size, 8);
    assert.equal(info.name, 'My Customers (1).csv');
    assert.equal(info.nameCheck.valid, false);
    assert.ok(info.nameCheck.problems.length > 0);
    assert.notEqual(info.nameCheck.fixed, info.name);
    assert.equal((await f.value('files:check-name', info.nameCheck.fixed)).valid, true, 'the fixed name passes the rules');
    assert.equal(info.blocker, null);
  });

  test('an empty file is blocked with a plain reason', async () => {
    const info = await f.value('files:inspect', await f.file('empty-2024-01-01-v1.ndjson', ''));
    assert.equal(info.blocker?.code, 'file-empty');
  });

  test('a file over 5 GiB is not blocked: it is sent in parts', async () => {
    // A first record, then sparse: the size without the disk space (a file of zero bytes only is refused as not text).
    const path = await f.file('huge-20260101-v1.ndjson', '{"link":{"email":"a@example.com"}}\n');
    await truncate(path, 5 * 1024 ** 3 + 1);
    const info = await f.value('files:inspect', path);
    assert.equal(info.size, 5 * 1024 ** 3 + 1);
    assert.equal(info.blocker, null);
  });

  test('a missing file is blocked, not an error', async () => {
    const info = await f.value('files:inspect', `${f.dir}/gone.csv`);
    assert.equal(info.blocker?.code, 'file-unreadable');
  });

  test('uploading without a token fails plainly and sends nothing', async () => {
    const path = await f.file('x-2024-01-01-v1.ndjson', '{}\n');
    const state = await f.value('uploads:start', { id: 'no-token', path, filename: 'x-2024-01-01-v1.ndjson', destination: null, validateFirst: false });
    assert.ok(state.kind === 'failed' && state.error.code === 'no-token');
  });
});
