/**
 * Start-up benchmark: how long `lexer-upload` makes a user wait for commands that do almost no
 * work, against Node starting and doing nothing (`node -e 0`), measured in the same rounds.
 *
 *   node --import tsx bench/startup.ts [--runs 20] [--no-build] [--modules]
 *
 * Each round runs every command once, in a rotating order, so load from other work on the machine
 * falls on all of them alike; the figures are medians over rounds (after 2 rounds of warm-up).
 * Targets: `--help` <= 1.5x node's start, `preview` of a 4-line CSV <= 2x, `validate` of
 * a 2-line NDJSON <= 2.5x. `--modules` also lists the files each command loads (ours and packages).
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CLI, NODE, ROOT, build, expectExit, flags, machineLine, median, millis, timed, verdict, type Timed } from './bench-kit.js';

interface Case { name: string; args: string[]; target: number | null }

const WARM_UP = 2;

/**
 * Preloaded with --import: prints the package behind every module a command loads, through ES
 * imports (a resolve hook) and CommonJS requires (inside packages such as ajv) alike.
 */
const LIST_MODULES = String.raw`
import Module, { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(
  "export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('LOADED ' + r.url + '\\n'); return r; }"));
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try { process.stderr.write('LOADED ' + Module._resolveFilename(request, parent, isMain) + '\n'); } catch {}
  return load.apply(this, arguments);
};
`;

async function listModules(cases: readonly Case[], dir: string): Promise<void> {
  const hook = join(dir, 'list-modules.mjs');
  await writeFile(hook, LIST_MODULES);
  for (const c of cases.slice(1)) {
    const r = expectExit(c.name, await timed(NODE, ['--import', hook, ...c.args], { cwd: dir }));
    const files = new Set<string>();
    const packages = new Set<string>();
    for (const line of r.stderr.split('\n')) {
      const path = /^LOADED (?:file:\/\/)?(\/.*)$/.exec(line)?.[1];
      if (!path) continue;
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
      if (pkg) packages.add(pkg);
      files.add(path);
    }
    let bytes = 0;
    for (const f of files) bytes += await stat(f).then((s) => s.size, () => 0);
    const ours = [...files].filter((f) => !f.includes('node_modules')).map((f) => relative(join(ROOT, 'dist'), f));
    console.log(`  ${c.name}: ${files.size} files, ${(bytes / 1024).toFixed(0)} KB of JavaScript`);
    console.log(`    ours: ${ours.join(', ')}`);
    console.log(`    packages from node_modules: ${[...packages].sort().join(', ') || 'none'}`);
  }
}

async function main(): Promise<void> {
  const o = flags({ runs: '20' }, ['modules']);
  build(o.build);
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bench-startup-'));
  try {
    await writeFile(join(dir, 'tiny.csv'), 'email,first_name,last_name\njane@example.com,Jane,Doe\nbob@example.com,Bob,Smith\naroha@example.com,Aroha,Ngata\n');
    await writeFile(join(dir, 'tiny.ndjson'), '{"link":{"email":"jane@example.com"},"first_name":"Jane"}\n{"link":{"customer_id":"C-2"},"email":"bob@example.com"}\n');
    const cases: Case[] = [
      { name: 'node -e 0', args: ['-e', '0'], target: null },
      { name: 'lexer-upload --help', args: [CLI, '--help'], target: 1.5 },
      { name: 'lexer-upload preview tiny.csv (4 lines)', args: [CLI, 'preview', 'tiny.csv'], target: 2 },
      { name: 'lexer-upload validate tiny.ndjson (2 lines)', args: [CLI, 'validate', 'tiny.ndjson', '--record-type', 'customer_record'], target: 2.5 },
    ];
    const env = { LEXER_UPLOAD_CONFIG_DIR: join(dir, 'config'), LEXER_UPLOAD_VAULT: 'file' };
    const runs = Number(o.runs);
    const results: Timed[][] = cases.map(() => []);
    for (let round = 0; round < runs + WARM_UP; round += 1) {
      for (let k = 0; k < cases.length; k += 1) {
        const i = (round + k) % cases.length;
        const c = cases[i] as Case;
        const r = expectExit(c.name, await timed(NODE, c.args, { cwd: dir, env }));
        if (round >= WARM_UP) results[i]?.push(r);
      }
    }
    console.log(`start-up, ${runs} rounds (+${WARM_UP} warm-up), whole command wall time; ${machineLine()}`);
    // CPU time (user + system, 10 ms steps) is shown too: on a busy machine it moves less than wall time.
    const base = median(results[0]?.map((r) => r.wall) ?? []);
    const baseCpu = median(results[0]?.map((r) => r.cpu) ?? []);
    for (const [i, c] of cases.entries()) {
      const walls = results[i]?.map((r) => r.wall) ?? [];
      const cpu = median(results[i]?.map((r) => r.cpu) ?? []);
      const ratio = median(walls) / base;
      const cpuText = `CPU ${(cpu * 1000).toFixed(0).padStart(4)} ms${c.target === null ? '        ' : ` (${(cpu / baseCpu).toFixed(2)}x)`}`;
      const target = c.target === null ? '(the peer)' : `${ratio.toFixed(2)}x node's wall time, target <= ${c.target}x: ${verdict(ratio <= c.target)}`;
      console.log(`  ${c.name.padEnd(46)} ${millis(walls).padEnd(20)} ${cpuText}  ${target}`);
    }
    if (o.modules) {
      console.log('what each command loads:');
      await listModules(cases, dir);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
