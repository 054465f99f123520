// Watched-folder results that need the person raise a notification once per file and outcome.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedLastFile, FeedView } from '../../main/contract/feeds.js';
import { createEventHub, type ServiceEvents } from '../../main/services/channels/event-hub.js';
import { setupFeedNotices } from '../../main/desktop/feed-notices.js';

const view = (last: FeedLastFile | null): FeedView => ({
  id: 'f1', state: 'watching', waiting: 0, sending: 0, last, alerts: [], nextFileDue: null, failures: [],
  settings: { path: '/data/in', patterns: '*.ndjson', destination: null, convert: false, presetName: null, dateOrder: null, dateOrders: {}, leaveOutInvalidFields: false, validate: false, gzip: true, quietSeconds: 5, after: 'sent', polling: false },
});
const last = (name: string, result: FeedLastFile['result']): FeedLastFile => ({ name, result, message: `${name} ${result}.`, at: '2026-12-06T10:00:00Z' });

test('a failure is announced once however often the overview repeats it; a retry once; a sent file clears it', () => {
  const events = createEventHub<ServiceEvents>();
  const shown: string[] = [];
  const opened: string[] = [];
  let click: () => void = () => {};
  setupFeedNotices({ events, notify: (o, onClick) => ((click = onClick), void shown.push(o.title ?? '')), openFeed: (id) => void opened.push(id) });
  const emit = (l: FeedLastFile | null) => events.emit('feeds:changed', { feeds: [view(l)], canChooseFolder: true });
  emit(null);
  emit(last('a.ndjson', 'will-retry'));
  emit(last('a.ndjson', 'will-retry'));
  emit(last('a.ndjson', 'failed'));
  emit(last('a.ndjson', 'failed'));
  emit(last('b.ndjson', 'sent'));
  assert.deepEqual(shown, ['Will be tried again: a.ndjson', 'Not sent: a.ndjson']);
  click();
  assert.deepEqual(opened, ['f1'], 'the click opens that folder');
  emit(last('a.ndjson', 'sent'));
  emit(last('a.ndjson', 'failed'));
  assert.equal(shown.length, 3, 'a new file of the same name after a success is announced again');
});
