// "Things to know" from the mapping as it stands.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CsvPreview } from '../../../main/contract/files.js';
import type { ColumnMapping, FieldOption } from '../../../main/contract/jobs.js';
import { columnTargets, linkConflict, fileNotes, summarizeMapping } from '../../../renderer/state/mapping-summary.js';

const custom = (h: string) => `custom_fields.${h.toLowerCase().replace(/\W+/g, '_')}`;
const field = (path: string, required = false): FieldOption => ({ path, required, description: null, kind: 'string' });
const FIELDS = [field('link.email'), field('link.customer_id'), field('link.system_name'), field('email'), field('customer_id'), field('first_name')];
const HEADERS = ['Email', 'Customer ID', 'First Name', 'Points'];

describe('mapping summary', () => {
  test('counts fields, custom fields and columns left out, following unknownColumns', () => {
    const m: ColumnMapping = { columns: { Email: 'link.email', 'First Name': 'first_name', 'Customer ID': null }, unknownColumns: 'custom_fields', inferCustomTypes: false };
    const s = summarizeMapping(columnTargets(HEADERS, m, custom), FIELDS);
    assert.deepEqual([s.fields, s.custom, s.left], [2, 1, 1]);
    assert.deepEqual(s.missing, []);
    const dropped = summarizeMapping(columnTargets(HEADERS, { ...m, unknownColumns: 'drop' }, custom), FIELDS);
    assert.deepEqual([dropped.fields, dropped.custom, dropped.left], [2, 0, 2]);
  });

  test('no link column, or a required field unfilled, is named', () => {
    const m: ColumnMapping = { columns: { Email: 'email' }, unknownColumns: 'drop', inferCustomTypes: false };
    assert.deepEqual(summarizeMapping(columnTargets(HEADERS, m, custom), [...FIELDS, field('purchase_id', true)]).missing, ['link', 'purchase_id']);
  });

  test('two link variants conflict; the later column is offered its plain field', () => {
    const m: ColumnMapping = { columns: { Email: 'link.email', 'Customer ID': 'link.customer_id' }, unknownColumns: 'drop', inferCustomTypes: false };
    const c = linkConflict(columnTargets(HEADERS, m, custom), FIELDS, custom);
    assert.equal(c?.keep.header, 'Email');
    assert.deepEqual(c?.move.map((x) => [x.column.header, x.suggestion]), [['Customer ID', 'customer_id']]);
  });

  test('customer_id with its system_name is one link, not two', () => {
    const m: ColumnMapping = { columns: { 'Customer ID': 'link.customer_id', Points: 'link.system_name' }, unknownColumns: 'drop', inferCustomTypes: false };
    assert.equal(linkConflict(columnTargets(HEADERS, m, custom), FIELDS, custom), null);
  });

  test('how a header was matched is not listed apart from the mapping; other notes are', () => {
    const preview: CsvPreview = {
      encoding: 'UTF-8', delimiter: ',', lineEnding: 'LF', headers: [], rows: [], issues: [],
      notes: [{ kind: 'bom', message: 'BOM' }, { kind: 'unknown-header', message: 'Header "Email" is mapped to link.email (suggested from its name)' }],
      dateColumns: [],
    };
    assert.deepEqual(fileNotes(preview).map((i) => i.kind), ['bom']);
  });
});
