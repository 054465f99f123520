/**
 * Wide CSVs: `lexer-upload convert` of a file of 20 rows and 10,000, 16,384 (Excel's limit and
 * the cap) and 40,000 columns, as a whole command, to show the time grows with the columns in a
 * straight line and that a file over the cap is refused at once. `--peer-cli` times another build
 * (e.g. main's, before a change) on the same files in the same runs, the two taking turns.
 *
 *   node --import tsx bench/convert-wide.ts [--columns 10000,16384,40000] [--runs 3] [--peer-cli OTHER/dist/main/cli/bin.js] [--no-build]
 *
 * A refusal (exit 1, over the cap) is timed like a conversion: it is what the person waits for.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI, NODE, build, expectExit, flags, machineLine, peakMb, seconds, timed, type Timed } from './bench-kit.js';

/** An email column, then numbered columns of small numbers, and 20 rows. */
function wideCsv(columns: number): string {
  const header = ['email', ...Array.from({ length: columns - 1 }, (_, i) => `col${i + 1}`)];
  const rows = Array.from({ length: 20 }, (_, r) => [`user${r}@example.com`, ...Array.from({ length: columns - 1 }, (_, i) => String((i + 1) % 97))].join(','));
  return `${header.join(',')}\n${rows.join('\n')}\n`;
}

async function main(): Promise<void> {
  const o = flags({ columns: '10000,16384,40000', runs: '3', 'peer-cli': '' });
  build(o.build);
  const clis: Array<[string, string]> = [['ours', CLI], ...(o['peer-cli'] ? [['peer', resolve(o['peer-cli'])] as [string, string]] : [])];
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bench-wide-'));
  try {
    console.log(`convert of 20 rows by columns, whole command wall time, medians (range) of ${o.runs} runs; ${machineLine()}`);
    for (const columns of o.columns.split(',').map(Number)) {
      const csv = join(dir, `w${columns}.csv`);
      await writeFile(csv, wideCsv(columns));
      const times = new Map<string, Timed[]>(clis.map(([name]) => [name, []]));
      for (let run = 0; run < Number(o.runs); run += 1) {
        for (let k = 0; k < clis.length; k += 1) {
          const [name, cli] = clis[(run + k) % clis.length] as [string, string];
          const r = expectExit(`${name} convert`, await timed(NODE, [cli, 'convert', csv, '--record-type', 'customer_record', '-o', join(dir, 'out.ndjson')], { env: { LEXER_UPLOAD_CONFIG_DIR: join(dir, 'config') } }), [0, 1]);
          times.get(name)?.push(r);
        }
      }
      for (const [name, runs] of times) {
        const refused = runs.some((r) => r.code === 1) ? ' (refused)' : '';
        console.log(`  ${String(columns).padStart(6)} columns, ${name}: ${seconds(runs.map((r) => r.wall))}${refused}, peak RSS ${peakMb(runs.map((r) => r.rssMb))}`);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
