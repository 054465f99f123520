// History as the app's Refresh and Retry need it: paths kept absolute,
// and entries another process wrote after the app opened the journal read in on refresh.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openHistory } from '../../../main/engine/history/upload-history.js';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const tempFile = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-history-refresh-'));
  dirs.push(dir);
  return join(dir, 'history.json');
};

describe('history refresh and paths', () => {
  test('a relative path is stored absolute, so a Retry from the app can find the file', async () => {
    const h = await openHistory(await tempFile());
    const e = await h.add({ filePath: 'exports/customers.csv', filename: 'customers-20260101-v1.csv', datasetId: null, recordType: null, bytes: 5 });
    assert.equal(e.filePath, resolve('exports/customers.csv'));
    assert.equal(h.list()[0]?.filePath, resolve('exports/customers.csv'));
  });

  test('refresh reads entries another writer added since the journal was opened', async () => {
    const file = await tempFile();
    const app = await openHistory(file);
    await app.add({ filePath: '/data/app.csv', filename: 'app-20260101-v1.csv', datasetId: null, recordType: null, bytes: 1 });
    const cli = await openHistory(file); // as `lexer-upload upload` does in its own process
    await cli.add({ filePath: '/data/cli.csv', filename: 'cli-20260101-v1.csv', datasetId: null, recordType: null, bytes: 1, status: 'Success' });
    assert.deepEqual(app.list().map((e) => e.filename), ['app-20260101-v1.csv'], 'not seen before a refresh');
    await app.refresh();
    assert.deepEqual(app.list().map((e) => e.filename).sort(), ['app-20260101-v1.csv', 'cli-20260101-v1.csv']);
  });
});
