// The BUILT Electron main process (dist/main/desktop/app.js), loaded against a stand-in
// `electron` (stand-in/electron.mjs) under this Node and under Node 24, the Node Electron 40
// embeds. It goes through startup in Electron's order and calls every IPC
// channel once through the real handlers, with a conversion and a validation on worker threads
// (the bundled dist/workers files) and an upload to the embedded sandbox. It catches the
// startup-order, import and Node-version mistakes a launch would show; the Electron Playwright
// project still runs the real binary where it exists. Needs `npm run build` first (npm test does it).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { INVOKE_CHANNELS } from '../../main/contract/channels.js';
import { node24OrSkip } from './node24.js';
import { drive, type StandInResult } from './stand-in/drive.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILT_MAIN = join(ROOT, 'dist/main/desktop/app.js');

const indexOf = (log: string[], entry: string | RegExp): number => log.findIndex((l) => (typeof entry === 'string' ? l === entry : entry.test(l)));
const lastIndexOf = (log: string[], re: RegExp): number => log.reduce((at, l, i) => (re.test(l) ? i : at), -1);

function roles(items: StandInResult['menu']): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...(i.submenu ? roles(i.submenu) : [])]);
}

function checksFor(label: string, runtime: () => Promise<{ node: string; skip: null } | { node: null; skip: string }>): void {
  describe(`built main process under ${label}`, () => {
    let node: string | null = null;
    let skip: string | null = null;
    let work = '';
    before(async () => {
      const r = await runtime();
      node = r.node;
      skip = r.skip;
      work = await mkdtemp(join(tmpdir(), 'lexer-built-main-'));
    });
    after(async () => {
      await rm(work, { recursive: true, force: true });
    });
    const scenarioDir = (name: string): string => {
      const dir = join(work, name);
      mkdirSync(dir, { recursive: true });
      return dir;
    };

    test('starts in order, serves every channel, converts and validates on workers, uploads to the sandbox', async (t) => {
      if (skip || !node) return t.skip(skip ?? 'no Node');
      assert.ok(existsSync(BUILT_MAIN), 'run `npm run build` first');
      const cwd = scenarioDir('full');
      // A plain token left by a launch without encryption, to be moved into encrypted storage.
      mkdirSync(join(cwd, 'profile'));
      writeFileSync(join(cwd, 'profile', 'token'), 'plain-token-from-before-9999\n', { mode: 0o600 });
      const { result: r, status } = await drive(node, 'full', cwd, { LEXER_UPLOAD_USER_DATA_DIR: 'profile', STANDIN_PACKAGED: '1' });
      assert.deepEqual(r.problems, []);
      assert.equal(status, 0);
      if (label.startsWith('Node 24')) assert.match(r.node, /^v24\./);

      // Startup order: profile, lock and scheme before ready; protocol, IPC, then the window.
      const log = r.log;
      assert.ok(indexOf(log, 'app.setPath:userData') < indexOf(log, 'app:ready'));
      assert.ok(indexOf(log, 'protocol.registerSchemesAsPrivileged') < indexOf(log, 'app:ready'), 'scheme registered before ready');
      assert.ok(indexOf(log, 'app:ready') < indexOf(log, 'protocol.handle:app'));
      assert.ok(indexOf(log, 'protocol.handle:app') < indexOf(log, /^ipcMain\.handle:/));
      assert.ok(lastIndexOf(log, /^ipcMain\.handle:/) < indexOf(log, 'BrowserWindow:new'), 'every handler exists before the window');
      assert.ok(indexOf(log, 'BrowserWindow:new') < indexOf(log, 'BrowserWindow.loadURL:app://renderer/index.html'));

      // Every channel of the contract answered ok through the real handler.
      assert.deepEqual(Object.keys(r.channels).sort(), [...INVOKE_CHANNELS].sort());
      for (const [channel, reply] of Object.entries(r.channels)) assert.equal(reply.ok, true, `${channel}: ${reply.message ?? ''}`);
      assert.equal(r.foreignFrame, 'forbidden');
      assert.deepEqual(r.protocol, { status: 200, csp: (r.protocol as { csp: string }).csp, html: true });
      assert.match((r.protocol as { csp: string }).csp, /default-src 'none'/);
      assert.deepEqual(r.permissions, { clipboardWrite: true, notifications: false });

      // Conversion and validation ran on worker threads from the bundled, self-contained files.
      const started = (name: string) => r.workers.filter((w) => w.file === join(ROOT, 'dist', 'workers', `${name}.cjs`));
      assert.ok(started('convert-worker').length >= 1, JSON.stringify(r.workers));
      assert.ok(started('validate-worker').length >= 1, JSON.stringify(r.workers));
      for (const w of r.workers) assert.deepEqual({ online: w.online, error: w.error }, { online: true, error: null }, w.file);
      // In the app even the one-record file checked before its upload goes to a worker, never the window's thread.
      assert.ok(started('validate-worker').length >= 2, JSON.stringify(r.workers));
      assert.deepEqual(r.conversion, { rows: 160_000, written: 160_000, rejected: 0 });
      assert.deepEqual(r.validation, { total: 160_000, valid: 160_000, invalid: 0 });
      // Presets live in main; a released conversion output is deleted.
      assert.deepEqual(r.presets, ['Stand-in']);
      assert.equal(r.released, true);
      assert.equal(r.outputLeft, false);

      // The upload went to the embedded sandbox and History says so.
      assert.equal((r.upload as { final: { kind: string } }).final.kind, 'succeeded');
      // NDJSON is gzipped on the way: the name sent ends .gz.
      assert.deepEqual(r.history, [{ status: 'Success', filename: 'customers-20260101-v1.ndjson.gz' }]);
      // While it ran, a new window would have found it; once ended, it is no longer listed.
      assert.deepEqual(r.currentDuring, [{ id: 'up-1', filename: 'customers-20260101-v1.ndjson' }]);
      assert.equal(r.currentAfter, 0);
      assert.deepEqual(r.openedFiles, []);
      assert.equal(r.show, null);
      // Start at login (Linux: an autostart entry, under the scenario's XDG_CONFIG_HOME).
      assert.deepEqual(r.loginItem, [{ supported: true, openAtLogin: false }, { supported: true, openAtLogin: true }, { supported: true, openAtLogin: false }]);
      assert.deepEqual(r.opened, ['https://hub.lexer.io/']);
      // Watched folders: the desktop's folder chooser, a feed watching, paused, removed.
      assert.deepEqual(r.feeds, { chosen: true, canChoose: true, paused: 'paused', left: 0, testAlert: ['ok'], hooks: 1 });
      assert.match(r.historyExport as string, /^when,/, 'History exports as CSV with its header');
      assert.ok(indexOf(log, 'dialog.showOpenDialog:window:openDirectory,createDirectory') >= 0, 'the chooser belongs to the window');

      // A relative profile folder is resolved (and created) instead of throwing.
      assert.ok(r.userData && isAbsolute(r.userData));
      assert.equal(r.userData, join(cwd, 'profile'));
      // The packaged app has no developer tools.
      assert.equal(r.webPreferences?.devTools, false);
      assert.ok(!roles(r.menu).includes('toggleDevTools') && !roles(r.menu).includes('viewMenu'));
      // The plain token was moved, its file deleted, and the person told over the window.
      assert.equal(existsSync(join(cwd, 'profile', 'token')), false);
      assert.equal((r.tokenBefore as { stored: boolean; last4: string }).last4, '9999');
      const told = r.dialogs.find((d) => /token was moved/.test(d.message));
      assert.ok(told && told.parent !== null, JSON.stringify(r.dialogs));
      assert.match(told.detail ?? '', /secure storage/);
      assert.equal(r.exitCode, 0);
    });

    test('a second launch right after ready waits for setup, then focuses the one window', async (t) => {
      if (skip || !node) return t.skip(skip ?? 'no Node');
      const cwd = scenarioDir('second');
      mkdirSync(join(cwd, 'profile'));
      const { result: r } = await drive(node, 'second-instance', cwd, { LEXER_UPLOAD_USER_DATA_DIR: join(cwd, 'profile') });
      assert.deepEqual(r.problems, []);
      assert.equal(r.windows, 1, 'one window, not one per launch');
      assert.ok(lastIndexOf(r.log, /^ipcMain\.handle:/) < indexOf(r.log, 'BrowserWindow:new'), 'no window before the IPC handlers');
      assert.ok(indexOf(r.log, /^BrowserWindow\.focus:/) > indexOf(r.log, 'BrowserWindow:new'));
    });

    test('startup that fails (history unreadable) shows one dialog naming the folder and exits with 1', async (t) => {
      if (skip || !node) return t.skip(skip ?? 'no Node');
      const cwd = scenarioDir('fails');
      const profile = join(cwd, 'profile');
      mkdirSync(join(profile, 'history.json'), { recursive: true }); // a folder where the history file should be
      const { result: r } = await drive(node, 'startup-fails', cwd, { LEXER_UPLOAD_USER_DATA_DIR: profile });
      assert.deepEqual(r.problems, []);
      assert.equal(r.exitCode, 1);
      assert.equal(r.windows, 0, 'no window without services');
      assert.equal(r.errorBoxes.length, 1);
      const box = r.errorBoxes[0]!;
      assert.equal(box.title, 'Lexer Uploader could not start');
      assert.ok(box.content.includes(`Data folder: ${profile}`), box.content);
      assert.match(box.content, /EISDIR/);
      assert.doesNotMatch(box.content, /\n\s+at /, 'no stack trace');
    });

    test('a profile folder that cannot be created ends in the same dialog, not a crash at load', async (t) => {
      if (skip || !node) return t.skip(skip ?? 'no Node');
      const cwd = scenarioDir('bad-profile');
      writeFileSync(join(cwd, 'a-file'), '');
      const { result: r } = await drive(node, 'startup-fails', cwd, { LEXER_UPLOAD_USER_DATA_DIR: 'a-file/profile' });
      assert.deepEqual(r.problems, []);
      assert.equal(r.exitCode, 1);
      assert.equal(r.errorBoxes.length, 1);
      assert.ok(r.errorBoxes[0]!.content.includes(`Data folder: ${join(cwd, 'a-file', 'profile')}`), r.errorBoxes[0]!.content);
    });

    test('a window whose page cannot load ends in one dialog and exit code 1', async (t) => {
      if (skip || !node) return t.skip(skip ?? 'no Node');
      const cwd = scenarioDir('load');
      mkdirSync(join(cwd, 'profile'));
      const { result: r } = await drive(node, 'load-fails', cwd, { LEXER_UPLOAD_USER_DATA_DIR: join(cwd, 'profile'), STANDIN_LOAD_FAILS: '1' });
      assert.deepEqual(r.problems, []);
      assert.equal(r.exitCode, 1);
      assert.equal(r.errorBoxes.length, 1);
      assert.match(r.errorBoxes[0]!.content, /ERR_FILE_NOT_FOUND/);
    });
  });
}

checksFor(`this Node (${process.version})`, async () => ({ node: process.execPath, skip: null }));
checksFor('Node 24 (Electron 40’s Node)', node24OrSkip);
