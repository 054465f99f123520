// Packages the app the way `npm run dist -- --linux deb` does (electron-builder,
// electron-builder.yml) around a stand-in Electron distribution and a stand-in fpm
// (stand-in/fpm.mjs: USE_SYSTEM_FPM=true finds it on PATH; it records what the deb would hold),
// under Node 24 (the Node that building installers needs), and checks the packaged tree: the
// fuses flipped in the executable, only what the app loads in app.asar, each worker one
// self-contained file unpacked from the archive, the packaged main process itself started through
// every IPC channel against the stand-in `electron`, its workers read from app.asar.unpacked;
// and the deb: its control fields, .desktop entry, icons, MIME types, AppArmor profile and update
// files. Needs `npm run build` first (npm test does it).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { INVOKE_CHANNELS } from '../../main/contract/channels.js';
import { node24OrSkip } from '../desktop/node24.js';
import { drive } from '../desktop/stand-in/drive.js';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses looks for the wire after it
const ENABLE = 0x31;
const DISABLE = 0x30;

/**
 * A stand-in Electron distribution (Linux layout): an `electron` executable holding a fuse wire
 * as Electron 40 ships it (RunAsNode, NodeOptions, inspect and file-protocol privileges on), so
 * electron-builder's fuse flipping has something real to flip.
 */
function standInElectronDist(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'version'), '40.10.2');
  const wire = Buffer.from('10110001'); // fuses 0..7, '1' on, '0' off
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/false\nstand-in electron\n'), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
}

/** The top-level packages under node_modules/ in an asar listing (`@scope/name` or `name`). */
function topPackages(files: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    const parts = f.split(/[\\/]/).filter(Boolean);
    if (parts[0] !== 'node_modules' || parts.length < 2) continue;
    out.add(parts[1]!.startsWith('@') && parts[2] ? `${parts[1]}/${parts[2]}` : parts[1]!);
  }
  return out;
}

/** What the stand-in fpm recorded: its arguments, and where it kept a copy of each file it was given (by its path in the package). */
interface FpmRecord {
  args: string[];
  files: Record<string, string | { folder: string }>;
}

