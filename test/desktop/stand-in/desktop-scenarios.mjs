// Desktop scenarios for the stand-in driver (drive-main.mjs): what the app does around its window.
// Each gets the driver's helpers and records what happened in `result`.
//   open-files: files from macOS `open-file` before ready, the first launch's and a second's argv
//   background: closing the window with a watched folder active keeps the app in the tray
//   hidden-start: a start at login (--hidden) with a watched folder: tray, no window
//   feed-failure: a watched file that fails raises one notification; its click opens the folder
//   page-gone: a crashed page is reloaded once, then the person is asked
//   reopen: macOS, the window closed and re-created from the dock while an upload runs
//   worker-fails: validation whose worker cannot start fails with a message and a log line
//   updates: electron-updater against a loopback update server
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sentTo = (win, channel) => win.webContents.sent.filter((s) => s.channel === channel);
const menuLabels = (tray) => tray.menu.template.map((i) => i.label ?? `(${i.type})`);
const clickMenu = (tray, label) => tray.menu.template.find((i) => i.label === label).click();

/** Before `ready`: macOS hands a launch's files over with `open-file`. */
export function beforeReady(scenario, h) {
  if (scenario !== 'open-files') return;
  const file = join(h.work, 'from-finder.csv');
  writeFileSync(file, 'Email\njane@example.com\n');
  let prevented = false;
  h.app.emit('open-file', { preventDefault: () => void (prevented = true) }, file);
  h.result.openFilePrevented = prevented;
}

async function openFiles(h) {
  const { standIn, app } = h;
  await h.until('window', () => standIn.windows.length > 0 && standIn.windows[0].visible);
  const win = standIn.windows[0];
  h.result.takenAtStart = h.value(await h.invoke('desktop:take-opened-files'));
  h.result.takenAgain = h.value(await h.invoke('desktop:take-opened-files'));
  // A second launch from another folder: relative paths, Chromium's switches, a folder.
  const other = join(h.work, 'other');
  mkdirSync(other, { recursive: true });
  writeFileSync(join(other, 'later.ndjson'), '{}\n');
  const nudges = sentTo(win, 'desktop:files-opened').length;
  app.emit('second-instance', {}, ['lexer-uploader', '--original-process-start-time=1', 'later.ndjson', '.', 'missing.csv'], other, {});
  await h.until('the nudge', () => sentTo(win, 'desktop:files-opened').length > nudges);
  h.result.takenFromSecond = h.value(await h.invoke('desktop:take-opened-files'));
  h.result.focused = standIn.log.filter((l) => l.startsWith('BrowserWindow.focus')).length;
  h.result.windowsAtEnd = standIn.windows.length;
  app.quit();
}

async function addFeed(h, folder, extra = {}) {
  mkdirSync(folder, { recursive: true });
  const settings = { path: folder, patterns: '*.ndjson', destination: null, convert: false, presetName: null, validate: false, gzip: false, quietSeconds: 1, after: 'sent', polling: false, ...extra };
  const added = h.value(await h.invoke('feeds:add', settings, null));
  await h.until('the feed to watch', () => h.standIn.windows.length > 0 && sentTo(h.standIn.windows[0], 'feeds:changed').some((s) => s.payload.feeds.some((f) => f.state === 'watching')));
  return added.feeds.at(-1).id;
}

async function background(h) {
  const { standIn } = h;
  await h.until('window', () => standIn.windows.length > 0 && standIn.windows[0].visible);
  h.value(await h.invoke('settings:update', { useSandbox: true })); // a folder watches once it has somewhere to send
  const feedId = await addFeed(h, join(h.work, 'watched'));
  standIn.windows[0].close();
  await h.until('the tray', () => standIn.trays.length > 0);
  await sleep(50);
  const tray = standIn.trays[0];
  h.result.afterClose = { windows: standIn.windows.length, quit: standIn.log.includes('app.quit'), notices: standIn.notifications.map((n) => n.options.title), menu: menuLabels(tray), tooltip: tray.tooltip, image: tray.image.representations.map((r) => ({ scale: r.scaleFactor, png: r.buffer.subarray(1, 4).toString('ascii'), width: r.buffer.readUInt32BE(16) })) };
  clickMenu(tray, 'Open Lexer Uploader');
  await h.until('the window again', () => standIn.windows.length === 1);
  h.result.afterOpen = { trayDestroyed: tray.destroyed };
  standIn.windows[0].close();
  await h.until('the second tray', () => standIn.trays.length > 1);
  const second = standIn.trays[1];
  h.result.afterSecondClose = { notices: standIn.notifications.length };
  clickMenu(second, 'Pause watched folders');
  await h.until('the menu to offer Resume', () => menuLabels(second).includes('Resume watched folders'));
  h.result.menuAfterPause = menuLabels(second);
  clickMenu(second, 'Resume watched folders');
  await h.until('the menu to offer Pause', () => menuLabels(second).includes('Pause watched folders'));
  h.result.feedId = feedId;
  clickMenu(second, 'Quit');
}

async function hiddenStart(h) {
  await h.until('the tray', () => h.standIn.trays.length > 0, 10_000);
  await sleep(300);
  h.result.hidden = { windows: h.standIn.windows.length, trays: h.standIn.trays.length, notices: h.standIn.notifications.length };
  h.app.quit();
}

