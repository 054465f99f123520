// Customer data the app writes is readable by its owner only: the data folder, the
// converted NDJSON and its folder, the settings and the history, whoever creates them first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeServices } from './services-fixture.js';

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

test('the data folder, converted files and settings are 0700 folders and 0600 files', { skip: process.platform === 'win32' && 'modes are ACLs on Windows' }, async () => {
  const f = await makeServices('http://127.0.0.1:9');
  try {
    const data = join(f.dir, 'user-data');
    assert.equal(await mode(data), 0o700, 'the data folder the app created');
    const path = await f.file('people.csv', 'link.email,first_name\njane@example.com,Jane\n');
    const mapping = await f.value('mapping:suggest', ['link.email', 'first_name'], 'customer_record', null);
    const report = await f.value('jobs:convert', 'modes-1', { path, recordType: 'customer_record', mapping, gzip: false, stopOnFirstInvalid: false });
    assert.equal(report.written, 1);
    assert.equal(await mode(join(data, 'converted')), 0o700);
    assert.equal(await mode(dirname(report.output)), 0o700);
    assert.equal(await mode(report.output), 0o600, 'the converted customer data');
    await f.value('settings:update', { defaultDatasetId: 'ds_modes' });
    for (const name of await readdir(data)) {
      const full = join(data, name);
      const info = await stat(full);
      assert.equal(info.mode & 0o777, info.isDirectory() ? 0o700 : 0o600, name);
    }
  } finally {
    await f.close();
  }
});