describe('the packaged app (electron-builder --linux deb, stand-in Electron and fpm)', { skip: process.platform !== 'linux' && 'the stand-in Electron distribution has the Linux layout' }, () => {
  let node: string | null = null;
  let skip: string | null = null;
  let work = '';
  let appDir = '';
  let asarPath = '';
  let files: string[] = [];
  let fpm: FpmRecord = { args: [], files: {} };

  before(async () => {
    const r = await node24OrSkip();
    node = r.node;
    skip = r.skip;
    if (!node) return;
    assert.ok(existsSync(join(ROOT, 'dist/main/desktop/app.js')), 'run `npm run build` first');
    work = await mkdtemp(join(tmpdir(), 'lexer-packaged-'));
    standInElectronDist(join(work, 'electron-dist'));
    mkdirSync(join(work, 'bin'));
    mkdirSync(join(work, 'fpm-record'));
    symlinkSync(join(import.meta.dirname, 'stand-in', 'fpm.mjs'), join(work, 'bin', 'fpm'));
    await run(node, [join(ROOT, 'node_modules/electron-builder/cli.js'), '--linux', 'deb', '--x64', '--config', 'electron-builder.yml',
      `-c.electronDist=${join(work, 'electron-dist')}`, `-c.directories.output=${join(work, 'out')}`], {
      cwd: ROOT, timeout: 300_000, maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CI: '', ELECTRON_BUILDER_OFFLINE: 'true', USE_SYSTEM_FPM: 'true', FPM_RECORD_DIR: join(work, 'fpm-record'), PATH: `${join(work, 'bin')}:${process.env.PATH}` },
    });
    fpm = JSON.parse(readFileSync(join(work, 'fpm-record', 'fpm.json'), 'utf8')) as FpmRecord;
    appDir = join(work, 'out', 'linux-unpacked');
    asarPath = join(appDir, 'resources', 'app.asar');
    files = listPackage(asarPath, { isPack: false }).map((f) => f.replace(/\\/g, '/'));
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('the executable’s fuses are flipped as electron-builder.yml says', async (t) => {
    if (!node) return t.skip(skip ?? '');
    const wire = await getCurrentFuseWire(join(appDir, 'lexer-uploader'));
    assert.equal(wire[FuseV1Options.RunAsNode], DISABLE);
    assert.equal(wire[FuseV1Options.EnableCookieEncryption], ENABLE);
    assert.equal(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable], DISABLE);
    assert.equal(wire[FuseV1Options.EnableNodeCliInspectArguments], DISABLE);
    assert.equal(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation], ENABLE);
    assert.equal(wire[FuseV1Options.OnlyLoadAppFromAsar], ENABLE);
    assert.equal(wire[FuseV1Options.GrantFileProtocolExtraPrivileges], DISABLE);
  });

  test('app.asar holds the built app and what it loads, nothing else', (t) => {
    if (!node) return t.skip(skip ?? '');
    for (const f of ['/package.json', '/dist/main/desktop/app.js', '/dist/preload/preload.cjs', '/dist/renderer/index.html', '/dist/renderer/app.js', '/dist/main/contract/channels.js']) {
      assert.ok(files.includes(f), `${f} is packed`);
    }
    const packages = topPackages(files);
    for (const needed of ['got', 'papaparse', 'ajv', 's3rver', '@aws-sdk/client-s3', 'write-file-atomic', 'electron-updater']) assert.ok(packages.has(needed), `${needed} is packed`);
    // Bundled into dist/renderer (React), or only used by the command line tool (keyring, commander, progress bars).
    for (const unwanted of ['react', 'react-dom', 'scheduler', '@napi-rs/keyring', 'commander', 'cli-progress', 'electron', 'typescript', 'esbuild', 'tsx', '@playwright/test']) {
      assert.ok(!packages.has(unwanted), `${unwanted} must not be packed`);
    }
    assert.ok(!files.some((f) => f.startsWith('/node_modules/@napi-rs/')), 'no native keyring binary of the build machine');
    assert.ok(!files.some((f) => f.endsWith('.map') && f.startsWith('/dist/')), 'no source maps');
    assert.ok(!files.some((f) => /^\/dist\/main\/(cli|host)\//.test(f)), 'no CLI or browser host');
    assert.ok(!files.some((f) => /^\/(main|renderer|test|bench|scripts)\//.test(f)), 'no sources');
  });

  test('each worker is one self-contained file, unpacked from the archive', async (t) => {
    if (!node) return t.skip(skip ?? '');
    for (const name of ['convert-worker', 'validate-worker', 'deflate-worker']) {
      const inArchive = `dist/workers/${name}.cjs`;
      assert.ok((statFile(asarPath, inArchive) as { unpacked?: boolean }).unpacked, `${inArchive} is marked unpacked`);
      const file = join(appDir, 'resources', 'app.asar.unpacked', inArchive);
      assert.ok(existsSync(file), `${file} exists`);
      // Alone in a folder with no node_modules anywhere above it, it still loads: nothing to resolve.
      const alone = join(work, 'alone', name);
      mkdirSync(alone, { recursive: true });
      cpSync(file, join(alone, `${name}.cjs`));
      const outcome = await new Promise<string>((done) => {
        const worker = new Worker(join(alone, `${name}.cjs`), { workerData: { recordType: 'customer_record' } });
        worker.once('error', (e) => done(`error: ${e.message}`));
        worker.once('exit', (code) => done(`exited ${code}`));
        worker.once('online', () => setTimeout(() => (done('loaded'), void worker.terminate()), 300));
      });
      assert.equal(outcome, 'loaded', name);
    }
  });

  test('the packaged main process starts, serves every channel and runs its workers from app.asar.unpacked', async (t) => {
    if (!node) return t.skip(skip ?? '');
    // The archive as a folder of the same name, with the unpacked files beside it, as Electron sees
    // them; the workers are removed from the folder so they can only come from app.asar.unpacked.
    const resources = join(work, 'run', 'resources');
    extractAll(asarPath, join(resources, 'app.asar'));
    cpSync(join(appDir, 'resources', 'app.asar.unpacked'), join(resources, 'app.asar.unpacked'), { recursive: true });
    rmSync(join(resources, 'app.asar', 'dist', 'workers'), { recursive: true, force: true });
    const cwd = join(work, 'run');
    const { result: r } = await drive(node!, 'full', cwd, {
      STANDIN_PACKAGED: '1', LEXER_UPLOAD_USER_DATA_DIR: join(cwd, 'profile'), STANDIN_MAIN: join(resources, 'app.asar', 'dist', 'main', 'desktop', 'app.js'),
    });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(Object.keys(r.channels).sort(), [...INVOKE_CHANNELS].sort());
    for (const [channel, reply] of Object.entries(r.channels)) assert.equal(reply.ok, true, `${channel}: ${reply.message ?? ''}`);
    const unpacked = join(resources, 'app.asar.unpacked', 'dist', 'workers');
    assert.ok(r.workers.some((w) => w.file === join(unpacked, 'convert-worker.cjs')), JSON.stringify(r.workers));
    assert.ok(r.workers.some((w) => w.file === join(unpacked, 'validate-worker.cjs')), JSON.stringify(r.workers));
    for (const w of r.workers) assert.deepEqual({ online: w.online, error: w.error }, { online: true, error: null }, w.file);
  });

  const option = (name: string): string[] => fpm.args.flatMap((a, i) => (a === name ? [fpm.args[i + 1]!] : []));
  const packaged = (path: string): string => {
    const at = fpm.files[path];
    assert.equal(typeof at, 'string', `the deb holds ${path}; it holds ${Object.keys(fpm.files).join(', ')}`);
    return readFileSync(at as string, 'utf8');
  };
  const desktopEntry = (text: string): Map<string, string> => new Map(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

  test('the deb’s control fields: name, version, architecture, maintainer with e-mail, homepage, dependencies', (t) => {
    if (!node) return t.skip(skip ?? '');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; homepage: string };
    assert.deepEqual([option('-t'), option('--name'), option('--version'), option('--architecture')], [['deb'], ['lexer-uploader'], [pkg.version], ['amd64']]);
    assert.match(option('--maintainer')[0] ?? '', /^.+ <[^@\s]+@[^@\s]+>$/);
    assert.deepEqual(option('--url'), [pkg.homepage]);
    assert.match(option('--description')[0] ?? '', /^Upload customer-data files to Lexer\n /);
    for (const lib of ['libgtk-3-0', 'libnss3', 'libsecret-1-0']) assert.ok(option('-d').includes(lib), `depends on ${lib}`);
    const app = fpm.files['/opt/Lexer Uploader'] as { folder: string } | undefined;
    assert.ok(app && existsSync(join(app.folder, 'lexer-uploader')), 'the app folder goes to /opt/Lexer Uploader');
    assert.ok(existsSync(join(work, 'out', `lexer-uploader_${pkg.version}_amd64.deb`)), 'electron-builder went on past fpm');
  });

  test('the .desktop entry is named after desktopName, opens files (%U) of the types the app takes, and ties the window to it', (t) => {
    if (!node) return t.skip(skip ?? '');
    const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { desktopName?: string };
    assert.equal(pkg.desktopName, 'lexer-uploader.desktop', 'Electron reads desktopName from the packed package.json for the window’s app_id');
    const entry = desktopEntry(packaged('/usr/share/applications/lexer-uploader.desktop'));
    assert.equal(entry.get('Name'), 'Lexer Uploader');
    assert.equal(entry.get('Exec'), '"/opt/Lexer Uploader/lexer-uploader" %U');
    assert.equal(entry.get('StartupWMClass'), 'lexer-uploader');
    assert.equal(entry.get('Icon'), 'lexer-uploader');
    assert.deepEqual(entry.get('MimeType')?.split(';').filter(Boolean).sort(), ['application/gzip', 'application/json', 'application/x-ndjson', 'text/csv']);
    // Only NDJSON's type is defined; the standard ones are named, not redefined for every file of them.
    const mime = packaged('/usr/share/mime/packages/lexer-uploader.xml');
    assert.match(mime, /<mime-type type="application\/x-ndjson">\s*<glob pattern="\*\.ndjson"\/>/);
    assert.doesNotMatch(mime, /type="(text\/csv|application\/json|application\/gzip)"/);
  });

  test('the deb installs the icon in every size a desktop looks for, each PNG of its size', (t) => {
    if (!node) return t.skip(skip ?? '');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(fpm.files[`/usr/share/icons/hicolor/${size}x${size}/apps/lexer-uploader.png`] as string);
      assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], `${size}x${size}`);
    }
  });

  test('the AppArmor profile (userns for the installed executable) is installed by the deb’s script', (t) => {
    if (!node) return t.skip(skip ?? '');
    const profile = readFileSync(join(appDir, 'resources', 'apparmor-profile'), 'utf8');
    assert.match(profile, /^profile "lexer-uploader" "\/opt\/Lexer Uploader\/lexer-uploader" flags=\(unconfined\) \{\n\s+userns,/m);
    const script = packaged('scripts/after-install');
    assert.match(script, /APPARMOR_PROFILE_SOURCE='\/opt\/Lexer Uploader\/resources\/apparmor-profile'/);
    assert.match(script, /APPARMOR_PROFILE_TARGET='\/etc\/apparmor\.d\/lexer-uploader'/);
    assert.match(script, /update-desktop-database/);
  });

  test('the deb marks itself as a system package (updates come through the package manager) and names the update server', (t) => {
    if (!node) return t.skip(skip ?? '');
    assert.equal(readFileSync(join(appDir, 'resources', 'package-type'), 'utf8').trim(), 'deb');
    assert.match(readFileSync(join(appDir, 'resources', 'app-update.yml'), 'utf8'), /^provider: generic\nurl: https:\/\//);
    assert.ok(files.includes('/dist/assets/tray/tray.png') && files.includes('/dist/assets/tray/tray@2x.png'), 'the tray icon is packed');
  });
});
