// The tray mode that keeps watched folders running without a window (Windows and Linux).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { FeedView, FeedsOverview } from '../../main/contract/feeds.js';
import { BACKGROUND_NOTICE, setupBackground } from '../../main/desktop/background.js';

const feed = (id: string, state: FeedView['state']): FeedView => ({
  id, state, waiting: 0, sending: 0, last: null, alerts: [], nextFileDue: null, failures: [],
  settings: { path: `/data/${id}`, patterns: '*.csv', destination: null, convert: false, presetName: null, dateOrder: null, dateOrders: {}, leaveOutInvalidFields: false, validate: false, gzip: true, quietSeconds: 5, after: 'sent', polling: false },
});
const overview = (...feeds: FeedView[]): FeedsOverview => ({ feeds, canChooseFolder: true });

function harness(platform: NodeJS.Platform = 'linux') {
  const trays: Array<EventEmitter & { menu: MenuItemConstructorOptions[]; destroyed: boolean }> = [];
  const calls = { opened: 0, quit: 0, paused: [] as string[], notices: [] as string[] };
  let shown = false;
  const bg = setupBackground({
    platform,
    createTray: () => {
      const t = Object.assign(new EventEmitter(), { menu: [] as MenuItemConstructorOptions[], destroyed: false });
      trays.push(t);
      return Object.assign(t, { setToolTip: () => {}, setContextMenu: (m: Menu) => void (t.menu = m as unknown as MenuItemConstructorOptions[]), destroy: () => void (t.destroyed = true) }) as never;
    },
    buildMenu: (template) => template as unknown as Menu,
    openWindow: () => void calls.opened++,
    quit: () => void calls.quit++,
    setPaused: async (id, paused) => void calls.paused.push(`${id}:${paused}`),
    notify: (o) => void calls.notices.push(o.title ?? ''),
    noticeShown: () => shown,
    markNoticeShown: () => void (shown = true),
  });
  const labels = () => trays.at(-1)!.menu.map((i) => i.label ?? i.type);
  const click = (label: string) => trays.at(-1)!.menu.find((i) => i.label === label)!.click!({} as never, undefined, {} as never);
  return { bg, trays, calls, labels, click };
}

test('closing the window keeps running only while some watched folder is active, and never on macOS (the dock does it)', () => {
  const h = harness();
  assert.equal(h.bg.keepsRunning(), false, 'no folders: closing quits');
  h.bg.feedsChanged(overview(feed('a', 'paused')));
  assert.equal(h.bg.keepsRunning(), false, 'only paused folders: closing quits');
  h.bg.feedsChanged(overview(feed('a', 'paused'), feed('b', 'watching')));
  assert.equal(h.bg.keepsRunning(), true);
  const mac = harness('darwin');
  mac.bg.feedsChanged(overview(feed('b', 'watching')));
  assert.equal(mac.bg.keepsRunning(), false);
  mac.bg.enter();
  assert.equal(mac.trays.length, 0, 'no tray icon on macOS');
});

test('the tray: Open, Pause (only the folders running), Resume (only those it paused), Quit; the notice once', async () => {
  const h = harness();
  h.bg.feedsChanged(overview(feed('a', 'paused'), feed('b', 'watching')));
  h.bg.enter();
  assert.deepEqual(h.calls.notices, [BACKGROUND_NOTICE.title]);
  assert.deepEqual(h.labels(), ['Open Lexer Uploader', 'Pause watched folders', 'separator', 'Quit']);
  h.click('Pause watched folders');
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(h.calls.paused, ['b:true'], 'the folder the person paused is left alone');
  h.bg.feedsChanged(overview(feed('a', 'paused'), feed('b', 'paused')));
  assert.deepEqual(h.labels(), ['Open Lexer Uploader', 'Resume watched folders', 'separator', 'Quit']);
  h.click('Resume watched folders');
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(h.calls.paused, ['b:true', 'b:false'], 'a stays paused');
  h.click('Open Lexer Uploader');
  h.trays[0]!.emit('click');
  assert.equal(h.calls.opened, 2);
  h.bg.leave();
  assert.equal(h.trays[0]!.destroyed, true);
  h.bg.enter();
  assert.equal(h.trays.length, 2);
  assert.equal(h.calls.notices.length, 1, 'said the first time only');
  h.click('Quit');
  assert.equal(h.calls.quit, 1);
});
