/**
 * Orders benchmark: `lexer-upload convert --group-by` (a POS export of one row per order line
 * -> one purchase per receipt, its lines in `products`) as a user runs it, beside the same job
 * done with Miller and jq (`mlr --icsv --ojsonl cat | jq -s 'group_by(...)'`), in the same runs.
 * An order's lines are spread over the file (each order's first line in one pass, its second in
 * the next), so neither tool can group adjacent rows only.
 *
 *   node --import tsx bench/convert-orders.ts [--orders 300000] [--runs 3] [--big-orders 0] [--no-build]
 *
 * `--big-orders N` then converts a file of N orders once more, ours alone (jq would need the
 * whole file in memory), for the peak RSS on a file larger than memory would hold: the lines
 * are gathered on disk. Targets: faster than the peer; peak RSS < 200 MB whatever the size.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { CLI, NODE, build, expectExit, flags, machineLine, median, peakMb, seconds, timed, verdict, type Timed } from './bench-kit.js';

const HEADER = 'Receipt No,Date,Store,Email,SKU,Item,Qty,Price,Discount,Line Total\n';
/** Lines per order cycle through 1..4 (2.5 on average). */
const linesOf = (order: number): number => (order % 4) + 1;

/** Writes `orders` orders: pass k writes the k-th line of every order that has one. */
async function writeOrders(path: string, orders: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(HEADER);
  let lines = 0;
  for (let pass = 0; pass < 4; pass += 1) {
    let chunk = '';
    for (let o = 0; o < orders; o += 1) {
      if (linesOf(o) <= pass) continue;
      const day = String((o % 28) + 1).padStart(2, '0');
      const qty = (o + pass) % 3 + 1;
      const price = 10 + ((o * 7 + pass) % 90);
      chunk += `R-${o},${day}/03/2024 10:${String(o % 60).padStart(2, '0')},Store ${o % 40},c${o}@example.com,SKU-${pass}-${o % 500},Item ${pass},${qty},${price}.00,,${(qty * price).toFixed(2)}\n`;
      lines += 1;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.write(chunk);
  }
  out.end();
  await once(out, 'finish');
  return lines;
}

const MAPPING = ['--group-by', 'Receipt No', '--date-order', 'dmy', '--map', 'Store=store.name', '--map', 'Item=', '--set', 'type=physical', '--set', 'store.type=physical'];

/** The peer: Miller reads the CSV into JSON lines, jq slurps them and groups by the receipt. */
const JQ_GROUP = [
  'group_by(.["Receipt No"]) | .[] | {purchase_id: .[0]["Receipt No"], action_at: .[0].Date, type: "physical",',
  'store: {name: .[0].Store, type: "physical"}, link: {email: .[0].Email},',
  'products: map({product_reference: {id: .SKU, id_type: "sku"}, quantity: (.Qty | tonumber), full_price: (.Price | tonumber), price_paid: (.["Line Total"] | tonumber)})}',
].join(' ');

interface Counts { rows: number; orders: { written: number; refused: number } }

function ours(csv: string, out: string, dir: string): Promise<Timed> {
  return timed(NODE, [CLI, 'convert', csv, '--record-type', 'purchase', '-o', out, ...MAPPING, '--json'], { env: { LEXER_UPLOAD_CONFIG_DIR: join(dir, 'config') } });
}

function check(r: Timed, lines: number, orders: number): void {
  const c = JSON.parse(r.stdout) as Counts;
  if (c.rows !== lines || c.orders.written !== orders || c.orders.refused !== 0) throw new Error(`expected ${orders} orders of ${lines} lines, got ${r.stdout.slice(0, 300)}`);
}

async function main(): Promise<void> {
  const o = flags({ orders: '300000', runs: '3', 'big-orders': '0' });
  build(o.build);
  const dir = await mkdtemp(join(tmpdir(), 'bench-orders-'));
  try {
    console.log(machineLine());
    const orders = Number(o.orders);
    const csv = join(dir, 'pos.csv');
    const lines = await writeOrders(csv, orders);
    const mb = (await stat(csv)).size / 1e6;
    console.log(`${orders.toLocaleString('en-US')} orders, ${lines.toLocaleString('en-US')} lines, ${mb.toFixed(0)} MB of CSV`);
    const out = join(dir, 'out.ndjson');
    const mine: Timed[] = [];
    const peer: Timed[] = [];
    const tools = [
      async () => {
        const r = expectExit('lexer-upload convert', await ours(csv, out, dir));
        check(r, lines, orders);
        mine.push(r);
      },
      async () => {
        const pipeline = `mlr --icsv --ojsonl cat '${csv}' | jq -s -c '${JQ_GROUP}' | wc -l`;
        const r = expectExit('mlr | jq', await timed('sh', ['-c', pipeline]));
        if (Number(r.stdout.trim()) !== orders) throw new Error(`mlr | jq wrote ${r.stdout.trim()} orders, not ${orders}`);
        peer.push(r);
      },
    ];
    for (let run = 0; run < Number(o.runs); run += 1) {
      for (let k = 0; k < tools.length; k += 1) await tools[(run + k) % tools.length]?.();
    }
    const ratio = median(peer.map((r) => r.wall)) / median(mine.map((r) => r.wall));
    const rate = (s: number): string => `${Math.round(lines / s).toLocaleString('en-US')} lines/s`;
    console.log(`  ours (convert --group-by, wall)   ${seconds(mine.map((r) => r.wall))}, ${rate(median(mine.map((r) => r.wall)))}, peak RSS ${peakMb(mine.map((r) => r.rssMb))}, CPU ${median(mine.map((r) => r.cpu)).toFixed(2)} s`);
    console.log(`  mlr | jq -s group_by (wall)       ${seconds(peer.map((r) => r.wall))}, ${rate(median(peer.map((r) => r.wall)))}, peak RSS ${peakMb(peer.map((r) => r.rssMb))} (the largest process), CPU ${median(peer.map((r) => r.cpu)).toFixed(2)} s`);
    console.log(`  speed vs mlr | jq: ${ratio.toFixed(2)}x, target > 1x: ${verdict(ratio > 1)}; peak RSS < 200 MB: ${verdict(Math.max(...mine.map((r) => r.rssMb)) < 200)}`);

    const big = Number(o['big-orders']);
    if (big > 0) {
      await rm(csv, { force: true });
      await rm(out, { force: true });
      const bigCsv = join(dir, 'big.csv');
      const bigLines = await writeOrders(bigCsv, big);
      const bigMb = (await stat(bigCsv)).size / 1e6;
      const r = expectExit('lexer-upload convert (big)', await ours(bigCsv, out, dir));
      check(r, bigLines, big);
      console.log(`${big.toLocaleString('en-US')} orders, ${bigLines.toLocaleString('en-US')} lines, ${bigMb.toFixed(0)} MB of CSV (${((await stat(out)).size / 1e6).toFixed(0)} MB of NDJSON)`);
      console.log(`  ours, once: ${r.wall.toFixed(2)} s, ${rate(r.wall).replace(/[\d,]+/, Math.round(bigLines / r.wall).toLocaleString('en-US'))}, peak RSS ${r.rssMb.toFixed(0)} MB, CPU ${r.cpu.toFixed(2)} s; peak RSS < 200 MB: ${verdict(r.rssMb < 200)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
