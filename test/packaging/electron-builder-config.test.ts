// Checks electron-builder.yml without building (the Electron binary is not on this machine):
// electron-builder's own loader and schema validator, then what the packaging must get right:
// the targets, the security fuses, what is packed, the icons, the Linux package advice.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';

// js-yaml (electron-builder's own YAML reader) ships no types; its `load` is all we need.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const root = resolve(import.meta.dirname, '../..');
// Parsed directly rather than through electron-builder's getConfig, which logs to stdout (the
// test runner's message channel).
const load = async (): Promise<Configuration> => yaml.load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Configuration;

const targetNames = (targets: unknown): string[] =>
  (Array.isArray(targets) ? targets : [targets]).map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));

describe('electron-builder.yml', () => {
  test('passes electron-builder’s own schema validation', async () => {
    await assert.doesNotReject(validateConfiguration(await load(), new DebugLogger(false)));
  });

  test('the validator does reject a broken configuration (so the check above can fail)', async () => {
    const broken = { ...(await load()), electronFuses: { runAsNod: false } } as unknown as Configuration;
    await assert.rejects(validateConfiguration(broken, new DebugLogger(false)));
  });

  test('names the app and builds every required target', async () => {
    const c = await load();
    assert.equal(c.appId, 'io.lexer.uploader');
    assert.equal(c.productName, 'Lexer Uploader');
    assert.deepEqual(targetNames(c.linux?.target).sort(), ['AppImage', 'deb']);
    assert.deepEqual(targetNames(c.mac?.target), ['dmg']);
    assert.deepEqual(targetNames(c.win?.target), ['nsis']);
    assert.ok(c.linux?.maintainer, 'deb packages need a maintainer');
    assert.equal(c.directories?.output, 'release');
  });

  test('flips the security fuses', async () => {
    const f = (await load()).electronFuses;
    assert.ok(f);
    assert.equal(f.runAsNode, false);
    assert.equal(f.enableEmbeddedAsarIntegrityValidation, true);
    assert.equal(f.onlyLoadAppFromAsar, true);
    assert.equal(f.enableNodeOptionsEnvironmentVariable, false);
    assert.equal(f.enableNodeCliInspectArguments, false);
  });

  test('packs the built app (dist) and package.json, and the entry is inside dist', async () => {
    const c = await load();
    const files = c.files as string[];
    assert.ok(files.some((f) => f.startsWith('dist/')), 'files must include dist');
    assert.ok(files.includes('package.json'));
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string };
    assert.match(pkg.main, /^dist\//, 'the entry must be inside the packed dist folder');
  });

  test('every icon it names exists and is a PNG of at least 512 px', async () => {
    const c = await load();
    for (const icon of [c.linux?.icon, c.mac?.icon, c.win?.icon]) {
      assert.equal(typeof icon, 'string');
      const path = resolve(root, icon as string);
      assert.ok(existsSync(path), `${icon} is missing`);
      const png = readFileSync(path);
      assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
      assert.ok(png.readUInt32BE(16) >= 512 && png.readUInt32BE(20) >= 512, `${icon} must be at least 512x512`);
    }
  });

  test('deb is the recommended Linux package, and the README says what an AppImage user must do', async () => {
    const c = await load();
    assert.equal(targetNames(c.linux?.target)[0], 'deb');
    assert.equal((c.deb as { appArmorProfile?: unknown } | undefined)?.appArmorProfile, undefined, 'electron-builder’s own AppArmor profile (userns) is kept');
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    assert.match(readme, /Linux packages: install the `\.deb`/);
    assert.match(readme, /electron\/electron#42510/);
    assert.match(readme, /--appimage-extract/);
    assert.match(readme, /apparmor_parser -r/);
  });
});
