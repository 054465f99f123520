// Loads the BUILT Electron main process (dist/main/desktop/app.js) against the stand-in
// `electron` (register.mjs maps the import) and plays one scenario through Electron's startup
// order, then prints one line `STANDIN-RESULT {json}` with what happened, for
// test/electron/built-main.test.ts to check. Run as:
//   node --import ./test/electron/stand-in/register.mjs test/electron/stand-in/drive-main.mjs <scenario>
// Scenarios: full (every IPC channel once, a conversion and a validation on worker threads, an
// upload to the embedded sandbox), second-instance (a second launch right after `ready`),
// startup-fails and load-fails (a startup error ends in one dialog and exit code 1).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import workerThreads from 'node:worker_threads';
import * as desktopScenarios from './desktop-scenarios.mjs';
import { app, standIn } from './electron.mjs';

const scenario = process.argv[2] ?? 'full';
const mainFile = process.env.STANDIN_MAIN ?? new URL('../../../dist/main/desktop/app.js', import.meta.url).pathname;
const work = process.env.STANDIN_WORK ?? process.cwd();
const result = { scenario, node: process.version, channels: {}, workers: [], problems: [] };

// Every worker thread the app starts: which file, and whether it came up. STANDIN_BROKEN_WORKER
// names a worker whose file is gone (a damaged installation), to see what the app does then.
const RealWorker = workerThreads.Worker;
workerThreads.Worker = class RecordedWorker extends RealWorker {
  constructor(file, options) {
    const broken = process.env.STANDIN_BROKEN_WORKER && String(file).includes(process.env.STANDIN_BROKEN_WORKER);
    super(broken ? join(work, 'missing', `${process.env.STANDIN_BROKEN_WORKER}.cjs`) : file, options);
    const entry = { file: String(file), online: false, error: null };
    result.workers.push(entry);
    this.on('online', () => (entry.online = true));
    this.on('error', (e) => (entry.error = String(e?.message ?? e)));
  }
};
syncBuiltinESMExports(); // `import { Worker } from 'node:worker_threads'` now sees the wrapper

let finished = false;
function finish(code) {
  if (finished) return;
  finished = true;
  Object.assign(result, {
    exitCode: code,
    log: standIn.log,
    dialogs: standIn.dialogs.map((d) => ({ parent: d.parent, title: d.options.title, message: d.options.message, detail: d.options.detail })),
    errorBoxes: standIn.errorBoxes,
    windows: standIn.log.filter((l) => l === 'BrowserWindow:new').length,
    menu: standIn.menuTemplate,
    webPreferences: standIn.windowOptions[0]?.webPreferences ?? null,
    userData: (() => {
      try {
        return app.getPath('userData');
      } catch {
        return null;
      }
    })(),
  });
  process.stdout.write(`STANDIN-RESULT ${JSON.stringify(result, (_k, v) => (typeof v === 'function' ? `[function]` : v))}\n`, () => process.exit(0));
}
standIn.onExit = finish;
setTimeout(() => {
  result.problems.push('timed out after 90 s');
  finish(-1);
}, 90_000).unref();

const tick = () => new Promise((r) => setImmediate(r));
async function until(what, check, ms = 60_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (finished) throw new Error(`stopped while waiting for ${what}`);
    if (Date.now() > end) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Calls a channel through the real handler, as the window's main frame would. */
async function invoke(channel, ...args) {
  const handler = standIn.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const win = standIn.windows[0];
  const reply = await handler({ senderFrame: win.webContents.mainFrame, sender: win.webContents }, ...args);
  result.channels[channel] = reply.ok ? { ok: true } : { ok: false, code: reply.error.code, message: reply.error.message };
  return reply;
}
const value = (reply) => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
};

