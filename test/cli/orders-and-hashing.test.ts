// `lexer-upload convert --group-by --set --hash-emails` on a POS export, and `watch` with the
// same options sending to the sandbox: one purchase per order, e-mails only as hashes, in what
// is stored as much as in what is printed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { TestSandbox } from '../helpers/sandbox.js';
import { POS_SALES } from '../engine/pipeline/real-exports/order-fixtures.js';
import { runCli, useSandboxForCli, type TempConfig } from './cli-helpers.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const ORDER_OPTIONS = ['--group-by', 'Receipt No', '--map', 'Store=store.name', '--map', 'Item=', '--set', 'type=physical', '--set', 'store.type=physical'];

interface Entry { filename: string; status: string }

describe('lexer-upload convert and watch: orders and hashed e-mails', () => {
  let sb: TestSandbox;
  let config: TempConfig;
  let env: NodeJS.ProcessEnv;
  useSandboxForCli((s) => ({ sb, config, env } = s));
  const folder = async (name: string): Promise<string> => {
    const dir = join(sb.work, name);
    await mkdir(dir);
    return dir;
  };
  const storedRecords = async (filename: string): Promise<Array<Record<string, unknown>>> => {
    const [object] = (await sb.sandbox.storedFiles()).filter((f) => f.key.endsWith(`/${filename}`));
    assert.ok(object, `${filename} is stored`);
    return gunzipSync(await readFile(object.path)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  };
  const sentEntry = async (prefix: string): Promise<Entry> => {
    const entries = (JSON.parse(await readFile(join(config.dir, 'history.json'), 'utf8')) as { entries: Entry[] }).entries;
    const entry = entries.find((e) => e.status === 'Success' && e.filename.startsWith(prefix));
    assert.ok(entry, `a ${prefix} upload in History`);
    return entry;
  };

  test('convert: the counts in orders and lines, the hashes counted, the JSON output with both', async () => {
    const dir = await folder('convert');
    const input = join(dir, 'pos-sales.csv');
    const output = join(dir, 'pos-sales.ndjson');
    await writeFile(input, POS_SALES);
    const r = await runCli(['convert', input, '--record-type', 'purchase', '-o', output, ...ORDER_OPTIONS, '--hash-emails'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /pos-sales\.csv: 5 lines read, 3 orders written to .*pos-sales\.ndjson, none refused\./);
    assert.match(r.stdout, /E-mail addresses sent only hashed \(--hash-emails\): 3 hashed; no address is in clear in /);
    const text = await readFile(output, 'utf8');
    assert.doesNotMatch(text, /@/);
    const first = JSON.parse(text.split('\n')[0] ?? '{}') as { link: unknown; products: unknown[] };
    assert.deepEqual(first.link, { email_sha256: sha256('ann@example.com') });
    assert.equal(first.products.length, 2);
    const json = await runCli(['convert', input, '--record-type', 'purchase', '-o', output, ...ORDER_OPTIONS, '--hash-emails', '--json'], { env });
    const parsed = JSON.parse(json.stdout) as { rows: number; written: number; orders: unknown; emails: unknown };
    assert.deepEqual([parsed.rows, parsed.written, parsed.orders, parsed.emails], [5, 3, { written: 3, refused: 0 }, { hashed: 3, leftOut: 0 }]);
  });

  test('convert: a refused order is counted in orders and lines, and its problem names it; usage errors say what to do', async () => {
    const dir = await folder('convert-refused');
    const input = join(dir, 'pos-sales.csv');
    await writeFile(input, POS_SALES.replace('R-1003,14/03/2024 11:40,Carlton,cat@example.com,CAP-01', 'R-1003,14/03/2024 11:40,Fitzroy,cat@example.com,CAP-01'));
    const out = join(dir, 'pos-sales-20240314-v1.ndjson');
    const r = await runCli(['convert', input, '--record-type', 'purchase', '-o', out, ...ORDER_OPTIONS], { env });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /5 lines read, 2 orders written to .*, 1 order refused \(2 lines\)\./);
    // Sending what it wrote speaks of orders, and of the lines they came from, not of rows.
    const checked = await runCli(['upload', out, '--dataset-id', 'ds1', '--record-type', 'purchase', '--validate'], { env });
    assert.equal(checked.code, 1);
    assert.match(checked.stdout + checked.stderr, /1 of 3 orders \(from 5 lines\) of pos-sales\.csv were left out when it was converted/);
    const sent = await runCli(['upload', out, '--dataset-id', 'ds1', '--record-type', 'purchase'], { env });
    assert.equal(sent.code, 0, sent.stderr);
    assert.match(sent.stdout, /Sent 2 records; 1 left out \(of 3 orders from 5 lines in pos-sales\.csv\)\./);
    const sentJson = JSON.parse((await runCli(['upload', out, '--dataset-id', 'ds1', '--record-type', 'purchase', '--allow-duplicate', '--json'], { env })).stdout) as { records: unknown };
    assert.deepEqual(sentJson.records, { sent: 2, leftOut: 1, total: 3, lines: 5, source: input, fieldsLeftOut: 0, leftOutFields: [] });
    assert.match(r.stdout, /line 6: order "R-1003" \(lines 4 and 6\): store\.name: "Carlton" on line 4, "Fitzroy" on line 6/);
    const badSet = await runCli(['convert', input, '--record-type', 'purchase', '--set', 'type'], { env });
    assert.equal(badSet.code, 2);
    assert.match(badSet.stderr, /--set "type" is not FIELD=VALUE/);
    const json = join(dir, 'orders.json');
    await writeFile(json, '[]');
    const onJson = await runCli(['convert', json, '--record-type', 'purchase', '--group-by', 'Receipt No'], { env });
    assert.equal(onJson.code, 2);
    assert.match(onJson.stderr, /--group-by groups the rows of a CSV file into orders/);
  });

  test('watch: a POS export becomes one purchase per order with hashed e-mails, in what the sandbox stores', async () => {
    const dir = await folder('watch-orders');
    await writeFile(join(dir, 'pos-sales.csv'), POS_SALES);
    const r = await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2', '--dataset-id', 'ds-orders', '--record-type', 'purchase', '--convert', ...ORDER_OPTIONS, '--hash-emails'], { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const records = await storedRecords((await sentEntry('ds-orders_')).filename);
    assert.deepEqual(records.map((x) => [x.purchase_id, (x.products as unknown[]).length]), [['R-1001', 2], ['R-1002', 1], ['R-1003', 2]]);
    assert.doesNotMatch(JSON.stringify(records), /@/);
  });

  test('watch --hash-emails: an NDJSON file is hashed before it is sent; without a record type it is a usage error', async () => {
    const dir = await folder('watch-ndjson');
    await writeFile(join(dir, 'profiles.ndjson'), '{"link":{"email":"Ann@Example.com"},"first_name":"Ann"}\n');
    const r = await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2', '--dataset-id', 'ds-hashed', '--record-type', 'customer_record', '--hash-emails'], { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(await storedRecords((await sentEntry('ds-hashed_')).filename), [{ link: { email_sha256: sha256('ann@example.com') }, first_name: 'Ann' }]);
    const usage = await runCli(['watch', dir, '--once', '--hash-emails'], { env });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--hash-emails needs --dataset-id and --record-type/);
  });
});
