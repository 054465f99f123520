// Watched folders in the app's services, against the sandbox: settings checked as
// unknown, a feed waiting for a token, feeds.json private and free of the token, a dropped file
// sent with History naming the feed, feeds following a token cleared or saved, and the feeds back (paused ones paused) after a restart.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, readdir, rename, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeedSettings, FeedsOverview } from '../../../main/contract/feeds.js';
import { createAppServices } from '../../../main/services/create-app-services.js';
import { createFileVault } from '../../../main/engine/vault/file-vault.js';
import { createSessionVault } from '../../../main/engine/vault/session-vault.js';
import type { TestSandbox } from '../../helpers/sandbox.js';
import { useSandboxServices, type ServicesFixture } from '../services-fixture.js';

const settings = (path: string): FeedSettings => ({
  path, patterns: '*.ndjson', destination: { datasetId: 'ds_app_feed', recordType: 'customer_record' }, convert: false, presetName: null, dateOrder: null, dateOrders: {}, leaveOutInvalidFields: false,
  validate: true, gzip: true, quietSeconds: 0.2, after: 'sent', polling: false,
});

describe('watched folders in the services', () => {
  let sb: TestSandbox;
  let f: ServicesFixture;
  useSandboxServices((s) => {
    ({ sb, f } = s);
  });
  const until = async (check: (o: FeedsOverview) => boolean): Promise<FeedsOverview> => {
    // Bounded: a state that never comes fails the test rather than hanging the suite.
    for (const deadline = Date.now() + 30_000; ;) {
      const o = await f.value('feeds:list');
      if (check(o)) return o;
      if (Date.now() > deadline) assert.fail(`the feeds never got there: ${JSON.stringify(o.feeds)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  test('a folder that is not there, or settings of the wrong shape, are refused', async () => {
    const missing = await f.call('feeds:add', settings(join(f.dir, 'nope')), null);
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.error.message : '', /is not a folder on this computer/);
    const odd = await f.call('feeds:add', { ...settings(f.dir), extra: 1 }, null);
    assert.equal(odd.ok, false);
    const relative = await f.call('feeds:add', settings('exports'), null);
    assert.equal(relative.ok, false);
    assert.deepEqual((await f.value('feeds:list')).feeds, []);
  });

  test('without a token the feed waits for one; with it, a dropped file is sent and History names the feed', async () => {
    const folder = join(f.dir, 'drop');
    await mkdir(folder);
    const added = await f.value('feeds:add', settings(folder), null);
    assert.equal(added.feeds[0]?.state, 'no-token');
    assert.equal(added.canChooseFolder, false, 'the services here have no folder chooser');
    await f.value('token:save', sb.sandbox.token, 'persistent');
    await until((o) => o.feeds[0]?.state === 'watching');
    // The close guard and the taskbar read `activity`: a feed's upload counts like the window's own.
    const activity: number[] = [];
    const off = f.services.events.on('activity', (a) => activity.push(a.activeUploads));
    // What the window is told (it shows the pushed overview until the next one).
    const pushed: FeedsOverview[] = [];
    const offFeeds = f.services.events.on('feeds:changed', (o) => pushed.push(o));
    await writeFile(join(folder, 'tonight.ndjson'), `${JSON.stringify({ link: { customer_id: 'app-1' } })}\n`);
    const done = await until((o) => o.feeds[0]?.last !== null);
    assert.equal(done.feeds[0]?.last?.result, 'sent', JSON.stringify(done.feeds[0]?.last));
    await new Promise((r) => setTimeout(r, 300));
    offFeeds();
    const told = pushed.at(-1)?.feeds[0];
    assert.deepEqual([told?.waiting, told?.sending], [0, 0], 'the window is told nothing is waiting once the file is done');
    off();
    assert.ok(activity.some((n) => n >= 1), `activity while it was sent: ${activity.join(',')}`);
    assert.equal(activity.at(-1), 0, 'and none once it was');
    assert.deepEqual(await readdir(join(folder, 'sent')), ['tonight.ndjson']);
    const entry = (await f.value('history:list')).find((e) => e.sourceName === 'tonight.ndjson');
    assert.equal(entry?.feed, folder);
    assert.equal(entry?.status, 'Success');

    const file = join(f.dir, 'user-data', 'feeds.json');
    if (process.platform !== 'win32') assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.ok(!(await readFile(file, 'utf8')).includes(sb.sandbox.token), 'no token in feeds.json');
    assert.ok(!f.transcript.join('\n').includes(sb.sandbox.token), 'nor in any reply');
  });

  test('feeds follow the connection: a cleared token stops a feed at once, a saved one starts it again', async () => {
    await f.value('token:clear');
    assert.equal((await f.value('feeds:list')).feeds[0]?.state, 'no-token', 'not still watching with the old token');
    await f.value('token:save', sb.sandbox.token, 'persistent');
    await until((o) => o.feeds[0]?.state === 'watching');
  });

  test("Settings' part size applies to the feeds' next file, as to a manual upload", async () => {
    await until((o) => o.feeds[0]?.state === 'watching');
    await f.value('settings:update', { partSize: '30KB' });
    try {
      const folder = (await f.value('feeds:list')).feeds[0]!.settings.path;
      const lines = Array.from({ length: 4000 }, (_, i) => JSON.stringify({ link: { customer_id: `big-${i}` }, email: `p${i}@example.com`, note: randomBytes(8).toString('hex') }));
      await writeFile(join(folder, 'big.ndjson'), `${lines.join('\n')}\n`);
      await until((o) => o.feeds[0]?.last?.name === 'big.ndjson');
      const entry = (await f.value('history:list')).find((e) => e.sourceName === 'big.ndjson');
      assert.equal(entry?.status, 'Success', JSON.stringify(entry));
      const parts = entry?.parts ?? [];
      assert.ok(parts.length >= 3, `sent in parts of at most 30 KB: ${parts.length} parts`);
      assert.ok(parts.every((p) => p.status === 'Success'));
      const stored = (await sb.sandbox.storedFiles()).filter((x) => /_part\d\dof\d\d\.ndjson\.gz$/.test(x.key));
      assert.equal(stored.length, parts.length);
      assert.ok(stored.every((x) => x.bytes <= 30_000), stored.map((x) => x.bytes).join(', '));
    } finally {
      await f.value('settings:update', { partSize: '' });
    }
  });

  test("a link dropped in the folder is left where it is, and the feed's row says so, its name's controls written out", async () => {
    await until((o) => o.feeds[0]?.state === 'watching');
    const folder = (await f.value('feeds:list')).feeds[0]!.settings.path;
    const name = 'link\u202etxt.ndjson';
    const elsewhere = join(f.dir, 'elsewhere.ndjson');
    await writeFile(elsewhere, `${JSON.stringify({ link: { customer_id: 'not-given' } })}\n`);
    await symlink(elsewhere, join(folder, name));
    const o = await until((x) => x.feeds[0]?.last?.result === 'not-taken');
    assert.deepEqual(o.feeds[0]?.last && [o.feeds[0].last.name, o.feeds[0].last.message], [
      'link<U+202E>txt.ndjson',
      'link<U+202E>txt.ndjson is a link; a watched folder never follows links, so it was left where it is. Put the file itself in the folder.',
    ]);
    assert.ok((await lstat(join(folder, name))).isSymbolicLink());
  });

  test("a refused file's name is written out on the row's failed list, and moving it back still clears it", async () => {
    await until((o) => o.feeds[0]?.state === 'watching');
    const folder = (await f.value('feeds:list')).feeds[0]!.settings.path;
    // Another account's export names it: shown raw, "bad\u202Evsc.ndjson" would read as "badnjdson.csv".
    const name = 'bad\u202evsc.ndjson';
    await writeFile(join(folder, name), '{"link": {"customer_id": 1}\n');
    const o = await until((x) => (x.feeds[0]?.failures.length ?? 0) > 0);
    const failure = o.feeds[0]?.failures[0];
    assert.equal(failure?.name, 'bad<U+202E>vsc.ndjson');
    assert.doesNotMatch(JSON.stringify(failure), /\u202e/i);
    assert.ok((await readdir(join(folder, 'failed'))).includes(name), 'on disk the file keeps its own name');
    await rename(join(folder, 'failed', name), join(f.dir, 'taken-away.ndjson'));
    await until((x) => x.feeds[0]?.failures.length === 0);
  });

  test('after a restart the feeds come back, a paused one still paused', async () => {
    const before = await f.value('feeds:list');
    const id = before.feeds[0]!.id;
    const paused = await f.value('feeds:set-paused', id, true);
    assert.equal(paused.feeds[0]?.state, 'paused');
    const again = await createAppServices({
      userDataDir: join(f.dir, 'user-data'), vault: createFileVault(join(f.dir, 'config')), sessionVault: createSessionVault(), envApiUrl: sb.sandbox.apiUrl,
    });
    try {
      const listed = await again.handlers['feeds:list']();
      assert.ok(listed.ok);
      assert.deepEqual(listed.ok && listed.value.feeds.map((x) => [x.id, x.state]), [[id, 'paused']]);
      const resumed = await again.handlers['feeds:set-paused'](id, false);
      assert.ok(resumed.ok && resumed.value.feeds[0]?.state !== 'paused');
      const removed = await again.handlers['feeds:remove'](id);
      assert.ok(removed.ok && removed.value.feeds.length === 0);
    } finally {
      await again.dispose();
    }
  });
});
