// The window's security settings and guards, with `electron` replaced by a fake.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createWindow } from '../../main/desktop/window.js';
import { FakeBrowserWindow, FakeWindowCtor } from './fake-electron.js';

function makeWindow(o: { devTools?: boolean; loadError?: Error & { code?: string } } = {}) {
  const opened: string[] = [];
  const loadFailures: Error[] = [];
  FakeBrowserWindow.nextLoadError = o.loadError ?? null;
  createWindow({
    BrowserWindow: FakeWindowCtor,
    shell: { openExternal: async (url: string) => void opened.push(url) },
    preloadPath: '/app/dist/preload/preload.cjs',
    devTools: o.devTools ?? false,
    onLoadFailed: (e) => void loadFailures.push(e),
  });
  const win = FakeBrowserWindow.last;
  assert.ok(win);
  return { win, opened, loadFailures };
}

describe('main window', () => {
  test('is isolated and sandboxed, with no Node and no <webview>', () => {
    const { win } = makeWindow();
    const p = win.options.webPreferences ?? {};
    assert.equal(p.contextIsolation, true);
    assert.equal(p.sandbox, true);
    assert.equal(p.nodeIntegration, false);
    assert.equal(p.webviewTag, false);
    assert.equal(p.webSecurity, true);
    assert.equal(p.allowRunningInsecureContent, false);
    assert.equal(p.preload, '/app/dist/preload/preload.cjs');
  });

  test('loads the app’s own page, not a remote one', () => {
    const { win } = makeWindow();
    assert.equal(win.loaded, 'app://renderer/index.html');
  });

  test('denies every new window; allow-listed https links go to the system browser', () => {
    const { win, opened } = makeWindow();
    const handler = win.webContents.openHandler;
    assert.ok(handler);
    assert.deepEqual(handler({ url: 'https://hub.lexer.io/logs' }), { action: 'deny' });
    assert.deepEqual(handler({ url: 'https://evil.example.com' }), { action: 'deny' });
    assert.deepEqual(handler({ url: 'file:///etc/passwd' }), { action: 'deny' });
    assert.deepEqual(opened, ['https://hub.lexer.io/logs']);
  });

  test('blocks navigation away from the app', () => {
    const { win } = makeWindow();
    assert.equal(win.webContents.navigate('will-navigate', 'https://evil.example.com/'), true);
    assert.equal(win.webContents.navigate('will-navigate', 'file:///etc/passwd'), true);
    assert.equal(win.webContents.navigate('will-navigate', 'evil://renderer/'), true);
    assert.equal(win.webContents.navigate('will-redirect', 'https://hub.lexer.io/'), true);
    assert.equal(win.webContents.navigate('will-navigate', 'app://renderer/index.html'), false, 'a reload stays allowed');
  });

  test('denies every permission, in both handlers, but clipboard writes from the app’s own page', () => {
    const { win } = makeWindow();
    const s = win.webContents.session;
    const request = (permission: string, requestingUrl: string, isMainFrame = true): boolean | null => {
      let granted: boolean | null = null;
      s.permissionRequest?.(win.webContents, permission, (g) => (granted = g), { requestingUrl, isMainFrame });
      return granted;
    };
    const check = (permission: string, origin: string): boolean | undefined => s.permissionCheck?.(win.webContents, permission, origin, { isMainFrame: true });
    // History's Copy (navigator.clipboard.writeText) asks for exactly this one.
    assert.equal(request('clipboard-sanitized-write', 'app://renderer/index.html'), true);
    assert.equal(check('clipboard-sanitized-write', 'app://renderer'), true);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      assert.equal(request(permission, 'app://renderer/index.html'), false, permission);
      assert.equal(check(permission, 'app://renderer'), false, permission);
    }
    for (const url of ['https://evil.example.com/', 'file:///etc/passwd', 'app://other/index.html']) {
      assert.equal(request('clipboard-sanitized-write', url), false, url);
      assert.equal(check('clipboard-sanitized-write', new URL(url).origin), false, url);
    }
    assert.equal(request('clipboard-sanitized-write', 'app://renderer/index.html', false), false, 'not from a subframe');
  });

  test('developer tools only in development', () => {
    assert.equal(makeWindow({ devTools: false }).win.options.webPreferences?.devTools, false);
    assert.equal(makeWindow({ devTools: true }).win.options.webPreferences?.devTools, true);
  });

  test('a page that cannot load is reported, an aborted load (a reload) is not', async () => {
    const failed = makeWindow({ loadError: Object.assign(new Error('ERR_FILE_NOT_FOUND (-6) loading app://renderer/index.html'), { code: 'ERR_FILE_NOT_FOUND' }) });
    const aborted = makeWindow({ loadError: Object.assign(new Error('ERR_ABORTED (-3)'), { code: 'ERR_ABORTED' }) });
    await new Promise((r) => setImmediate(r));
    assert.equal(failed.loadFailures.length, 1);
    assert.match(failed.loadFailures[0]!.message, /ERR_FILE_NOT_FOUND/);
    assert.equal(aborted.loadFailures.length, 0);
  });
});
