import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planUploads } from '../../main/cli/upload-plan.js';

const NOW = new Date(2026, 10, 26, 12, 0, 0);
const unix = Math.floor(NOW.getTime() / 1000);

describe('planUploads', () => {
  test('a valid name is sent as is; a broken one is fixed and the original kept for the message', () => {
    const [ok, fixed] = planUploads(['/d/sales-20261126-v1.csv', '/d/My File.CSV'], { destination: null, now: NOW });
    assert.deepEqual([ok?.filename, ok?.renamedFrom], ['sales-20261126-v1.csv', null]);
    assert.deepEqual([fixed?.filename, fixed?.renamedFrom, fixed?.leftoverProblems], ['My_File-20261126-v1.csv', 'My File.CSV', []]);
  });

  test('--filename replaces the file name and goes through the same rules', () => {
    const [plan] = planUploads(['/d/x.csv'], { filename: 'Q3 report.csv', destination: null, now: NOW });
    assert.equal(plan?.filename, 'Q3_report-20261126-v1.csv');
  });

  test('NDJSON into a dataset: the vendor default name, one second apart per file, .gz kept', () => {
    const destination = { datasetId: 'ds 1', recordType: 'purchase' as const };
    const plans = planUploads(['/d/a.ndjson', '/d/b.ndjson.gz'], { destination, now: NOW });
    assert.deepEqual(plans.map((p) => p.filename), [`ds_1_purchase_${unix}.ndjson`, `ds_1_purchase_${unix + 1}.ndjson.gz`]);
    assert.ok(plans.every((p) => p.renamedFrom === null));
  });

  test('an unknown extension is reported, not invented', () => {
    const [plan] = planUploads(['/d/notes.txt'], { destination: null, now: NOW });
    assert.equal(plan?.filename, 'notes-20261126-v1.txt');
    assert.match(plan?.leftoverProblems.join(' ') ?? '', /does not end in \.csv, \.json or \.ndjson/);
  });
});
