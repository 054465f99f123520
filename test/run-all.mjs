// The single test entry (`npm test`): builds, runs the Node test files (unit and integration,
// against the real sandbox over loopback) and the Playwright end-to-end suite, then prints one
// closing line `N passed, N failed, N skipped` summed over both runners, as CI reads it.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'e2e' && name !== 'fixtures') out.push(...findTests(path));
    } else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out.sort();
}

// The end-to-end suite drives Debian's Chromium; install it when we can (root with apt-get, as
// on CI and a fresh machine of ours), else say exactly what is missing.
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM) && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('test: installing Debian\'s chromium for the end-to-end tests');
  run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
}
if (!existsSync(CHROMIUM)) {
  console.log(`test: ${CHROMIUM} is missing; install it (sudo apt-get install chromium) and run npm test again.`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (run('npm', ['run', '--silent', 'build']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'lexer-tests-'));
const only = process.argv.slice(2);
const files = only.length > 0 ? only : findTests('test');
const tap = join(work, 'node.tap');
// --test-force-exit: a test file whose tests have all ended exits even if a handle is still open
// (a mail server's connection, a timer a library keeps), so one leak cannot hold a CI run for its
// whole time limit; what a user would notice of a leak (a folder still watched, a process that
// does not exit) is asserted by the tests themselves. The runner then exits without waiting for
// a file reporter's writes, so the TAP goes to its stderr, a file written synchronously.
const tapFd = openSync(tap, 'w');
spawnSync(process.execPath, [
  '--import', 'tsx', '--test', '--test-concurrency=2', '--test-force-exit',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', '--test-reporter-destination=stderr',
  ...files,
], { stdio: ['inherit', 'inherit', tapFd], env: process.env });
closeSync(tapFd);
const tapText = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
const count = (key) => Number((tapText.match(new RegExp(`^# ${key} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
let passed = count('pass');
let failed = count('fail') + count('cancelled');
let skipped = count('skipped') + count('todo');
if (!tapText) failed += 1;

if (only.length === 0 && existsSync('playwright.config.ts')) {
  const json = join(work, 'playwright.json');
  run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: json });
  if (existsSync(json)) {
    const stats = JSON.parse(readFileSync(json, 'utf8')).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
    skipped += stats.skipped ?? 0;
  } else {
    failed += 1;
  }
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
