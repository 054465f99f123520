// What a card may send: nothing until the name passes and there
// is somewhere to send to; a conversion that left rows out carries the counts to confirm.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileInfo } from '../../../main/contract/files.js';
import type { ConversionReport } from '../../../main/contract/jobs.js';
import { planUpload, type PlanInput } from '../../../renderer/state/upload-plan.js';

const csv: FileInfo = { path: '/data/a.csv', name: 'a.csv', size: 10, kind: 'csv', nameCheck: { valid: false, fixed: 'a-20260101-v1.csv', problems: [] }, blocker: null };
const conversion: ConversionReport = {
  rows: 3500, written: 2620, rejected: 880, errors: [], errorCount: 880, summary: [], warnings: [], encoding: 'UTF-8',
  cleaned: { byteOrderMarks: 0, blankLines: 0 }, output: '/tmp/out/a.ndjson', jobId: 'j', leftOut: { records: 0, fields: 0, summary: [], first: [] },
  orders: null, emails: null,
};
const base: PlanInput = {
  file: csv, sendName: 'a-20260101-v1.csv', nameCheck: { name: 'a-20260101-v1.csv', valid: true }, recordType: 'customer_record',
  datasetId: '', csvMode: 'as-is', conversion: null, validateFirst: true, connectionReady: true,
};

describe('planUpload', () => {
  test('a valid name and a token: ready, the file as it is', () => {
    const p = planUpload(base);
    assert.ok(p.ready);
    assert.equal(p.request.path, '/data/a.csv');
    assert.equal(p.leftOut, null);
  });

  test('a name main has not checked yet, or found broken, holds Upload', () => {
    assert.deepEqual(planUpload({ ...base, nameCheck: null }), { ready: false, reason: 'Checking the name against Lexer’s rules…' });
    const bad = planUpload({ ...base, sendName: 'a b.csv', nameCheck: { name: 'a b.csv', valid: false } });
    assert.ok(!bad.ready && bad.badName === true);
    // A verdict on an older name does not count for the name typed now.
    assert.ok(!planUpload({ ...base, sendName: 'b-20260101-v1.csv' }).ready);
  });

  test('no token and no sandbox holds Upload with what to do; unknown does not', () => {
    const p = planUpload({ ...base, connectionReady: false });
    assert.ok(!p.ready && /API token/.test(p.reason));
    assert.ok(planUpload({ ...base, connectionReady: null }).ready);
  });

  test('a conversion with rejected rows is ready with the counts to confirm', () => {
    const p = planUpload({ ...base, csvMode: 'convert', conversion, sendName: 'a-20260101-v1.ndjson', nameCheck: { name: 'a-20260101-v1.ndjson', valid: true }, datasetId: 'ds1' });
    assert.ok(p.ready);
    assert.deepEqual(p.leftOut, { sent: 2620, total: 3500, leftOut: 880 });
    assert.equal(p.request.path, '/tmp/out/a.ndjson');
    assert.deepEqual(p.request.destination, { datasetId: 'ds1', recordType: 'customer_record' });
  });

  test('one row left out is enough to ask; none left out asks nothing', () => {
    const convert = { ...base, csvMode: 'convert' as const, sendName: 'a-20260101-v1.ndjson', nameCheck: { name: 'a-20260101-v1.ndjson', valid: true }, datasetId: 'ds1' };
    const one = planUpload({ ...convert, conversion: { ...conversion, rows: 3500, written: 3499, rejected: 1, errorCount: 1 } });
    assert.ok(one.ready);
    assert.deepEqual(one.leftOut, { sent: 3499, total: 3500, leftOut: 1 });
    const none = planUpload({ ...convert, conversion: { ...conversion, rows: 3500, written: 3500, rejected: 0, errorCount: 0 } });
    assert.ok(none.ready);
    assert.equal(none.leftOut, null);
    // A cleaned NDJSON copy that dropped one record asks too.
    const nd: FileInfo = { ...csv, kind: 'ndjson', path: '/data/p.ndjson', name: 'p.ndjson' };
    const cleaned = planUpload({ ...base, file: nd, sendName: 'p-20260101-v1.ndjson', nameCheck: { name: 'p-20260101-v1.ndjson', valid: true }, conversion: { ...conversion, rows: 10, written: 9, rejected: 1 } });
    assert.ok(cleaned.ready);
    assert.deepEqual(cleaned.leftOut, { sent: 9, total: 10, leftOut: 1 });
  });

  test('a JSON array in convert mode needs its conversion first', () => {
    const json: FileInfo = { ...csv, kind: 'json', path: '/data/p.json', name: 'p.json' };
    assert.deepEqual(planUpload({ ...base, file: json, csvMode: 'convert' }), { ready: false, reason: 'Convert the file first (Convert and validate).' });
  });

  test('NDJSON for a dataset may go under the vendor’s default name, unchecked, typed or not', () => {
    const nd: FileInfo = { ...csv, kind: 'ndjson', path: '/data/p.ndjson', name: 'p.ndjson' };
    const p = planUpload({ ...base, file: nd, sendName: '', nameCheck: null, datasetId: 'ds1' });
    assert.ok(p.ready);
    assert.match(p.request.filename, /^ds1_customer_record_\d+\.ndjson$/);
    // As History's Retry of a `lexer-upload` dataset upload keeps it.
    const kept = planUpload({ ...base, file: nd, sendName: 'ds1_customer_record_1764400000.ndjson', nameCheck: null, datasetId: 'ds1' });
    assert.ok(kept.ready);
    assert.ok(!planUpload({ ...base, file: nd, sendName: 'ds1_customer_record_1764400000.ndjson', nameCheck: null, datasetId: '' }).ready);
  });

  test('rows grouped into orders: the confirmation counts orders, not lines', () => {
    const grouped = { ...conversion, rows: 30, written: 12, rejected: 3, orders: { written: 12, refused: 1 } };
    const p = planUpload({ ...base, csvMode: 'convert', conversion: grouped, datasetId: 'ds1' });
    assert.ok(p.ready);
    assert.deepEqual(p.leftOut, { sent: 12, total: 13, leftOut: 1 });
  });

  test('e-mails sent only hashed: a file as it is, NDJSON not yet hashed, or a conversion made before the setting are held, saying what to do', () => {
    const nd: FileInfo = { ...csv, kind: 'ndjson', path: '/data/p.ndjson', name: 'p.ndjson' };
    const held = (input: Partial<PlanInput>) => {
      const p = planUpload({ ...base, hashEmails: true, ...input });
      return p.ready ? 'ready' : p.reason;
    };
    assert.match(held({}), /convert the file to NDJSON \(as it is, it would carry them in clear\)/);
    assert.match(held({ file: nd, datasetId: 'ds1', sendName: '', nameCheck: null }), /make the hashed copy first \(Hash e-mail addresses/);
    assert.match(held({ csvMode: 'convert', conversion }), /this conversion was made before: Convert and validate again/);
    assert.equal(held({ csvMode: 'convert', conversion: { ...conversion, emails: { hashed: 3, leftOut: 0 } } }), 'ready');
    assert.equal(held({ file: nd, datasetId: 'ds1', sendName: '', nameCheck: null, conversion: { ...conversion, emails: { hashed: 1, leftOut: 0 } } }), 'ready');
    assert.equal(planUpload({ ...base, hashEmails: false }).ready, true);
  });
});
