// A watched folder's settings as the window sends them: the encoding of its CSV files is kept,
// reaches the feed's conversion, and a name that is no encoding is refused by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeedInput, parseFeedSettings, toFeedConfig } from '../../../main/services/feeds/feed-settings.js';

const form = {
  path: '/data/crm', patterns: '*.csv', destination: { datasetId: 'ds_crm', recordType: 'customer_record' }, convert: true, presetName: null,
  dateOrder: null, dateOrders: {}, leaveOutInvalidFields: false, validate: true, gzip: true, quietSeconds: 10, after: 'sent', polling: false,
};

test('the encoding chosen for a folder\'s CSV files reaches its conversion; absent (a folder saved before) is detected', () => {
  const { settings } = parseFeedInput({ ...form, encoding: 'mac-roman' });
  assert.equal(settings.encoding, 'mac-roman');
  assert.equal(toFeedConfig(settings, []).convert?.encoding, 'mac-roman');
  const older = parseFeedSettings(form);
  assert.equal(older.encoding, null);
  assert.equal(toFeedConfig(older, []).convert?.encoding, undefined);
});

test('an encoding is kept only for a folder that converts, and a name that is no encoding is refused', () => {
  assert.equal(parseFeedInput({ ...form, convert: false, encoding: 'mac-roman' }).settings.encoding, null);
  assert.throws(() => parseFeedInput({ ...form, encoding: 'ebcdic' }), (e: unknown) => e instanceof Error && /encoding must be one of utf-8, windows-1252, mac-roman/.test(e.message));
});