async function feedFailure(h) {
  const { standIn } = h;
  await h.until('window', () => standIn.windows.length > 0 && standIn.windows[0].visible);
  h.value(await h.invoke('settings:update', { useSandbox: true }));
  const folder = join(h.work, 'watched');
  const feedId = await addFeed(h, folder, { destination: { datasetId: 'ds_standin', recordType: 'customer_record' }, validate: true });
  writeFileSync(join(folder, 'customers-20260101-v1.ndjson'), `${JSON.stringify({ first_name: 'No link' })}\n`);
  const failedNotice = () => standIn.notifications.filter((n) => n.options.title.startsWith('Not sent:'));
  await h.until('the failure notice', () => failedNotice().length > 0, 40_000);
  await sleep(1500); // more feeds:changed events arrive: no second notice
  h.result.notices = standIn.notifications.map((n) => ({ title: n.options.title, body: n.options.body }));
  const win = standIn.windows[0];
  const nudges = sentTo(win, 'desktop:show').length;
  failedNotice()[0].emit('click');
  await h.until('the show nudge', () => sentTo(win, 'desktop:show').length > nudges);
  h.result.show = h.value(await h.invoke('desktop:take-show'));
  h.result.feedId = feedId;
  h.result.focusedAfterClick = standIn.log.filter((l) => l.startsWith('BrowserWindow.focus')).length;
  h.app.quit();
}

async function pageGone(h) {
  const { standIn } = h;
  await h.until('window', () => standIn.windows.length > 0 && standIn.windows[0].visible);
  const wc = standIn.windows[0].webContents;
  const reloads = () => standIn.log.filter((l) => l === 'webContents.reload').length;
  wc.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
  h.result.afterCleanExit = reloads();
  wc.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
  h.result.afterFirst = { reloads: reloads(), dialogs: standIn.dialogs.length };
  standIn.messageBoxResponse = 0;
  wc.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
  await h.until('the question', () => standIn.dialogs.length > 0);
  await h.until('the reload it asked for', () => reloads() === 2);
  h.result.afterSecond = { reloads: reloads(), windows: standIn.windows.length };
  h.result.appLog = readFileSync(join(h.app.getPath('userData'), 'logs', 'main.log'), 'utf8');
  h.app.quit();
}

/** A file validation needs seconds for (on workers), so an upload of it runs while the window closes. */
function slowFile(work) {
  const path = join(work, 'customers-20260102-v1.ndjson');
  const line = (i) => JSON.stringify({ link: { email: `p${i}@example.com` }, first_name: `Name${i}`, last_name: 'Someone', city: 'Melbourne' });
  writeFileSync(path, `${Array.from({ length: 400_000 }, (_, i) => line(i)).join('\n')}\n`);
  return path;
}

async function reopen(h) {
  const { standIn, app } = h;
  await h.until('window', () => standIn.windows.length > 0 && standIn.windows[0].visible);
  h.value(await h.invoke('settings:update', { useSandbox: true }));
  const path = slowFile(h.work);
  const request = { id: 'up-slow', path, filename: 'customers-20260102-v1.ndjson', destination: { datasetId: 'ds_standin', recordType: 'customer_record' }, validateFirst: true };
  const starting = h.invoke('uploads:start', request);
  standIn.windows[0].close(); // macOS: the app and its upload stay, with no window
  h.result.afterClose = { windows: standIn.windows.length, quit: standIn.log.includes('app.quit') };
  app.emit('activate', {}, false);
  await h.until('a new window', () => standIn.windows.length === 1 && standIn.windows[0].visible);
  h.result.replayed = h.value(await h.invoke('desktop:current-uploads')).map((c) => ({ id: c.request.id, path: c.request.path, kind: c.state.kind }));
  h.value(await h.invoke('uploads:cancel', 'up-slow'));
  h.result.final = (await starting).ok;
  app.quit();
}

async function workerFails(h) {
  const { standIn } = h;
  await h.until('window', () => standIn.windows.length > 0 && standIn.windows[0].visible);
  const small = join(h.work, 'small.ndjson');
  writeFileSync(small, `${JSON.stringify({ link: { email: 'jane@example.com' } })}\n`);
  const reply = await h.invoke('jobs:validate', 'job-small', small, 'customer_record');
  h.result.reply = reply.ok ? { ok: true, value: reply.value } : { ok: false, code: reply.error.code, message: reply.error.message };
  h.result.appLog = readFileSync(join(h.app.getPath('userData'), 'logs', 'main.log'), 'utf8');
  h.app.quit();
}

async function updates(h) {
  const { standIn } = h;
  await h.until('window', () => standIn.windows.length > 0 && standIn.windows[0].visible);
  if (process.env.STANDIN_EXPECT_UPDATE === '1') {
    standIn.messageBoxResponse = 1; // Later
    await h.until('the restart question', () => standIn.dialogs.some((d) => d.options.title === 'Update ready'), 40_000);
  } else {
    await sleep(4000); // past the first check
  }
  const help = standIn.menuTemplate.find((m) => m.role === 'help');
  help.submenu.find((i) => i.label === 'Check for Updates…').click();
  await h.until('the answer', () => standIn.dialogs.some((d) => d.options.title === 'Updates'), 20_000);
  h.result.netRequests = standIn.netRequests;
  h.result.quitAndInstall = standIn.log.includes('app.quit');
  h.app.quit();
}

export const scenarios = {
  'open-files': openFiles, background, 'hidden-start': hiddenStart, 'feed-failure': feedFailure, 'page-gone': pageGone, reopen, 'worker-fails': workerFails, updates,
};
