import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { convertToNdjson, type ConversionProgress, type ConvertOptions } from '../../../main/engine/pipeline/convert-to-ndjson.js';
import type { LineError } from '../../../main/engine/pipeline/validate-ndjson.js';
import { LexerError } from '../../../main/engine/errors.js';

const SHARED = new URL('../../../../shared/lexer-schemas/examples/', import.meta.url);
let dir = '';
let n = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lexer-convert-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function input(content: string | Uint8Array, ext = 'csv'): Promise<string> {
  const path = join(dir, `in${n++}.${ext}`);
  await writeFile(path, content);
  return path;
}

async function convert(content: string | Uint8Array, o: Partial<ConvertOptions> = {}, ext = 'csv') {
  const path = await input(content, ext);
  const result = await convertToNdjson(path, { recordType: 'customer_record', ...o });
  const text = existsSync(result.output) ? (o.gzip ? gunzipSync(await readFile(result.output)).toString('utf8') : await readFile(result.output, 'utf8')) : '';
  const records = text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { result, records, text };
}

/** The vendor's converter writes every absent field as null; the project leaves them out. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)] as const);
  return Object.fromEntries(entries.filter(([, v]) => !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)));
}

describe('convertToNdjson: records', () => {
  test("the vendor's example.csv gives its example.csv.ndjson, minus the nulls", async () => {
    const csv = await readFile(new URL('example.csv', SHARED));
    const expected = (await readFile(new URL('example.csv.ndjson', SHARED), 'utf8')).split('\n').filter((l) => l.trim() !== '').map((l) => withoutNulls(JSON.parse(l)));
    const { result, records } = await convert(csv);
    assert.equal(result.rows, expected.length);
    assert.equal(result.written, expected.length);
    assert.deepEqual(records, expected);
  });

  test('link columns apart from each other land in one link; empty cells are left out', async () => {
    const { records } = await convert('link.customer_id,first_name,last_name,link.system_name\nC1,Jane,,pos\nC2,,Doe,pos\n');
    assert.deepEqual(records, [
      { link: { customer_id: 'C1', system_name: 'pos' }, first_name: 'Jane' },
      { link: { customer_id: 'C2', system_name: 'pos' }, last_name: 'Doe' },
    ]);
  });

  test('values are typed by the record type: numbers, integers, booleans, dates, arrays, enums', async () => {
    const csv =
      'product_id,price,inventory.quantity,inventory.backorder_allowed,inventory.updated_at,images,product_reference_type,size\n' +
      'P1,89.95,12,yes,2024-01-02 10:00:00,https://x.co/a.jpg|https://x.co/b.jpg,Product_ID,10\n' +
      'P2,5,0,0,1704153600,"[""https://x.co/x.jpg""]",product_id,\n';
    const { result, records } = await convert(csv, { recordType: 'product' });
    assert.equal(result.rejected, 0, JSON.stringify(result.errors));
    assert.deepEqual(records[0], {
      product_id: 'P1',
      price: 89.95,
      inventory: { quantity: 12, backorder_allowed: true, updated_at: '2024-01-02T10:00:00' },
      images: ['https://x.co/a.jpg', 'https://x.co/b.jpg'],
      product_reference_type: 'product_id',
      size: '10',
    });
    assert.deepEqual(records[1], { product_id: 'P2', price: 5, inventory: { quantity: 0, backorder_allowed: false, updated_at: 1704153600 }, images: ['https://x.co/x.jpg'], product_reference_type: 'product_id' });
  });

  test('e-mails with spaces or tabs around them are written stripped', async () => {
    // Quoted, so the CSV reader keeps the spaces and tabs; Lexer's validator strips them before
    // it checks the address, and the record must carry the address as it will be stored.
    const { result, records } = await convert('link.email,email,first_name\n" jane@example.com\t","\tjane.doe@example.com  ",Jane\n');
    assert.equal(result.rejected, 0);
    assert.deepEqual(records, [{ link: { email: 'jane@example.com' }, email: 'jane.doe@example.com', first_name: 'Jane' }]);
  });

  test('custom fields stay strings unless types are inferred (leading zeros always stay text)', async () => {
    const csv = 'link.email,custom_fields.points,custom_fields.vip,custom_fields.code\na@b.co,42,true,0042\n';
    const plain = await convert(csv);
    assert.deepEqual(plain.records[0]?.custom_fields, { points: '42', vip: 'true', code: '0042' });
    const inferred = await convert(csv, { mapping: { inferCustomTypes: true } });
    assert.deepEqual(inferred.records[0]?.custom_fields, { points: 42, vip: true, code: '0042' });
  });

  test('without a mapping, suggestions from the headers apply; unknown columns go to custom_fields in snake_case', async () => {
    const { records } = await convert('Email,First Name,Loyalty Points,Favourite Café\njane@x.com,Jane,10,Tom\'s\n');
    assert.deepEqual(records, [{ link: { email: 'jane@x.com' }, first_name: 'Jane', custom_fields: { loyalty_points: '10', favourite_cafe: "Tom's" } }]);
  });

  test('an explicit mapping renames, drops (null) and can drop unknown columns', async () => {
    const csv = 'Customer ID,Notes,Tier,Email\nC9,secret,gold,x@y.co\n';
    const { records } = await convert(csv, { mapping: { columns: { 'Customer ID': 'link.customer_id', Notes: null }, unknownColumns: 'drop' } });
    assert.deepEqual(records, [{ link: { customer_id: 'C9' } }]);
  });

  test('a mapping to a field the record type does not have is a usage error', async () => {
    const path = await input('Email\na@b.co\n');
    await assert.rejects(
      convertToNdjson(path, { recordType: 'customer_record', mapping: { columns: { Email: 'link.emial' } } }),
      (e: unknown) => e instanceof LexerError && e.code === 'usage' && /"link\.emial", which is not a field of customer_record/.test(e.message),
    );
  });

  test('a Windows-1252 file whose first accented letter comes after the preview\'s head reads as Windows-1252, and says so', async () => {
    // Over 256 KiB of ASCII rows (the head the preview reads), then 'René' in Windows-1252.
    const ascii = Array.from({ length: 12_000 }, (_, i) => `user${i}@example.com,Annabelle`).join('\n');
    const { result, records } = await convert(Buffer.concat([Buffer.from(`link.email,first_name\n${ascii}\n`), iconv.encode('r@x.co,René\n', 'windows-1252')]));
    assert.equal(result.written, 12_001);
    assert.deepEqual(records.at(-1), { link: { email: 'r@x.co' }, first_name: 'René' });
    assert.equal(result.encoding, 'Windows-1252');
    assert.deepEqual(result.fallbackLines, { count: 1, lines: [12_002], encoding: 'Windows-1252' });
  });

  test('a UTF-8 file with a few Windows-1252 lines: every line decoded on its own, no mojibake, the fallback lines named', async () => {
    const bytes = Buffer.concat([
      Buffer.from('link.email,first_name\nz@x.co,Zoë\n', 'utf8'), iconv.encode('r@x.co,René\n', 'windows-1252'), Buffer.from('c@x.co,Chloé\n', 'utf8'),
    ]);
    for (const workers of [0, 1]) {
      const { result, records } = await convert(bytes, { workers });
      assert.deepEqual(records.map((r) => r.first_name), ['Zoë', 'René', 'Chloé']);
      assert.equal(result.encoding, 'UTF-8 and Windows-1252');
      assert.deepEqual(result.fallbackLines, { count: 1, lines: [3], encoding: 'Windows-1252' });
    }
  });

  test('blank lines and rows of empty cells are skipped, not rejected, in one-column files too', async () => {
    const wide = await convert('link.email,first_name\na@x.co,Ann\n,\n \t, \n\nb@x.co,Bob\n,,\n');
    assert.deepEqual([wide.result.rows, wide.result.written, wide.result.rejected], [2, 2, 0]);
    const narrow = await convert('link.email\r\na@x.co\r\n\r\nnot-an-email\r\n');
    assert.deepEqual(narrow.records, [{ link: { email: 'a@x.co' } }]);
    assert.deepEqual(narrow.result.errors.map((e) => [e.line, e.field]), [[4, 'link.email']]);
  });

  test('UTF-16 and Windows-1252 inputs convert to UTF-8 text', async () => {
    const utf16 = await convert(iconv.encode('link.email;first_name\r\nz@x.co;Zoë\r\n', 'utf16le', { addBOM: true }));
    assert.deepEqual(utf16.records, [{ link: { email: 'z@x.co' }, first_name: 'Zoë' }]);
    const cp1252 = await convert(iconv.encode('link.email,first_name\nr@x.co,René\n', 'windows-1252'));
    assert.deepEqual(cp1252.records, [{ link: { email: 'r@x.co' }, first_name: 'René' }]);
  });
});

describe('convertToNdjson: invalid rows', () => {
  const csv = [
    'link.email,first_name,custom_fields.note',
    'a@x.co,Ann,"two',
    'line note"',
    'not-an-email,Bob,',
    'c@x.co,Cy,"one',
    'two',
    'three"',
    'also bad,Di,',
    'e@x.co,Ed,too,many',
    '',
    'f@x.co,Flo,',
  ].join('\n');

  test('are left out and reported with the physical line where the record starts', async () => {
    const seen: LineError[] = [];
    const { result, records } = await convert(csv, { maxErrors: 2, onError: (e) => seen.push(e) });
    assert.deepEqual(records.map((r) => r.first_name), ['Ann', 'Cy', 'Flo']);
    assert.deepEqual(
      seen.map((e) => [e.line, e.field]),
      [
        [4, 'link.email'],
        [8, 'link.email'],
        [9, '(row)'],
      ],
    );
    assert.match(seen[0]?.message ?? '', /link\.email: "not-an-email" is not an email address/);
    assert.match(seen[2]?.message ?? '', /4 values but the header has 3 columns/);
    assert.equal(result.rows, 6);
    assert.equal(result.written, 3);
    assert.equal(result.rejected, 3);
    assert.equal(result.errors.length, 2, 'the list is capped by maxErrors');
    assert.deepEqual(result.summary, [
      { field: 'link.email', rule: 'not an email address', count: 2 },
      { field: '(row)', rule: 'wrong number of fields', count: 1 },
    ]);
    assert.equal(result.stoppedEarly, false);
    assert.equal(result.position, 'line');
  });

  test('stopOnFirstInvalid stops at the first invalid row and leaves no output file', async () => {
    const { result } = await convert(csv, { stopOnFirstInvalid: true });
    assert.equal(result.stoppedEarly, true);
    assert.equal(result.written, 0);
    assert.deepEqual(result.errors.map((e) => e.line), [4]);
    assert.equal(existsSync(result.output), false);
    assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith('.partial')), []);
  });
});

/** A customer CSV big enough for several chunks and the worker threads (> 4 MiB). */
function bigCsv(rows: number): string {
  const lines = ['link.customer_id,email,first_name,date_of_birth,employee_flag,custom_fields.points'];
  for (let i = 1; i <= rows; i++) {
    const note = i % 1000 === 0 ? '"multi\nline"' : `${i}`;
    lines.push(`C${i},${i % 5000 === 0 ? 'broken' : `p${i}@example.com`},Name ${i},19${50 + (i % 50)}-01-0${1 + (i % 9)},${i % 2 ? 'yes' : 'no'},${note}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('convertToNdjson: large inputs', () => {
  test('worker threads and the in-thread path write the same records and errors', async () => {
    const csv = bigCsv(60_000);
    const threaded = await convert(csv, { workers: 2 });
    const inline = await convert(csv, { workers: 0 });
    assert.equal(threaded.result.rows, 60_000);
    assert.equal(threaded.result.rejected, 12);
    assert.equal(threaded.text, inline.text);
    assert.deepEqual(threaded.result.errors, inline.result.errors);
    // Line of row i = i + 1 + one extra line per earlier multi-line note (every 1000th row).
    assert.equal(threaded.result.errors[0]?.line, 5000 + 1 + 4);
  });

  test('gzip output is readable with zlib', async () => {
    const { result, records } = await convert(bigCsv(30_000), { gzip: true });
    assert.match(result.output, /\.ndjson\.gz$/);
    assert.equal(records.length, 30_000 - 6);
    assert.deepEqual(records[0], { link: { customer_id: 'C1' }, email: 'p1@example.com', first_name: 'Name 1', date_of_birth: '1951-01-02', employee_flag: true, custom_fields: { points: '1' } });
  });

  test('progress reports bytes read and rows, ending at the whole file', async () => {
    const events: ConversionProgress[] = [];
    const { result } = await convert(bigCsv(30_000), { onProgress: (p) => events.push(p) });
    const last = events.at(-1);
    assert.ok(last);
    assert.equal(last.bytesRead, last.totalBytes);
    assert.equal(last.rows, result.rows);
  });

  test('cancel stops with a cancelled error and leaves no output or partial file', async () => {
    const path = await input(bigCsv(60_000));
    const controller = new AbortController();
    await assert.rejects(
      convertToNdjson(path, {
        recordType: 'customer_record',
        output: join(dir, 'cancelled.ndjson'),
        signal: controller.signal,
        onError: () => controller.abort(),
      }),
      (e: unknown) => e instanceof LexerError && e.code === 'cancelled',
    );
    const files = await readdir(dir);
    assert.equal(files.includes('cancelled.ndjson'), false);
    assert.deepEqual(files.filter((f) => f.endsWith('.partial')), []);
  });
});

describe('convertToNdjson: JSON array input', () => {
  test('a JSON array of records converts to NDJSON, invalid ones reported by position', async () => {
    const json = JSON.stringify([{ link: { email: 'a@x.co' }, first_name: 'Ann' }, { link: { email: 'nope' } }, 7, { link: { customer_id: 'C1' } }], null, 2);
    const { result, records } = await convert(json, {}, 'json');
    assert.deepEqual(records, [{ link: { email: 'a@x.co' }, first_name: 'Ann' }, { link: { customer_id: 'C1' } }]);
    assert.deepEqual(result.errors.map((e) => [e.line, e.field]), [
      [2, 'link.email'],
      [3, '(record)'],
    ]);
    assert.equal(result.position, 'record', 'a pretty-printed array has no useful line numbers: errors count records');
  });

  test('a JSON object that is not an array is refused with a clear message', async () => {
    const path = await input('{"link": {"email": "a@x.co"}}', 'json');
    await assert.rejects(convertToNdjson(path, { recordType: 'customer_record' }), (e: unknown) => e instanceof LexerError && /not a JSON array of records/.test(e.message));
  });
});

// Minimal inputs of the kinds found in real exports.
describe('convertToNdjson: answers that match Lexer', () => {
  test('integers past 2^53 keep every digit in the NDJSON', async () => {
    const { text, result } = await convert('product_id,price,inventory.quantity\nP1,12345678901234567890,-98765432109876543210\nP2,007,5\n', { recordType: 'product' });
    assert.equal(result.rejected, 0, JSON.stringify(result.errors));
    assert.equal(text.split('\n')[0], '{"product_id":"P1","price":12345678901234567890,"inventory":{"quantity":-98765432109876543210}}');
    assert.equal(text.split('\n')[1], '{"product_id":"P2","price":7,"inventory":{"quantity":5}}');
    const json = await convert('[{"link":{"customer_id":"C1"},"custom_fields":{"id":12345678901234567890,"big":1e400,"x":0.5}}]', {}, 'json');
    assert.equal(json.text, '{"link":{"customer_id":"C1"},"custom_fields":{"id":12345678901234567890,"big":1e400,"x":0.5}}\n');
  });

  test('a JSON array: emails with spaces around them and custom_fields: [] are accepted, as Lexer does', async () => {
    const { result } = await convert(JSON.stringify([{ link: { email: ' jane@example.com\t' }, custom_fields: [] }]), {}, 'json');
    assert.deepEqual([result.written, result.rejected], [1, 0]);
    assert.match(result.warnings[0] ?? '', /custom_fields: \[\] is an empty list; Lexer reads it as \{\}/);
  });

  test('Excel\'s sep= line is used and skipped; line numbers stay physical', async () => {
    const { result, records } = await convert('sep=;\r\nlink.email;first_name\r\na@x.co;Ann\r\nnope;Bo\r\n');
    assert.deepEqual(records, [{ link: { email: 'a@x.co' }, first_name: 'Ann' }]);
    assert.deepEqual(result.errors.map((e) => e.line), [4]);
    assert.match(result.notes[0] ?? '', /"sep=;" is Excel's delimiter hint/);
  });

  test('a header padded with a non-breaking space maps to its field, as the preview says', async () => {
    const { records } = await convert('link.email,date_of_birth\u00a0\na@x.co,1985-03-11\n');
    assert.deepEqual(records, [{ link: { email: 'a@x.co' }, date_of_birth: '1985-03-11' }]);
  });

  test('two columns of the same name are the file\'s problem, named by position and letter', async () => {
    const path = await input('link.email,first_name,first_name\na@x.co,Ann,Bo\n');
    await assert.rejects(convertToNdjson(path, { recordType: 'customer_record' }), (e: unknown) => e instanceof LexerError && e.code === 'unsupported-file'
      && e.message === 'The file\'s columns 2 (B) and 3 (C) are both named "first_name", so both would write first_name.' && /Rename one of the two headers/.test(e.hint ?? ''));
    const mapped = await input('link.email,Given,First\na@x.co,Ann,Bo\n');
    await assert.rejects(
      convertToNdjson(mapped, { recordType: 'customer_record', mapping: { columns: { Given: 'first_name', First: 'first_name' } } }),
      (e: unknown) => e instanceof LexerError && e.code === 'usage' && /columns 2 \(B\) and 3 \(C\), "Given" and "First", would both write first_name/.test(e.message),
    );
  });

  test('a line-item column mapped to products.quantity is explained: products[].quantity is a field of each item', async () => {
    const path = await input('Name,Email,Lineitem quantity\n#1,a@x.co,2\n');
    await assert.rejects(
      convertToNdjson(path, { recordType: 'purchase', mapping: { columns: { 'Lineitem quantity': 'products.quantity' } } }),
      (e: unknown) => e instanceof LexerError && e.code === 'usage'
        && /products\[\]\.quantity is a field of each item in the list products: one column cannot fill a list of items/.test(e.message)
        && /is grouped into one purchase per order: say which column holds the order \(convert --group-by "Order ID"/.test(e.hint ?? ''),
    );
  });

  test('a purchase export without the fields a purchase needs says so once, besides the row errors', async () => {
    const { result } = await convert('Name,Email,Lineitem quantity\n#1,a@x.co,2\n', { recordType: 'purchase' });
    assert.equal(result.rejected, 1);
    assert.match(result.notes[0] ?? '', /^No column fills action_at, type, purchase_id, products, which every purchase record needs.*one row per line item/);
  });

  test('a cell holding one JSON object where a list is due: the message says a list is expected', async () => {
    const csv = 'link.email,action_at,purchase_id,type,products\na@x.co,2023-03-06T10:00:00Z,P1,ecommerce,"{""price_paid"": 5, ""quantity"": 1}"\n';
    const { result } = await convert(csv, { recordType: 'purchase' });
    assert.match(result.errors[0]?.message ?? '', /^products: \{"price_paid":5,"quantity":1\} is not an array \(one object where a list is expected: put it in \[ \]/);
  });

  test('decimal commas: named as such, and read when asked (decimalComma)', async () => {
    const csv = 'product_id;price\nP1;29,95\nP2;1.234,50\n';
    const plain = await convert(csv, { recordType: 'product' });
    assert.deepEqual(plain.result.summary, [{ field: 'price', rule: 'not a number (decimal comma)', count: 2 }]);
    assert.equal(plain.result.errors[0]?.message, 'price: "29,95" is not a number (it looks like a decimal comma: write 29.95)');
    const read = await convert(csv, { recordType: 'product', decimalComma: true });
    assert.deepEqual(read.records.map((r) => r.price), [29.95, 1234.5]);
  });

  test('every failing field of a row is reported; the summary counts rows', async () => {
    const { result } = await convert('link.email,date_of_birth,employee_flag\nnope,soon,maybe\nok@x.co,1985-03-11,perhaps\n');
    assert.equal(result.rejected, 2);
    assert.equal(result.errorCount, 4);
    assert.deepEqual(result.errors.map((e) => [e.line, e.field]), [[2, 'link.email'], [2, 'date_of_birth'], [2, 'employee_flag'], [3, 'employee_flag']]);
    assert.deepEqual(result.summary.find((g) => g.field === 'employee_flag')?.count, 2);
  });

  test('a date of birth given as a Unix timestamp converts, with the warning saying what Lexer reads', async () => {
    const { result, records } = await convert('link.email,date_of_birth\na@x.co,479347200\nb@x.co,19850304\n');
    assert.deepEqual(records, [{ link: { email: 'a@x.co' }, date_of_birth: '479347200' }]);
    assert.deepEqual(result.warnings, ['date_of_birth: "479347200" is a Unix timestamp; Lexer reads it as the date 1985-03-11 (line 2)']);
    assert.match(result.errors[0]?.message ?? '', /looks like 1985-03-04 written without dashes/);
  });
});

describe('convertToNdjson: NDJSON input is cleaned', () => {
  test('byte-order marks and blank lines are removed and named; records are written exactly as they were', async () => {
    const ok1 = '{"link":{"email":"a@x.co"},"custom_fields":{"id":12345678901234567890}}';
    const ok2 = '{"link":{"email":"b@x.co"}}';
    const path = await input(`\uFEFF${ok1}\r\n\r\n   \r\n{"link":{"email":"nope"}}\r\n${ok2}`, 'ndjson');
    const result = await convertToNdjson(path, { recordType: 'customer_record' });
    assert.match(result.output, /in\d+\.clean\.ndjson$/);
    assert.equal(await readFile(result.output, 'utf8'), `${ok1}\n${ok2}\n`);
    assert.deepEqual(result.cleaned, { byteOrderMarks: 1, blankLines: 2, lines: [1, 2, 3] });
    assert.deepEqual([result.rows, result.written, result.rejected, result.errors[0]?.line], [3, 2, 1, 4]);
  });

  test('CR-only line ends and gzip input are read; gzip input gives gzip output', async () => {
    const cr = await convertToNdjson(await input('{"link":{"email":"a@x.co"}}\r\r{"link":{"email":"b@x.co"}}\r', 'ndjson'), { recordType: 'customer_record' });
    assert.equal(await readFile(cr.output, 'utf8'), '{"link":{"email":"a@x.co"}}\n{"link":{"email":"b@x.co"}}\n');
    assert.equal(cr.cleaned.blankLines, 1);
    const { gzipSync } = await import('node:zlib');
    const gz = await convertToNdjson(await input(gzipSync('\n{"link":{"email":"a@x.co"}}\n'), 'ndjson.gz'), { recordType: 'customer_record' });
    assert.match(gz.output, /\.clean\.ndjson\.gz$/);
    assert.equal(gunzipSync(await readFile(gz.output)).toString('utf8'), '{"link":{"email":"a@x.co"}}\n');
  });
});

describe('convertToNdjson: unreadable inputs', () => {
  test('an aborted signal cancels before starting', async () => {
    await assert.rejects(
      convertToNdjson(await input('link.email\na@b.co\n'), { recordType: 'customer_record', signal: AbortSignal.abort() }),
      (e: unknown) => e instanceof LexerError && e.code === 'cancelled',
    );
  });

  test('empty file, missing file, no header row', async () => {
    await assert.rejects(convertToNdjson(await input(''), { recordType: 'customer_record' }), (e: unknown) => e instanceof LexerError && e.code === 'file-empty');
    await assert.rejects(convertToNdjson(join(dir, 'missing.csv'), { recordType: 'customer_record' }), (e: unknown) => e instanceof LexerError && e.code === 'file-unreadable');
    await assert.rejects(convertToNdjson(await input('\n\nx,y\n'), { recordType: 'customer_record' }), (e: unknown) => e instanceof LexerError && /no header row/.test(e.message));
  });
});
