// The overall bar and the retry view, and what a big file says while it goes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { UploadState } from '../../../main/contract/uploads.js';
import { describeUpload, overallProgress, partsNotice } from '../../../renderer/state/upload-view.js';
import { datasetIdProblem } from '../../../renderer/state/dataset-id.js';

const done: UploadState = { kind: 'succeeded', uploadId: '1', bytes: 7_000_000, filename: 'a', sandbox: false, records: null };

describe('overallProgress', () => {
  test('a cancelled or failed file is counted apart, its bytes neither sent nor to send', () => {
    const o = overallProgress([
      { size: 7_000_000, state: done },
      { size: 315_000_000, state: { kind: 'cancelled' } },
      { size: 5, state: { kind: 'failed', error: { code: 'x', message: 'x' } } },
    ]);
    assert.deepEqual(o, { sent: 7_000_000, total: 7_000_000, count: 3, succeeded: 1, failed: 1, cancelled: 1, notSent: 0 });
  });
});

describe('big-file states: compressing, a duplicate held back, parts', () => {
  test('compressing says how far and what gzip saves so far; a duplicate held back is "Not sent", counted apart', () => {
    const v = describeUpload({ kind: 'compressing', bytesRead: 2_100_000_000, totalBytes: 3_333_333_333, bytesWritten: 240_000_000 });
    assert.equal(v.step, 'Compressing 63 % … 2.10 GB -> 240 MB so far');
    assert.equal(Math.floor(v.percent ?? 0), 63);
    const dup = describeUpload({ kind: 'duplicate', message: 'This file was already sent on 26 Nov 2026 at 14:02 as a.ndjson.gz (upload id 4711).' });
    assert.equal(dup.final, 'Not sent');
    const o = overallProgress([{ size: 7_000_000, state: done }, { size: 5, state: { kind: 'duplicate', message: 'x' } }]);
    assert.deepEqual({ notSent: o.notSent, cancelled: o.cancelled, total: o.total }, { notSent: 1, cancelled: 0, total: 7_000_000 });
  });

  test('the parts notice says the size after compression and how many parts', () => {
    const part = { filename: 'p', status: 'waiting', bytesSent: 0, attempt: 1, uploadId: null, earlier: false } as const;
    const plan = { parts: [{ ...part, index: 1, bytes: 6e9 }, { ...part, index: 2, bytes: 6.4e9 }], sentBytes: 12.4e9, sourceBytes: 100e9, compressed: true };
    assert.equal(partsNotice(plan), 'This file is 12.4 GB after compression; it will be sent as 2 parts, each loaded by Lexer as its own file.');
  });
});

describe('describeUpload while retrying', () => {
  test('the attempt is said once, beside the size kept from the last progress', () => {
    const last = { bytesSent: 1_000_000, totalBytes: 4_000_000, bytesPerSecond: 1, etaSeconds: 3 };
    const v = describeUpload({ kind: 'retrying', attempt: 2, reason: 'The connection was lost.', delayMs: 1500 }, last);
    assert.equal(v.attempt, 2);
    assert.equal(v.totalBytes, 4_000_000);
    assert.equal(v.bytesSent, 0);
    assert.doesNotMatch(v.step, /attempt/i);
    const again = describeUpload({ kind: 'uploading', attempt: 2, progress: { ...last, bytesSent: 10 } });
    assert.equal(again.attempt, 2);
    assert.doesNotMatch(again.step, /attempt/i);
  });
});

describe('datasetIdProblem', () => {
  test('spaces and characters outside letters, digits, - and _ are pointed out', () => {
    assert.match(datasetIdProblem('ds 1') ?? '', /space/);
    assert.match(datasetIdProblem('ds.1') ?? '', /“\.”/);
    assert.equal(datasetIdProblem('  0e2187ab_x-1 '), null);
    assert.equal(datasetIdProblem(''), null);
  });
});
