// Validation and conversion jobs: the report is capped, but the exported error list is whole,
// progress reaches the window, and a converted file lands in the app's own folder.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { CUSTOMER, makeServices, type ServicesFixture } from '../services-fixture.js';

describe('jobs', () => {
  let f: ServicesFixture;
  const progress: string[] = [];
  before(async () => {
    f = await makeServices('http://127.0.0.1:9');
    f.services.events.on('jobs:progress', (p) => progress.push(p.jobId));
  });
  after(() => f.close());

  test('exporting errors gives every invalid line, beyond the report’s cap', async () => {
    const bad = '{"link":{"email":"not-an-email"}}\n';
    const path = await f.file('many-bad.ndjson', `${CUSTOMER}\n${bad.repeat(150)}`);
    const report = await f.value('jobs:validate', 'v-1', path, 'customer_record');
    assert.equal(report.total, 151);
    assert.equal(report.invalid, 150);
    assert.ok(report.errors.length <= 100, 'the on-screen list is capped');
    const csv = await f.value('jobs:export-errors', 'v-1');
    const rows = Papa.parse<string[]>(csv.trim()).data;
    assert.deepEqual(rows[0], ['line', 'identifier', 'outcome', 'field', 'rule', 'message']);
    assert.equal(rows.length - 1, 150);
    assert.deepEqual(rows[1]?.slice(1, 5), ['not-an-email', 'invalid record', 'link.email', 'not an email address']);
    assert.deepEqual(rows.slice(1).map((r) => Number(r[0])), Array.from({ length: 150 }, (_, i) => i + 2));
    assert.ok(progress.includes('v-1'), 'progress reached the window');
  });

  test('exporting errors of an unknown job says so plainly', async () => {
    const r = await f.call('jobs:export-errors', 'never-ran');
    assert.ok(!r.ok && /no longer in memory/.test(r.error.message));
  });

  test('converting a CSV writes NDJSON into the app’s converted folder', async () => {
    const path = await f.file('people export.csv', 'link.email,first_name\njane@example.com,Jane\nbob@example.com,Bob\n');
    const mapping = await f.value('mapping:suggest', ['link.email', 'first_name'], 'customer_record', null);
    const report = await f.value('jobs:convert', 'c-1', { path, recordType: 'customer_record', mapping, gzip: false, stopOnFirstInvalid: false });
    assert.equal(report.written, 2);
    assert.ok(report.output.startsWith(join(f.dir, 'user-data', 'converted')), report.output);
    assert.match(report.output, /people export\.ndjson$/);
    const lines = (await readFile(report.output, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { link: { email: string } });
    assert.deepEqual(lines.map((l) => l.link.email), ['jane@example.com', 'bob@example.com']);
  });

  test('cancel answers whether a job was running', async () => {
    assert.equal(await f.value('jobs:cancel', 'nothing-running'), false);
  });
});
