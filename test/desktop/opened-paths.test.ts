// The files a launch names: existing regular files only, switches and folders left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openedPaths } from '../../main/desktop/opened-paths.js';
import { autostartEntry, autostartFile } from '../../main/desktop/login-item.js';

test('existing files, absolute or relative to the launch’s folder, each once; the program, switches, folders and missing files are not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lexer-argv-'));
  writeFileSync(join(dir, 'a.csv'), 'x');
  mkdirSync(join(dir, 'folder'));
  const argv = [join(dir, 'a.csv'), '--no-sandbox', 'a.csv', join(dir, 'a.csv'), 'folder', 'gone.csv', '', '--flag=a.csv'];
  assert.deepEqual(openedPaths(argv, dir), [join(dir, 'a.csv')]);
});

test('Linux start at login: an autostart entry under XDG_CONFIG_HOME that starts the app hidden, its path quoted', () => {
  assert.equal(autostartFile({ XDG_CONFIG_HOME: '/cfg', HOME: '/home/me' }), '/cfg/autostart/lexer-uploader.desktop');
  assert.equal(autostartFile({ XDG_CONFIG_HOME: 'relative', HOME: '/home/me' }), '/home/me/.config/autostart/lexer-uploader.desktop');
  const entry = autostartEntry('/opt/Lexer Uploader/lexer-uploader');
  assert.match(entry, /^Exec="\/opt\/Lexer Uploader\/lexer-uploader" --hidden$/m);
  assert.match(entry, /^Type=Application$/m);
});
