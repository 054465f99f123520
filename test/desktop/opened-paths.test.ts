// The files a launch names: existing regular files only, switches and folders left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openedPaths } from '../../main/desktop/opened-paths.js';
import type { App } from 'electron';
import { autostartEntry, autostartFile, loginItem } from '../../main/desktop/login-item.js';

test('existing files, absolute or relative to the launch’s folder, each once; the program, switches, folders and missing files are not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lexer-argv-'));
  writeFileSync(join(dir, 'a.csv'), 'x');
  mkdirSync(join(dir, 'folder'));
  const argv = [join(dir, 'a.csv'), '--no-sandbox', 'a.csv', join(dir, 'a.csv'), 'folder', 'gone.csv', '', '--flag=a.csv'];
  assert.deepEqual(openedPaths(argv, dir), [join(dir, 'a.csv')]);
});

test('a file manager’s file:// URLs (the desktop entry’s %U) are the files they name; other URLs are no files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lexer argv '));
  writeFileSync(join(dir, 'my export.csv'), 'x');
  const url = pathToFileURL(join(dir, 'my export.csv')).href;
  assert.match(url, /%20/);
  assert.deepEqual(openedPaths(['lexer-uploader', url, 'https://example.com/a.csv', 'file://elsewhere/share/a.csv'], '/'), [join(dir, 'my export.csv')]);
});

test('Linux start at login: an autostart entry under XDG_CONFIG_HOME that starts the app hidden, its path quoted', () => {
  assert.equal(autostartFile({ XDG_CONFIG_HOME: '/cfg', HOME: '/home/me' }), '/cfg/autostart/lexer-uploader.desktop');
  assert.equal(autostartFile({ XDG_CONFIG_HOME: 'relative', HOME: '/home/me' }), '/home/me/.config/autostart/lexer-uploader.desktop');
  const entry = autostartEntry('/opt/Lexer Uploader/lexer-uploader');
  assert.match(entry, /^Exec="\/opt\/Lexer Uploader\/lexer-uploader" --hidden$/m);
  assert.match(entry, /^Type=Application$/m);
});

test('Windows and macOS: the system keeps the login item; Windows reports it only when asked with the arguments it was set with', () => {
  // Electron on Windows: getLoginItemSettings({ args }) compares against the arguments of setLoginItemSettings.
  let stored: { openAtLogin: boolean; args: string[] } = { openAtLogin: false, args: [] };
  const app = {
    setLoginItemSettings: (s: { openAtLogin: boolean; args?: string[] }) => void (stored = { openAtLogin: s.openAtLogin, args: s.args ?? [] }),
    getLoginItemSettings: (o?: { args?: string[] }) => ({ openAtLogin: stored.openAtLogin && JSON.stringify(o?.args ?? []) === JSON.stringify(stored.args) }),
  } as unknown as Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>;
  const item = loginItem({ app, platform: 'win32', executable: 'C:\\Lexer Uploader\\Lexer Uploader.exe', env: {} });
  assert.equal(item.get(), false);
  item.set(true);
  assert.deepEqual(stored, { openAtLogin: true, args: ['--hidden'] });
  assert.equal(item.get(), true);
  item.set(false);
  assert.equal(item.get(), false);
});
