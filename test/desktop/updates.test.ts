// When updates are checked, downloaded and asked about: never while files upload, and never for
// a copy the system's package manager updates. electron-updater itself is checked against a
// loopback server in desktop-shell.test.ts; here a recording stand-in updater.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupUpdates, updateSource, type Updater, type UpdatesDeps } from '../../main/desktop/updates.js';

class RecordingUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  logger: Updater['logger'] = null;
  calls: string[] = [];
  async checkForUpdates() {
    this.calls.push('check');
    return null;
  }
  async downloadUpdate() {
    this.calls.push('download');
    return [];
  }
  quitAndInstall() {
    this.calls.push('install');
  }
}

const tick = () => new Promise((r) => setTimeout(r, 5));

function harness(answer: boolean) {
  const updater = new RecordingUpdater();
  let uploads = 0;
  const listeners: Array<() => void> = [];
  const asked: string[] = [];
  const deps: UpdatesDeps = {
    source: { kind: 'updater' },
    load: async () => updater as unknown as Updater,
    activeUploads: () => uploads,
    onActivity: (l) => void listeners.push(l),
    askRestart: async (v) => (asked.push(v), answer),
    log: () => {},
    firstCheckMs: 0,
    everyMs: 60_000,
  };
  const setUploads = (n: number) => {
    uploads = n;
    for (const l of listeners) l();
  };
  return { updater, deps, asked, setUploads };
}

test('checked at start; the download and the restart question wait while files upload; restarting only when asked', async () => {
  const h = harness(true);
  h.setUploads(1);
  const updates = setupUpdates(h.deps);
  await tick();
  assert.deepEqual(h.updater.calls, [], 'no check while a file uploads');
  assert.equal(h.updater.autoDownload, false, 'never downloads on its own');
  assert.equal(h.updater.autoInstallOnAppQuit, true);
  h.setUploads(0);
  await tick();
  assert.deepEqual(h.updater.calls, ['check']);
  h.setUploads(2);
  h.updater.emit('update-available', { version: '9.9.9' });
  await tick();
  assert.deepEqual(h.updater.calls, ['check'], 'no download during an upload');
  h.setUploads(0);
  await tick();
  assert.deepEqual(h.updater.calls, ['check', 'download']);
  h.setUploads(1);
  h.updater.emit('update-downloaded', { version: '9.9.9' });
  await tick();
  assert.deepEqual(h.asked, [], 'not asked during an upload');
  h.setUploads(0);
  await tick();
  assert.deepEqual(h.asked, ['9.9.9']);
  assert.deepEqual(h.updater.calls, ['check', 'download', 'install']);
  updates.dispose();
});

test('“Later” installs nothing now (electron-updater installs it at the next quit)', async () => {
  const h = harness(false);
  const updates = setupUpdates(h.deps);
  await tick();
  h.updater.emit('update-downloaded', { version: '9.9.9' });
  await tick();
  assert.deepEqual(h.asked, ['9.9.9']);
  assert.ok(!h.updater.calls.includes('install'));
  assert.match(await updates.checkNow(), /9\.9\.9 is downloaded and installs when you restart/);
  updates.dispose();
});

test('how a copy is updated follows how it was installed', () => {
  const resources = mkdtempSync(join(tmpdir(), 'lexer-resources-'));
  const base = { isPackaged: true, platform: 'linux' as const, resourcesPath: resources, env: {} };
  assert.deepEqual(updateSource({ ...base, isPackaged: false }), { kind: 'none', reason: 'it runs from the sources' });
  assert.equal(updateSource(base).kind, 'none', 'an unpacked folder updates nothing');
  assert.deepEqual(updateSource({ ...base, env: { APPIMAGE: '/home/me/Lexer.AppImage' } }), { kind: 'updater' });
  assert.deepEqual(updateSource({ ...base, platform: 'win32' }), { kind: 'updater' });
  writeFileSync(join(resources, 'package-type'), 'deb\n');
  assert.deepEqual(updateSource({ ...base, env: { APPIMAGE: '/x' } }), { kind: 'package-manager', format: 'deb' });
});

test('a deb never loads electron-updater and says its package manager updates it', async () => {
  let loaded = false;
  const updates = setupUpdates({ ...harness(true).deps, source: { kind: 'package-manager', format: 'deb' }, load: async () => ((loaded = true), new RecordingUpdater() as unknown as Updater) });
  await tick();
  assert.equal(loaded, false);
  assert.match(await updates.checkNow(), /installed from the \.deb package, so its updates come through your system's package manager/);
});
