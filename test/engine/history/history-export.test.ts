// The run log (main/engine/history/history-export.ts): entries pushed out of the journal go to dated
// archives instead of being lost, the export reads both, and its rows (JSON and CSV) are History's.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { HISTORY_COLUMNS, historyCsv, historyRow, readRunLog } from '../../../main/engine/history/history-export.js';
import { serializeJournal } from '../../../main/engine/history/history-journal.js';
import { MAX_HISTORY_ENTRIES, openHistory, type HistoryEntry } from '../../../main/engine/history/upload-history.js';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const tempFile = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-runlog-'));
  dirs.push(dir);
  return join(dir, 'history.json');
};
const base = { filePath: '/exports/pos.csv', filename: 'pos-20261129-v1.csv', datasetId: null, recordType: null, bytes: 10 };

describe('the run log', () => {
  test(`past ${MAX_HISTORY_ENTRIES} entries the oldest go to a dated archive, and the log still lists every upload`, async () => {
    const file = await tempFile();
    // A journal already full (written as the app would have, oldest in January 2020), then five more uploads.
    const full: HistoryEntry[] = Array.from({ length: MAX_HISTORY_ENTRIES }, (_, i) => ({
      ...base, id: `old-${i}`, uploadId: null, status: 'Success', createdAt: new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString(), startedAt: null,
      finishedAt: null, error: null, interrupted: false, sourceName: `n${i}.csv`, feed: i % 2 === 0 ? '/srv/exports' : null,
    }));
    await writeFile(file, serializeJournal(full.slice().reverse()));
    const h = await openHistory(file);
    const extra = 5;
    const added = full.map((e) => e.id);
    for (let i = 0; i < extra; i++) added.push((await h.add({ ...base, sourceName: `new${i}.csv` })).id);
    const journal = JSON.parse(await readFile(file, 'utf8')) as { entries: { id: string }[] };
    assert.equal(journal.entries.length, MAX_HISTORY_ENTRIES);
    assert.deepEqual(await readdir(join(dirname(file), 'history-archive')), ['history-2020-01.ndjson']);
    const log = await readRunLog(file);
    assert.equal(log.length, MAX_HISTORY_ENTRIES + extra);
    assert.deepEqual(new Set(log.map((e) => e.id)), new Set(added));
    assert.deepEqual(log.slice(-extra).map((e) => e.sourceName), ['n4.csv', 'n3.csv', 'n2.csv', 'n1.csv', 'n0.csv']);
    // Filters: a feed by its folder's name, and a start.
    assert.equal((await readRunLog(file, { feed: 'exports' })).length, MAX_HISTORY_ENTRIES / 2);
    assert.deepEqual((await readRunLog(file, { since: new Date(Date.UTC(2020, 0, 1, 0, 0, MAX_HISTORY_ENTRIES - 2)) })).map((e) => e.sourceName),
      ['new4.csv', 'new3.csv', 'new2.csv', 'new1.csv', 'new0.csv', `n${MAX_HISTORY_ENTRIES - 1}.csv`, `n${MAX_HISTORY_ENTRIES - 2}.csv`]);
  });

  test('the rows carry History\'s facts; the CSV reads back as the same rows, a formula-like name defused', async () => {
    const file = await tempFile();
    const h = await openHistory(file);
    const one = await h.add({ ...base, sourceName: '=cmd|calc.csv', datasetId: 'ds_1', recordType: 'customer_record', apiUrl: 'https://api.lexer.io', feed: '/srv/exports', recordsSent: 90, recordsLeftOut: 10, lines: 240 });
    await h.update(one.id, { status: 'Success', uploadId: '777', contentHash: { algorithm: 'xxh3-128', value: 'ab'.repeat(16) }, finishedAt: '2026-11-29T09:01:00.000Z' });
    const parts = await h.add({ ...base, sandbox: true, apiUrl: 'http://127.0.0.1:4010' });
    await h.update(parts.id, {
      status: 'Failed', error: { code: 'server-error', message: 'Lexer answered 503.' },
      parts: [{ index: 1, filename: 'a_1.csv', status: 'Success', bytes: 5, uploadId: '801' }, { index: 2, filename: 'a_2.csv', status: 'Failed', bytes: 5, uploadId: null }],
    });
    const rows = (await readRunLog(file)).map(historyRow);
    assert.deepEqual(rows.map((r) => r.historyId), h.list().map((e) => e.id));
    const sent = rows.find((r) => r.historyId === one.id);
    assert.deepEqual(sent && { ...sent }, {
      when: one.createdAt, finishedAt: '2026-11-29T09:01:00.000Z', file: '=cmd|calc.csv', sentAs: 'pos-20261129-v1.csv', destination: 'https://api.lexer.io',
      datasetId: 'ds_1', recordType: 'customer_record', outcome: 'Success', recordsSent: 90, recordsLeftOut: 10, lines: 240, bytes: 10, uploadIds: ['777'],
      feed: '/srv/exports', contentHash: `xxh3-128:${'ab'.repeat(16)}`, historyId: one.id, errorCode: null, errorMessage: null,
    });
    const split = rows.find((r) => r.historyId === parts.id);
    assert.deepEqual([split?.destination, split?.outcome, split?.uploadIds, split?.errorCode], ['sandbox http://127.0.0.1:4010', 'Failed', ['801', ''], 'server-error']);

    const csv = Papa.parse<Record<string, string>>(await historyCsv(rows), { header: true, skipEmptyLines: true });
    assert.deepEqual(csv.meta.fields, [...HISTORY_COLUMNS]);
    assert.equal(csv.data.length, rows.length);
    csv.data.forEach((line, i) => {
      const row = rows[i];
      assert.ok(row);
      for (const c of HISTORY_COLUMNS) {
        const want: string = c === 'uploadIds' ? row.uploadIds.join(' ') : String(row[c] ?? '');
        assert.equal(line[c], c === 'file' && want.startsWith('=') ? `'${want}` : want, c);
      }
    });
  });
});
