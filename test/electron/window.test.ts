// The window's security settings and guards, with `electron` replaced by a fake.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createWindow } from '../../main/electron/window.js';
import { FakeBrowserWindow, FakeWindowCtor } from './fake-electron.js';

function makeWindow() {
  const opened: string[] = [];
  createWindow({ BrowserWindow: FakeWindowCtor, shell: { openExternal: async (url: string) => void opened.push(url) }, preloadPath: '/app/dist/preload/preload.cjs' });
  const win = FakeBrowserWindow.last;
  assert.ok(win);
  return { win, opened };
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

  test('denies every permission request', () => {
    const { win } = makeWindow();
    const s = win.webContents.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | null = null;
      s.permissionRequest?.(win.webContents, permission, (g) => (granted = g));
      assert.equal(granted, false, permission);
    }
    assert.equal(s.permissionCheck?.(), false);
  });
});
