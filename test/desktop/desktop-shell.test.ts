// The desktop around the window, on the BUILT main process with the stand-in `electron` under
// Node 24 (Electron 40's Node): files opened from the system, the tray that keeps watched folders
// running when the window closes, their failure notices, a crashed page, a window re-created
// while an upload runs, validation whose worker cannot start, the Windows app id, and updates
// through electron-updater against an update server on loopback. Needs `npm run build` first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { node24OrSkip } from './node24.js';
import { drive, type StandInResult } from './stand-in/drive.js';

let node: string | null = null;
let skip: string | null = null;
let work = '';
before(async () => {
  const r = await node24OrSkip();
  node = r.node;
  skip = r.skip;
  work = await mkdtemp(join(tmpdir(), 'lexer-desktop-'));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Runs `scenario` in a fresh folder (or `cwd`) with a profile there; answers its result. */
async function run(scenario: string, env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<StandInResult & Record<string, unknown>> {
  const dir = cwd ?? join(work, `${scenario}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(join(dir, 'profile'), { recursive: true });
  const { result } = await drive(node!, scenario, dir, { LEXER_UPLOAD_USER_DATA_DIR: join(dir, 'profile'), ...env });
  assert.deepEqual(result.problems, [], 'the scenario ran to its end');
  return result as StandInResult & Record<string, unknown>;
}

describe('the desktop shell (built main process, stand-in electron, Node 24)', () => {
  test('files opened from the system wait for the window: macOS open-file before ready, the first launch’s and a second launch’s arguments', async (t) => {
    if (!node) return t.skip(skip ?? '');
    const dir = join(work, 'open');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'first.ndjson'), '{}\n');
    const r = await run('open-files', { STANDIN_ARGS: JSON.stringify(['--inspect=0', 'first.ndjson', 'nowhere.csv']) }, dir);
    assert.equal(r.openFilePrevented, true, 'open-file is handled (preventDefault) before ready');
    assert.deepEqual(r.takenAtStart, [join(dir, 'first.ndjson'), join(dir, 'from-finder.csv')]);
    assert.deepEqual(r.takenAgain, [], 'taken once');
    assert.deepEqual(r.takenFromSecond, [join(dir, 'other', 'later.ndjson')], 'switches, folders and missing files are left out; relative to the launch’s folder');
    assert.ok((r.focused as number) >= 1, 'the window comes to the front');
    assert.equal(r.windowsAtEnd, 1);
  });

  test('closing the window with a watched folder active keeps the app in the tray (Open, Pause, Quit), says so once', async (t) => {
    if (!node) return t.skip(skip ?? '');
    const dir = join(work, 'background');
    const r = await run('background', {}, dir);
    const closed = r.afterClose as { windows: number; quit: boolean; notices: string[]; menu: string[]; tooltip: string; image: unknown };
    assert.equal(closed.windows, 0);
    assert.equal(closed.quit, false, 'the app did not quit');
    assert.deepEqual(closed.notices, ['Lexer Uploader is still watching your folders']);
    assert.deepEqual(closed.menu, ['Open Lexer Uploader', 'Pause watched folders', '(separator)', 'Quit']);
    assert.deepEqual(closed.image, [{ scale: 1, png: 'PNG', width: 16 }, { scale: 2, png: 'PNG', width: 32 }], 'the tray icon, read from the build');
    assert.deepEqual(r.afterOpen, { trayDestroyed: true });
    assert.deepEqual(r.afterSecondClose, { notices: 1 }, 'said the first time only');
    assert.deepEqual(r.menuAfterPause, ['Open Lexer Uploader', 'Resume watched folders', '(separator)', 'Quit']);
    assert.equal(r.exitCode, 0, 'Quit in the tray quits');

    // Started at login (--hidden) with that folder: the tray, no window, nothing said again.
    const hidden = await run('hidden-start', { STANDIN_ARGS: JSON.stringify(['--hidden']) }, dir);
    assert.deepEqual(hidden.hidden, { windows: 0, trays: 1, notices: 0 });
  });

  test('a watched file that fails raises one notification; clicking it opens the watched folders', async (t) => {
    if (!node) return t.skip(skip ?? '');
    const r = await run('feed-failure');
    const notices = r.notices as Array<{ title: string; body: string }>;
    assert.deepEqual(notices.map((n) => n.title), ['Not sent: customers-20260101-v1.ndjson']);
    assert.match(notices[0]!.body, /failed folder/);
    assert.deepEqual(r.show, { screen: 'feeds', feedId: r.feedId });
    assert.ok((r.focusedAfterClick as number) >= 1);
  });

  test('a page that dies is reloaded once; the second time the person is asked, and the log says what happened', async (t) => {
    if (!node) return t.skip(skip ?? '');
    const r = await run('page-gone');
    assert.equal(r.afterCleanExit, 0, 'a clean exit is no crash');
    assert.deepEqual(r.afterFirst, { reloads: 1, dialogs: 0 });
    assert.deepEqual(r.afterSecond, { reloads: 2, windows: 1 });
    const asked = r.dialogs.find((d) => d.message === 'The window stopped working again.');
    assert.ok(asked && asked.parent !== null, JSON.stringify(r.dialogs));
    assert.match(asked.detail ?? '', /ran out of memory.*Uploads and watched folders keep running/);
    assert.match(r.appLog as string, /error The window's page stopped: crashed, exit code 139; reloading it\./);
    assert.match(r.appLog as string, /error The window's page stopped: oom, exit code 0; asked the person\./);
  });

  test('macOS: a window re-created from the dock gets the running upload back', async (t) => {
    if (!node) return t.skip(skip ?? '');
    const r = await run('reopen', { STANDIN_PLATFORM: 'darwin' });
    assert.deepEqual(r.afterClose, { windows: 0, quit: false });
    const replayed = r.replayed as Array<{ id: string; path: string; kind: string }>;
    assert.equal(replayed.length, 1, JSON.stringify(replayed));
    assert.equal(replayed[0]!.id, 'up-slow');
    assert.notEqual(replayed[0]!.kind, 'succeeded');
  });

  test('validation whose worker cannot start is an error on the card and in the log, never a check on the main thread', async (t) => {
    if (!node) return t.skip(skip ?? '');
    const r = await run('worker-fails', { STANDIN_BROKEN_WORKER: 'validate-worker' });
    const reply = r.reply as { ok: boolean; code?: string; message?: string };
    assert.equal(reply.ok, false, JSON.stringify(reply));
    assert.equal(reply.code, 'worker-failed');
    assert.match(reply.message ?? '', /worker thread failed/);
    assert.match(r.appLog as string, /error A validation worker could not run: /);
  });

  test('Windows: the app id is set before ready, as electron-builder.yml names it', async (t) => {
    if (!node) return t.skip(skip ?? '');
    const dir = join(work, 'windows');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a-file'), '');
    // A profile that cannot be made ends the start at once: only the order before `ready` matters here.
    const r = await run('startup-fails', { STANDIN_PLATFORM: 'win32', LEXER_UPLOAD_USER_DATA_DIR: join(dir, 'a-file', 'profile') }, dir);
    const config = readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8');
    const appId = /^appId: (\S+)$/m.exec(config)?.[1];
    const at = r.log.indexOf(`app.setAppUserModelId:${appId}`);
    assert.ok(at >= 0 && at < r.log.indexOf('app:ready'), r.log.join('\n'));
  });
});

/** An update server on loopback: latest-linux.yml for 9.9.9 and its AppImage, every request recorded. */
async function updateServer(): Promise<{ url: string; requests: string[]; server: Server }> {
  const appImage = Buffer.from('#!/bin/sh\necho stand-in AppImage 9.9.9\n');
  const sha512 = createHash('sha512').update(appImage).digest('base64');
  const yml = `version: 9.9.9\nfiles:\n  - url: Lexer-Uploader-9.9.9.AppImage\n    sha512: ${sha512}\n    size: ${appImage.length}\npath: Lexer-Uploader-9.9.9.AppImage\nsha512: ${sha512}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n`;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const path = (req.url ?? '').split('?')[0];
    if (path === '/latest-linux.yml') return void res.end(yml);
    if (path === '/Lexer-Uploader-9.9.9.AppImage') return void res.end(appImage);
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

describe('updates (electron-updater in the built main process, a loopback update server)', () => {
  let server: Awaited<ReturnType<typeof updateServer>>;
  before(async () => {
    server = await updateServer();
  });
  after(() => server.server.close());

  const resources = (name: string, packageType: string | null): string => {
    const dir = join(work, name, 'resources');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'app-update.yml'), `provider: generic\nurl: ${server.url}\nupdaterCacheDirName: lexer-uploader-updater\n`);
    if (packageType) writeFileSync(join(dir, 'package-type'), packageType);
    return dir;
  };

  test('an AppImage checks at start, downloads the new version and asks before restarting', async (t) => {
    if (!node) return t.skip(skip ?? '');
    const appImage = join(work, 'Lexer-Uploader-0.1.0.AppImage');
    writeFileSync(appImage, 'old');
    const r = await run('updates', { STANDIN_PACKAGED: '1', STANDIN_RESOURCES: resources('appimage', null), APPIMAGE: appImage, STANDIN_EXPECT_UPDATE: '1' });
    assert.ok(server.requests.some((q) => q.startsWith('GET /latest-linux.yml')), server.requests.join('\n'));
    assert.ok(server.requests.some((q) => q.startsWith('GET /Lexer-Uploader-9.9.9.AppImage')), server.requests.join('\n'));
    const asked = r.dialogs.find((d) => d.title === 'Update ready');
    assert.ok(asked, JSON.stringify(r.dialogs));
    assert.equal(asked.message, 'Lexer Uploader 9.9.9 is ready to install.');
    assert.equal(r.quitAndInstall, false, '“Later” restarts nothing');
    const answer = r.dialogs.find((d) => d.title === 'Updates');
    assert.equal(answer?.message, 'Lexer Uploader 9.9.9 is downloaded and installs when you restart the app.');
  });

  test('the deb asks its package manager instead: no request to the update server, and Check for Updates says so', async (t) => {
    if (!node) return t.skip(skip ?? '');
    const before = server.requests.length;
    const r = await run('updates', { STANDIN_PACKAGED: '1', STANDIN_RESOURCES: resources('deb', 'deb'), APPIMAGE: '' });
    assert.equal(server.requests.length, before, server.requests.slice(before).join('\n'));
    const answer = r.dialogs.find((d) => d.title === 'Updates');
    assert.match(answer?.message ?? '', /installed from the \.deb package, so its updates come through your system's package manager/);
  });
});
