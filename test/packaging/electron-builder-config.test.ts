// Checks electron-builder.yml without building (the Electron binary is not on this machine):
// electron-builder's own loader and schema validator, then what the packaging must get right:
// the targets, the security fuses, what is packed, the icons, the Linux package advice.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
    assert.deepEqual(targetNames(c.mac?.target), ['dmg', 'zip']);
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

  const pngSize = (path: string): number[] => {
    const png = readFileSync(resolve(root, path));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG', `${path} is a PNG`);
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  };

  test('macOS and Windows icons come from one 1024 px PNG (the icns needs 1024 for Retina); Linux from a folder of every size', async () => {
    const c = await load();
    assert.deepEqual(pngSize(c.mac?.icon as string), [1024, 1024]);
    assert.deepEqual(pngSize(c.win?.icon as string), [1024, 1024]);
    assert.equal(c.linux?.icon, 'assets/icons');
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) assert.deepEqual(pngSize(`assets/icons/${size}x${size}.png`), [size, size]);
  });

  test('Linux: the .desktop entry is named after package.json’s desktopName, which Electron uses as the window’s app id', async () => {
    const c = await load();
    assert.equal(c.linux?.syncDesktopName, true);
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { desktopName?: string; homepage?: string; author?: { email?: string }; repository?: unknown };
    assert.equal(pkg.desktopName, 'lexer-uploader.desktop');
    // electron-builder refuses a deb without them.
    assert.match(pkg.homepage ?? '', /^https:\/\//);
    assert.match(pkg.author?.email ?? '', /@/);
    assert.ok(pkg.repository);
  });

  test('macOS: one universal download (dmg, and the zip updates use), notarized from the environment, ad-hoc signature reset after the fuses', async () => {
    const c = await load();
    const targets = c.mac?.target as Array<{ target: string; arch: string }>;
    assert.deepEqual(targets.map((t) => `${t.target}:${t.arch}`), ['dmg:universal', 'zip:universal']);
    assert.equal((c.mac as { notarize?: unknown }).notarize, true);
    assert.equal(c.mac?.hardenedRuntime, true);
    assert.equal((c.electronFuses as { resetAdHocDarwinSignature?: boolean }).resetAdHocDarwinSignature, true);
  });

  test('updates: a generic update server over https; Windows signs with SHA-256 when a certificate is given', async () => {
    const c = await load();
    const publish = c.publish as { provider: string; url: string };
    assert.equal(publish.provider, 'generic');
    assert.match(publish.url, /^https:\/\//);
    assert.deepEqual((c.win as { signtoolOptions?: { signingHashAlgorithms?: string[] } }).signtoolOptions?.signingHashAlgorithms, ['sha256']);
  });

  test('"Open with" without becoming the default: Alternate on macOS, no electron-builder file associations on Windows (they set the default), the NSIS include lists the app only', async () => {
    const c = await load();
    assert.equal(c.fileAssociations, undefined, 'top-level associations would reach Windows, where electron-builder makes the app the default');
    assert.equal((c.win as { fileAssociations?: unknown }).fileAssociations, undefined);
    const mac = c.mac?.fileAssociations as Array<{ ext: string; rank: string }>;
    assert.deepEqual(mac.map((a) => a.ext), ['csv', 'ndjson', 'json', 'gz']);
    for (const a of mac) assert.equal(a.rank, 'Alternate', a.ext);
    const nsis = readFileSync(resolve(root, 'assets', 'installer.nsh'), 'utf8');
    for (const ext of ['csv', 'ndjson', 'json', 'gz']) assert.match(nsis, new RegExp(`lexerOpenWith "${ext}"`));
    assert.match(nsis, /OpenWithProgids/);
    // An extension key's own default value names its default app: never written (electron-builder's APP_ASSOCIATE does).
    const defaultApp = /WriteRegStr\s+SHELL_CONTEXT\s+"Software\\Classes\\\.[^"\\]+"\s+""/;
    assert.match('WriteRegStr SHELL_CONTEXT "Software\\Classes\\.${EXT}" "" "${FILECLASS}"', defaultApp, 'the check recognises the line that would claim the default');
    assert.doesNotMatch(nsis, defaultApp);
    assert.match(nsis, /!macro lexerNotOpenWith EXT\s+DeleteRegValue SHELL_CONTEXT "Software\\Classes\\\.\$\{EXT\}\\OpenWithProgids"/);
    assert.match(nsis, /!macro customUnInstall\s+!insertmacro lexerNotOpenWith "csv"/);
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
