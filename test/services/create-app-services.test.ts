// The services behind both the Electron IPC and the browser host, against the real sandbox on
// loopback: what a person would notice (uploads land once, history tells the truth, bad input
// is refused plainly, the token never comes back).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { TestSandbox } from '../helpers/sandbox.js';
import { CUSTOMER, useSandboxServices, type ServicesFixture } from './services-fixture.js';

describe('app services', () => {
  let sb: TestSandbox;
  let f: ServicesFixture;
  useSandboxServices((s) => {
    ({ sb, f } = s);
  });

  test('saving the token answers its last 4 characters and never the token, in any reply or event', async () => {
    const token = sb.sandbox.token;
    const saved = await f.value('token:save', `  ${token}\n`, 'persistent');
    assert.equal(saved.stored, true);
    assert.equal(saved.backend, 'file');
    assert.ok(saved.warning, 'a plain file must say it is not encrypted');
    assert.equal(saved.last4, token.length >= 12 ? token.slice(-4) : null);
    assert.equal((await f.value('token:check', null)).valid, true);
    const path = await f.file('customers-2024-01-01-v1.ndjson', `${CUSTOMER}\n`);
    const req = { id: 'card-1', path, filename: 'customers-2024-01-01-v1.ndjson', destination: { datasetId: 'ds1', recordType: 'customer_record' }, validateFirst: true };
    const state = await f.value('uploads:start', req);
    assert.equal(state.kind, 'succeeded');
    await f.value('history:list');
    await f.value('token:status');
    await f.call('token:save', 'has a space inside', 'persistent');
    assert.ok(f.transcript.length > 5);
    for (const line of f.transcript) assert.ok(!line.includes(token), `token leaked in ${line.slice(0, 120)}`);
  });

  test('a second start of the same id while it runs does not upload twice', async () => {
    const before = (await sb.sandbox.storedFiles()).length;
    const putsBefore = sb.sandbox.requestLog.filter((r) => r.method === 'PUT').length;
    const path = await f.file('twice-2024-01-01-v1.ndjson', `${CUSTOMER}\n`.repeat(200));
    const req = { id: 'card-twice', path, filename: 'twice-2024-01-01-v1.ndjson', destination: null, validateFirst: false };
    const [a, b] = await Promise.all([f.call('uploads:start', req), f.call('uploads:start', req)]);
    assert.deepEqual(a, b);
    assert.ok(a.ok && a.value.kind === 'succeeded');
    assert.equal((await sb.sandbox.storedFiles()).length, before + 1);
    assert.equal(sb.sandbox.requestLog.filter((r) => r.method === 'PUT').length, putsBefore + 1);
  });

  test('the history records each outcome in the vendor’s words', async () => {
    const good = await f.file('ok-2024-01-01-v1.ndjson', `${CUSTOMER}\n`);
    await f.value('uploads:start', { id: 'h-ok', path: good, filename: 'ok-2024-01-01-v1.ndjson', destination: null, validateFirst: false });
    const bad = await f.file('bad-2024-01-01-v1.ndjson', `${CUSTOMER}\n{"link":{"email":"not-an-email"}}\n`);
    const failed = await f.value('uploads:start', {
      id: 'h-bad', path: bad, filename: 'bad-2024-01-01-v1.ndjson', destination: { datasetId: 'ds1', recordType: 'customer_record' }, validateFirst: true,
    });
    assert.equal(failed.kind, 'failed');
    assert.ok(failed.kind === 'failed' && failed.error.code === 'invalid-records');
    const list = await f.value('history:list');
    const byName = (name: string) => list.find((e) => e.filename === name);
    // NDJSON is gzipped on the way, so the name sent ends .gz.
    assert.equal(byName('ok-2024-01-01-v1.ndjson.gz')?.status, 'Success');
    assert.ok(byName('ok-2024-01-01-v1.ndjson.gz')?.uploadId);
    assert.equal(byName('bad-2024-01-01-v1.ndjson.gz')?.status, 'Failed');
    assert.equal(byName('bad-2024-01-01-v1.ndjson.gz')?.error?.code, 'invalid-records');
    assert.equal(byName('bad-2024-01-01-v1.ndjson.gz')?.datasetId, 'ds1');
  });

  test('cancelling an upload ends it as Cancelled in the state and the history', async () => {
    // The sandbox answers 503 with a long Retry-After, so the upload is waiting when cancelled
    // (the first 503 meets the link asked for while compressing, which gives up at once).
    sb.sandbox.faults.apiResponses.push({ status: 503, retryAfter: 30 }, { status: 503, retryAfter: 30 });
    // Content of its own: the same bytes sent earlier would be held back by the duplicate guard.
    const path = await f.file('cancel-2024-01-01-v1.ndjson', `${CUSTOMER}\n`.repeat(3));
    const running = f.call('uploads:start', { id: 'c-1', path, filename: 'cancel-2024-01-01-v1.ndjson', destination: null, validateFirst: false });
    for (let i = 0; i < 200 && !f.states.some((s) => s.id === 'c-1' && s.state.kind === 'retrying'); i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(await f.value('uploads:cancel', 'c-1'), true);
    const end = await running;
    assert.ok(end.ok && end.value.kind === 'cancelled');
    assert.equal((await f.value('history:list')).find((e) => e.filename === 'cancel-2024-01-01-v1.ndjson.gz')?.status, 'Cancelled');
    assert.equal(await f.value('uploads:cancel', 'c-1'), false, 'nothing left to cancel');
    sb.sandbox.faults.apiResponses.length = 0;
  });

  test('upload states reach the window in order, ending with the final state', async () => {
    const path = await f.file('events-2024-01-01-v1.ndjson', `${CUSTOMER}\n`.repeat(4));
    await f.value('uploads:start', { id: 'ev-1', path, filename: 'events-2024-01-01-v1.ndjson', destination: null, validateFirst: false });
    const kinds = f.states.filter((s) => s.id === 'ev-1').map((s) => s.state.kind);
    assert.equal(kinds[0], 'pending');
    assert.ok(kinds.includes('uploading'));
    assert.equal(kinds.at(-1), 'succeeded');
  });
});
