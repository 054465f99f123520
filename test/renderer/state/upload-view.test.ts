// The overall bar and the retry view (issue 9, items 9 and 22).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { UploadState } from '../../../preload/contract.js';
import { describeUpload, overallProgress } from '../../../renderer/state/upload-view.js';
import { datasetIdProblem } from '../../../renderer/state/dataset-id.js';

const done: UploadState = { kind: 'succeeded', uploadId: '1', bytes: 7_000_000, filename: 'a', sandbox: false, records: null };

describe('overallProgress', () => {
  test('a cancelled or failed file is counted apart, its bytes neither sent nor to send', () => {
    const o = overallProgress([
      { size: 7_000_000, state: done },
      { size: 315_000_000, state: { kind: 'cancelled' } },
      { size: 5, state: { kind: 'failed', error: { code: 'x', message: 'x' } } },
    ]);
    assert.deepEqual(o, { sent: 7_000_000, total: 7_000_000, count: 3, succeeded: 1, failed: 1, cancelled: 1 });
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
