// The services behind the upload card, History and Settings, against the real sandbox on
// loopback: a converted file's upload keeps the counts of what was left out, History tells
// sandbox from Lexer and shows the file the person chose, Check token asks the URL on screen,
// presets and copies are main's.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MappingPreset } from '../../main/contract/jobs.js';
import { createAppServices } from '../../main/services/create-app-services.js';
import { openHistory } from '../../main/engine/history/upload-history.js';
import { createSessionVault } from '../../main/engine/vault/session-vault.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { xlsxFile } from '../helpers/office-files.js';
import { useSandboxServices, type ServicesFixture } from './services-fixture.js';

const exists = (p: string) => access(p).then(() => true, () => false);
const MAPPING = { columns: { Email: 'link.email', Birthday: 'date_of_birth' }, unknownColumns: 'drop', inferCustomTypes: false } as const;

describe('services behind the card, History and Settings', () => {
  let sb: TestSandbox;
  let f: ServicesFixture;
  useSandboxServices(async (s) => {
    ({ sb, f } = s);
    await f.value('token:save', sb.sandbox.token, 'session');
  });

  test('a converted CSV with rejected rows uploads with its counts, and History keeps them and the CSV’s name', async () => {
    const csv = await f.file('shop export.csv', 'Email,Birthday\na@example.com,1985-04-13\nb@example.com,31/02/1985\nc@example.com,1990-01-02\n');
    const report = await f.value('jobs:convert', 'conv-1', { path: csv, recordType: 'customer_record', mapping: MAPPING, gzip: false, stopOnFirstInvalid: false });
    assert.deepEqual([report.rows, report.written, report.rejected], [3, 2, 1]);
    const state = await f.value('uploads:start', {
      id: 'card-conv', path: report.output, filename: 'shop_export-20260101-v1.ndjson', destination: { datasetId: 'ds1', recordType: 'customer_record' }, validateFirst: false,
    });
    assert.ok(state.kind === 'succeeded');
    assert.deepEqual(state.records, { sent: 2, leftOut: 1, total: 3, lines: null, sourceName: 'shop export.csv', fieldsLeftOut: 0, leftOutFields: [] });
    assert.equal(state.sandbox, true, 'the API is on loopback: a sandbox, not Lexer');
    const entry = (await f.value('history:list')).find((e) => e.requestId === 'card-conv');
    assert.equal(entry?.sourceName, 'shop export.csv');
    assert.equal(entry?.recordsSent, 2);
    assert.equal(entry?.recordsLeftOut, 1);
    assert.equal(entry?.sandbox, true);
  });

  test('a plain NDJSON upload has no counts and is listed under its own name', async () => {
    const path = await f.file('plain-20260101-v1.ndjson', '{"link":{"email":"a@example.com"}}\n');
    const state = await f.value('uploads:start', { id: 'card-plain', path, filename: 'plain-20260101-v1.ndjson', destination: null, validateFirst: false });
    assert.ok(state.kind === 'succeeded' && state.records === null);
    const entry = (await f.value('history:list')).find((e) => e.requestId === 'card-plain');
    assert.equal(entry?.sourceName, 'plain-20260101-v1.ndjson');
    assert.equal(entry?.recordsSent, null);
  });

  test('main refuses to upload a workbook even when the window asks, and the card names the file, not its path', async () => {
    const path = await f.file('book-20260101-v1.csv', xlsxFile());
    const info = await f.value('files:inspect', path);
    assert.equal(info.blocker?.code, 'unsupported-file');
    const state = await f.value('uploads:start', { id: 'card-xlsx', path, filename: 'book-20260101-v1.csv', destination: null, validateFirst: false });
    assert.ok(state.kind === 'failed' && state.error.code === 'unsupported-file');
    const empty = await f.value('files:inspect', await f.file('empty-20260101-v1.csv', ''));
    assert.equal(empty.blocker?.code, 'file-empty');
    assert.ok(!empty.blocker.message.includes(f.dir), `no internal path in "${empty.blocker.message}"`);
    assert.match(empty.blocker.message, /empty-20260101-v1\.csv/);
  });

  test('Check token: the saved token goes only to the saved API URL; another address is checked with a token typed for it, never saved by checking', async () => {
    const checks = () => sb.sandbox.requestLog.filter((r) => r.path === '/v1/users').length;
    await f.value('settings:update', { apiUrl: 'http://127.0.0.1:9' }); // saved: nothing listens there
    const before = checks();
    const elsewhere = await f.call('token:check', { apiUrl: sb.sandbox.apiUrl, useSandbox: false });
    assert.ok(!elsewhere.ok && elsewhere.error.code === 'usage', JSON.stringify(elsewhere));
    assert.equal(elsewhere.error.message, `The saved token is sent only to the saved API URL (http://127.0.0.1:9), so it was not sent to ${sb.sandbox.apiUrl}.`);
    assert.match(elsewhere.error.hint ?? '', /paste it in the API token box/);
    assert.equal(checks(), before, 'the saved token never reached the address named');

    const typed = await f.value('token:check', { apiUrl: sb.sandbox.apiUrl, useSandbox: false, token: sb.sandbox.token });
    assert.equal(typed.valid, true, typed.message);
    assert.equal(checks(), before + 1);
    const wrong = await f.value('token:check', { apiUrl: sb.sandbox.apiUrl, useSandbox: false, token: 'typed-but-wrong-123456' });
    assert.equal(wrong.valid, false);
    assert.equal((await f.value('token:status')).last4, sb.sandbox.token.slice(-4), 'checking saved nothing');

    const saved = await f.value('token:check', null);
    assert.equal(saved.valid, false, 'the saved URL, where nothing listens');
    const bad = await f.call('token:check', { apiUrl: 'ftp://x', useSandbox: false });
    assert.ok(!bad.ok && bad.error.code === 'usage');
    const notAToken = await f.call('token:check', { apiUrl: sb.sandbox.apiUrl, useSandbox: false, token: 'a b' });
    assert.ok(!notAToken.ok && notAToken.error.code === 'usage');
    await f.value('settings:update', { apiUrl: sb.sandbox.apiUrl });
    assert.equal((await f.value('token:check', { apiUrl: `${sb.sandbox.apiUrl}/`, useSandbox: false })).valid, true, 'the saved URL on screen: the saved token');
  });

  test('files:release deletes conversion outputs and nothing the person chose', async () => {
    const csv = await f.file('release-me.csv', 'Email\na@example.com\n');
    const report = await f.value('jobs:convert', 'conv-rel', { path: csv, recordType: 'customer_record', mapping: MAPPING, gzip: false, stopOnFirstInvalid: false });
    assert.equal(await f.value('files:release', report.output), true);
    assert.equal(await exists(dirname(report.output)), false);
    assert.equal(await f.value('files:release', csv), false);
    assert.equal(await exists(csv), true, 'the person’s own file is never deleted');
    assert.equal(await f.value('files:release', join(f.dir, 'user-data', 'converted')), false, 'not the folder itself');
  });

  test('presets are kept by main and survive a restart of the services', async () => {
    const preset: MappingPreset = { name: 'Shopify weekly', recordType: 'customer_record', mapping: { ...MAPPING, columns: { ...MAPPING.columns } } };
    assert.deepEqual(await f.value('presets:save', preset), [preset]);
    const userDataDir = join(f.dir, 'user-data');
    const again = await createAppServices({ userDataDir, vault: createSessionVault(), sessionVault: createSessionVault(), envApiUrl: null });
    try {
      const listed = await again.handlers['presets:list']();
      assert.ok(listed.ok);
      assert.deepEqual(listed.value, [preset], 'read back from the settings folder');
    } finally {
      await again.dispose();
    }
    assert.deepEqual(await f.value('presets:delete', 'Shopify weekly', 'customer_record'), []);
    const refused = await f.call('presets:save', { name: '', recordType: 'customer_record', mapping: MAPPING });
    assert.ok(!refused.ok && refused.error.code === 'usage');
  });

  test('History lists uploads another process recorded after the app opened it', async () => {
    const cli = await openHistory(join(f.dir, 'user-data', 'history.json'));
    await cli.add({ filePath: '/data/from-cli.csv', filename: 'from_cli-20260101-v1.csv', datasetId: null, recordType: null, bytes: 3, status: 'Success' });
    const list = await f.value('history:list');
    assert.ok(list.some((e) => e.filename === 'from_cli-20260101-v1.csv'));
  });
});