async function full() {
  await until('window', () => standIn.windows.length > 0 && standIn.windows[0].visible);
  const win = standIn.windows[0];

  // The app:// protocol serves the built renderer with its CSP; permissions as the window sees them.
  const page = await standIn.protocolHandlers.get('app')(new Request('app://renderer/index.html'));
  result.protocol = { status: page.status, csp: page.headers.get('content-security-policy'), html: (await page.text()).includes('<') };
  const check = win.webContents.session.permissionCheck;
  result.permissions = {
    clipboardWrite: check(win.webContents, 'clipboard-sanitized-write', 'app://renderer', { isMainFrame: true }),
    notifications: check(win.webContents, 'notifications', 'app://renderer', { isMainFrame: true }),
  };
  // A frame that is not the window's is refused before anything runs.
  const foreign = await standIn.ipcHandlers.get('settings:get')({ senderFrame: { url: 'https://evil.example.com/' } });
  result.foreignFrame = foreign.ok ? 'served' : foreign.error.code;

  const ndjson = join(work, 'customers-20260101-v1.ndjson');
  writeFileSync(ndjson, `${JSON.stringify({ link: { email: 'jane@example.com' }, first_name: 'Jane' })}\n`);
  // Big enough (> 4 MiB of CSV, > 8 MiB of NDJSON out) for conversion and validation to use worker threads.
  const csv = join(work, 'export.csv');
  const rows = ['Email,First Name'];
  for (let i = 0; i < 160_000; i++) rows.push(`person${i}@example.com,Name${i}`);
  writeFileSync(csv, `${rows.join('\n')}\n`);

  value(await invoke('settings:get'));
  value(await invoke('settings:update', { useSandbox: true }));
  result.sandbox = value(await invoke('sandbox:status'));
  result.tokenBefore = value(await invoke('token:status'));
  value(await invoke('token:save', 'stand-in-token-0123456789', 'session'));
  result.tokenCheck = value(await invoke('token:check', null));
  value(await invoke('files:inspect', ndjson));
  result.checkName = value(await invoke('files:check-name', 'My Export (final).CSV'));
  const preview = value(await invoke('preview:csv', csv, 5, 'customer_record', null));
  const mapping = value(await invoke('mapping:suggest', preview.headers, 'customer_record', null));
  value(await invoke('schema:fields', 'customer_record', false));
  value(await invoke('presets:save', { name: 'Stand-in', recordType: 'customer_record', mapping }));
  result.presets = value(await invoke('presets:list')).map((p) => p.name);
  value(await invoke('presets:delete', 'Stand-in', 'customer_record'));
  const converted = value(await invoke('jobs:convert', 'job-convert', { path: csv, recordType: 'customer_record', mapping, gzip: false, stopOnFirstInvalid: false }));
  result.conversion = { rows: converted.rows, written: converted.written, rejected: converted.rejected };
  const validated = value(await invoke('jobs:validate', 'job-validate', converted.output, 'customer_record'));
  result.validation = { total: validated.total, valid: validated.valid, invalid: validated.invalid };
  value(await invoke('jobs:cancel', 'job-validate'));
  value(await invoke('jobs:export-errors', 'job-validate'));

  const sent = () => win.webContents.sent.filter((s) => s.channel === 'uploads:state' && s.payload.id === 'up-1').map((s) => s.payload.state.kind);
  const starting = invoke('uploads:start', { id: 'up-1', path: ndjson, filename: 'customers-20260101-v1.ndjson', destination: { datasetId: 'ds_standin', recordType: 'customer_record' }, validateFirst: true });
  // A window opening now would get this upload's card back.
  result.currentDuring = value(await invoke('desktop:current-uploads')).map((c) => ({ id: c.request.id, filename: c.request.filename }));
  const started = value(await starting);
  result.currentAfter = value(await invoke('desktop:current-uploads')).length;
  result.openedFiles = value(await invoke('desktop:take-opened-files'));
  result.show = value(await invoke('desktop:take-show'));
  result.loginItem = [value(await invoke('desktop:login-item')), value(await invoke('desktop:set-login-item', true)), value(await invoke('desktop:set-login-item', false))];
  await until('upload to finish', () => ['succeeded', 'failed', 'cancelled'].some((k) => sent().includes(k)) || ['succeeded', 'failed'].includes(started.kind));
  result.upload = { states: sent(), final: win.webContents.sent.filter((s) => s.channel === 'uploads:state' && s.payload.id === 'up-1').at(-1)?.payload.state };
  value(await invoke('uploads:cancel', 'up-1'));
  result.history = value(await invoke('history:list')).map((h) => ({ status: h.status, filename: h.filename }));
  result.historyExport = value(await invoke('history:export')).split('\n')[0];
  // Watched folders: a folder from the desktop's chooser, watched (chokidar under this
  // Node), paused and removed.
  const watched = join(work, 'watched');
  mkdirSync(watched);
  standIn.openDialogPaths = [watched];
  const chosen = value(await invoke('feeds:choose-folder'));
  // A webhook on loopback, so the feed's test alert has somewhere to go.
  const hooks = [];
  const hook = createServer((req, res) => { req.resume(); req.on('end', () => { hooks.push(req.url); res.end('ok'); }); });
  await new Promise((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const alerts = { webhookUrl: `http://127.0.0.1:${hook.address().port}/hook`, email: null, leftOutPercent: 1, expect: null };
  const feedSettings = { path: chosen, patterns: '*.ndjson', destination: null, convert: false, presetName: null, validate: false, gzip: true, quietSeconds: 1, after: 'sent', polling: false, alerts };
  const added = value(await invoke('feeds:add', feedSettings, null));
  await until('the feed to watch', () => standIn.log.length > 0 && win.webContents.sent.some((s) => s.channel === 'feeds:changed' && s.payload.feeds[0]?.state === 'watching'));
  const feedId = added.feeds[0].id;
  const paused = value(await invoke('feeds:set-paused', feedId, true));
  value(await invoke('feeds:update', feedId, { ...feedSettings, quietSeconds: 2 }, null));
  value(await invoke('feeds:dismiss', feedId, 'no-such-failure'));
  value(await invoke('feeds:list'));
  const tested = value(await invoke('feeds:test-alert', feedId));
  const removed = value(await invoke('feeds:remove', feedId));
  hook.close();
  result.feeds = { chosen: chosen === watched, canChoose: added.canChooseFolder, paused: paused.feeds[0]?.state, left: removed.feeds.length, testAlert: tested.map((c) => c.state), hooks: hooks.length };
  result.openedExternal = value(await invoke('shell:open-external', 'https://hub.lexer.io/'));
  result.opened = standIn.opened;
  // A conversion output is the app's own copy: releasing it deletes it.
  result.released = value(await invoke('files:release', converted.output));
  result.outputLeft = existsSync(converted.output);
  value(await invoke('token:clear'));
  result.jobEvents = win.webContents.sent.filter((s) => s.channel === 'jobs:progress').length;
  result.channelCount = standIn.ipcHandlers.size;
  app.quit();
}

async function secondInstance() {
  // Electron can deliver a second launch as soon as `ready` fired, before the services exist.
  app.emit('second-instance', {}, ['lexer-uploader'], process.cwd(), {});
  await tick();
  app.emit('second-instance', {}, ['lexer-uploader'], process.cwd(), {});
  await until('window', () => standIn.windows.length > 0 && standIn.windows[0].visible);
  await until('the second launch to be answered', () => standIn.log.some((l) => l.startsWith('BrowserWindow.focus')));
  await new Promise((r) => setTimeout(r, 100));
  app.quit();
}

try {
  // As a packaged app sees it: the program, then the launch's own arguments (STANDIN_ARGS).
  process.argv = [process.execPath, ...JSON.parse(process.env.STANDIN_ARGS ?? '[]')];
  if (process.env.STANDIN_PLATFORM) Object.defineProperty(process, 'platform', { value: process.env.STANDIN_PLATFORM });
  if (process.env.STANDIN_RESOURCES) process.resourcesPath = process.env.STANDIN_RESOURCES;
  await import(pathToFileURL(mainFile).href);
  standIn.log.push('main:loaded');
  await tick();
  const helpers = { app, standIn, result, work, invoke, value, until, tick, finished: () => finished };
  await desktopScenarios.beforeReady?.(scenario, helpers);
  app.emitReady();
  if (scenario === 'full') await full();
  else if (scenario === 'second-instance') await secondInstance();
  else if (desktopScenarios.scenarios[scenario]) await desktopScenarios.scenarios[scenario](helpers);
  else await until('the app to exit', () => finished, 30_000);
} catch (error) {
  result.problems.push(String(error?.stack ?? error));
  finish(-1);
}
