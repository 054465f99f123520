// lexer-upload convert on exported data: --date-order, --leave-out-invalid-fields, the link value
// beside each problem, and the data-quality notes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, tempConfig } from './cli-helpers.js';

interface ConvertJson {
  rows: number; written: number; rejected: number; notes: string[];
  errors: { line: number; identifier?: string; message: string }[];
  leftOut: { records: number; fields: number; summary: { field: string; rule: string; count: number }[]; first: { line: number; identifier?: string; message: string }[] };
}

describe('lexer-upload convert: dates, invalid fields, identifiers, notes', () => {
  let work: string;
  let config: Awaited<ReturnType<typeof tempConfig>>;
  const convert = (args: string[]) => runCli(['convert', ...args], { env: config.env });
  const lines = async (path: string) => (await readFile(path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'lexer-cli-dates-'));
    config = await tempConfig();
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
    await config.cleanup();
  });

  test('dates that could be either order: refused (exit 2, date-order-unknown) with the hint, nothing written; --date-order reads them', async () => {
    const input = join(work, 'us.csv');
    const output = join(work, 'us.ndjson');
    await writeFile(input, 'email,date_of_birth,Signed Up\na@example.com,03/04/1985,2020-01-01\nb@example.com,12/01/1990,2020-01-02\n');
    const refused = await convert([input, '--record-type', 'customer_record', '-o', output]);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /Cannot tell the order of day and month in column "date_of_birth": its first 2 dates, like "03\/04\/1985" on line 2/);
    assert.match(refused.stderr, /--date-order dmy \(day first, as Australia and the UK write dates\) or --date-order mdy/);
    assert.equal(existsSync(output), false);
    const json = await convert([input, '--record-type', 'customer_record', '-o', output, '--json']);
    assert.equal((JSON.parse(json.stdout) as { error: { code: string } }).error.code, 'date-order-unknown');

    const told = await convert([input, '--record-type', 'customer_record', '-o', output, '--date-order', 'mdy']);
    assert.equal(told.code, 0, told.stderr);
    assert.deepEqual((await lines(output)).map((r) => r.date_of_birth), ['1985-03-04', '1990-12-01']);
    assert.match(told.stdout, /note: date_of_birth: dates read as month\/day\/year \(as asked\) and written as ISO dates, "03\/04\/1985" as 1985-03-04/);
  });

  test('detected when the file decides; --date-order with a value outside dmy|mdy|ymd is a usage error', async () => {
    const input = join(work, 'au.csv');
    const output = join(work, 'au.ndjson');
    await writeFile(input, 'email,date_of_birth\na@example.com,03/04/1985\nb@example.com,25/12/1990\n');
    const r = await convert([input, '--record-type', 'customer_record', '-o', output]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((await lines(output)).map((x) => x.date_of_birth), ['1985-04-03', '1990-12-25']);
    const bad = await convert([input, '--record-type', 'customer_record', '-o', output, '--date-order', 'dd/mm']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Allowed choices are dmy, mdy, ymd/);
  });

  test('--date-order on a JSON file is a usage error rather than silently unused', async () => {
    const input = join(work, 'people.json');
    await writeFile(input, '[{"link":{"email":"a@example.com"},"date_of_birth":"25/03/1985"}]');
    const r = await convert([input, '--record-type', 'customer_record', '--date-order', 'dmy']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--date-order reads the date columns of a CSV file; the dates of a JSON or NDJSON file are used as they are/);
    assert.equal(existsSync(join(work, 'people.ndjson')), false);
  });

  test('--leave-out-invalid-fields keeps records without their invalid optional fields and reports each; identifiers in --json', async () => {
    const input = join(work, 'crm.csv');
    const output = join(work, 'crm.ndjson');
    await writeFile(input, 'Email,email_attr,date_of_birth\na@example.com,not-an-email,1985-02-30\nbad-link,b@example.com,1985-01-01\n');
    const args = [input, '--record-type', 'customer_record', '-o', output, '--map', 'email_attr=email', '--json'];
    const without = JSON.parse((await convert(args)).stdout) as ConvertJson;
    assert.deepEqual([without.written, without.rejected, without.leftOut.records], [0, 2, 0]);
    assert.deepEqual(without.errors.map((e) => [e.line, e.identifier]), [[2, 'a@example.com'], [2, 'a@example.com'], [3, 'bad-link']]);

    const r = await convert([...args, '--leave-out-invalid-fields']);
    assert.equal(r.code, 1, 'a rejected row still exits 1');
    const out = JSON.parse(r.stdout) as ConvertJson;
    assert.deepEqual([out.written, out.rejected, out.leftOut.records, out.leftOut.fields], [1, 1, 1, 2]);
    assert.deepEqual(out.leftOut.summary.map((g) => g.field).sort(), ['date_of_birth', 'email']);
    assert.deepEqual(out.leftOut.first.map((e) => [e.line, e.identifier]), [[2, 'a@example.com'], [2, 'a@example.com']]);
    assert.deepEqual(await lines(output), [{ link: { email: 'a@example.com' } }]);

    const human = await convert([input, '--record-type', 'customer_record', '-o', output, '--map', 'email_attr=email', '--leave-out-invalid-fields']);
    assert.match(human.stdout, /Kept 1 record without 2 invalid optional fields \(--leave-out-invalid-fields\), by field and rule:/);
    assert.match(human.stdout, /line 2: email: "not-an-email" is not an email address — a@example\.com/);
    assert.match(human.stdout, /line 3: link\.email: "bad-link" is not an email address — bad-link/);
  });

  test('data-quality notes: a phone\'s apostrophe, yes/no, a tag list', async () => {
    const input = join(work, 'shop.csv');
    const output = join(work, 'shop.ndjson');
    await writeFile(input, "Email,Phone,Employee,Tags\na@example.com,'+61427874421,Yes,\"VIP, Newly Acquired\"\n");
    const r = await convert([input, '--record-type', 'customer_record', '-o', output]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(await lines(output), [{ link: { email: 'a@example.com' }, mobile: '+61427874421', employee_flag: true, custom_fields: { tags: ['VIP', 'Newly Acquired'] } }]);
    assert.match(r.stdout, /note: mobile \(column "Phone"\): "'\+61427874421" began with an apostrophe/);
    assert.match(r.stdout, /note: employee_flag \(column "Employee"\): yes\/no words were written as Lexer's true\/false, "Yes" as true/);
    assert.match(r.stdout, /note: custom_fields\.tags \(column "Tags"\): "VIP, Newly Acquired" was written as a list/);
  });
});
