import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { validateNdjsonFile, type LineError, type ValidationProgress } from '../../../main/engine/pipeline/validate-ndjson.js';
import { LexerError } from '../../../main/engine/errors.js';

const good = (i: number) => JSON.stringify({ link: { email: `user${i}@example.com` }, first_name: 'Jane', custom_fields: { points: i } });
const bad = (i: number) => JSON.stringify({ link: { email: `not-an-email-${i}` } });

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validate-ndjson-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Several 1 MiB batches (CRLF, blank lines, one invalid line in seven) to exercise the threads.
const BIG_LINES = 40_000;
function bigFile(): string {
  return Array.from({ length: BIG_LINES }, (_, i) => (i % 7 === 0 ? bad(i) : i % 11 === 0 ? '' : good(i))).join('\r\n');
}

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function rejection(promise: Promise<unknown>): Promise<LexerError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof LexerError, `expected a LexerError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the promise to reject');
}

describe('validateNdjsonFile', () => {
  test('a BOM and blank lines are invalid rows, as Lexer counts them, named by line and marked cleanable', async () => {
    const path = await file('crlf.ndjson', `\uFEFF${good(1)}\r\n\r\n${bad(2)}\r\n   \r\n${good(3)}\r\n`);
    const result = await validateNdjsonFile(path, 'customer_record');
    assert.deepEqual([result.total, result.valid, result.invalid], [5, 1, 4]);
    assert.deepEqual(result.errors.map((e) => [e.line, e.rule]), [[1, 'byte-order mark'], [2, 'blank line'], [3, 'not an email address'], [4, 'blank line']]);
    assert.match(result.errors[0]?.message ?? '', /byte-order mark .* Lexer reads as part of the line and refuses/);
    // The record's link value comes with its errors, so an export names the customer.
    assert.deepEqual(result.errors[2], { line: 3, field: 'link.email', rule: 'not an email address', message: 'link.email: "not-an-email-2" is not an email address', identifier: 'not-an-email-2' });
    assert.deepEqual(result.framing, { byteOrderMarks: 1, blankLines: 2, cleanable: 3 });
  });

  test('a BOM before an invalid record reports both, and only the BOM is cleanable', async () => {
    const result = await validateNdjsonFile(await file('bom-bad.ndjson', `\uFEFF${bad(1)}\n${good(2)}\n`), 'customer_record');
    assert.deepEqual(result.errors.map((e) => [e.line, e.rule]), [[1, 'byte-order mark'], [1, 'not an email address']]);
    assert.deepEqual([result.invalid, result.errorCount, result.framing.cleanable], [1, 2, 0]);
  });

  test('CR-only line ends are line ends (Lexer reads each record), with the same line numbers on threads', async () => {
    const path = await file('cr.ndjson', `${good(1)}\r${bad(2)}\r${good(3)}\r`);
    for (const workers of [0, 1]) {
      const result = await validateNdjsonFile(path, 'customer_record', { workers });
      assert.deepEqual([result.total, result.valid, result.invalid, result.errors[0]?.line], [3, 2, 1, 2]);
    }
    const mixed = await validateNdjsonFile(await file('mixed-eol.ndjson', `${good(1)}\r\n${good(2)}\r${bad(3)}\n${good(4)}`), 'customer_record');
    assert.deepEqual([mixed.total, mixed.invalid, mixed.errors[0]?.line], [4, 1, 3]);
  });

  test('every failing field of a line is reported; the summary counts rows by field and rule', async () => {
    const twoBad = JSON.stringify({ link: { email: 'nope' }, employee_flag: 'maybe', date_of_birth: 'soon' });
    const result = await validateNdjsonFile(await file('fields.ndjson', `${twoBad}\n${bad(2)}\n`), 'customer_record');
    assert.deepEqual([result.invalid, result.errorCount], [2, 4]);
    assert.deepEqual(result.errors.map((e) => [e.line, e.field]), [[1, 'link.email'], [1, 'date_of_birth'], [1, 'employee_flag'], [2, 'link.email']]);
    assert.deepEqual(result.summary.map((g) => [g.field, g.count]), [['link.email', 2], ['date_of_birth', 1], ['employee_flag', 1]]);
  });

  test('emails with spaces or tabs around them are valid, as Lexer strips them', async () => {
    const lines = [{ link: { email: ' jane@example.com ' } }, { link: { email: 'jane@example.com\t' }, email: '' }].map((r) => JSON.stringify(r));
    const result = await validateNdjsonFile(await file('emails.ndjson', lines.join('\n')), 'customer_record');
    assert.deepEqual([result.total, result.invalid], [2, 0]);
  });

  test('a line longer than the limit is reported and skipped; the lines after it are still checked', async () => {
    const long = JSON.stringify({ link: { email: 'a@b.co' }, custom_fields: { notes: 'x'.repeat(300_000) } });
    const result = await validateNdjsonFile(await file('overlong.ndjson', `${good(1)}\n${long}\n${bad(3)}\n${good(4)}\n`), 'customer_record', { maxLineBytes: 100_000 });
    assert.deepEqual([result.total, result.valid, result.invalid], [4, 2, 2]);
    assert.deepEqual(result.errors.map((e) => [e.line, e.rule]), [[2, 'line too long'], [3, 'not an email address']]);
    assert.match(result.errors[0]?.message ?? '', /^is longer than 98 KiB \(300,0\d\d bytes\), far more than any record; it was skipped unread/);
  });

  test('a file with no line break at all stays within a bounded memory and ends with one overlong line', async () => {
    // 48 MiB of one "line": without the 16 MiB cap, validation gathered it all (and /dev/zero without end).
    const path = join(dir, 'no-newline.ndjson');
    const handle = await open(path, 'w');
    const block = Buffer.alloc(1 << 20, 0x78);
    for (let i = 0; i < 48; i += 1) await handle.write(block);
    await handle.close();
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const result = await validateNdjsonFile(path, 'customer_record', { onProgress: () => { peak = Math.max(peak, process.memoryUsage().arrayBuffers); } });
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    assert.deepEqual([result.total, result.invalid, result.errors[0]?.rule], [1, 1, 'line too long']);
    assert.match(result.errors[0]?.message ?? '', /longer than 16 MiB \(50,331,648 bytes\)/);
    assert.ok(peak - before < 40 * 1024 * 1024, `buffers grew by ${Math.round((peak - before) / 1048576)} MiB`);
  });

  test('reads gzip input', async () => {
    const path = await file('data.ndjson.gz', gzipSync(`${good(1)}\n${bad(2)}\n${good(3)}`));
    const result = await validateNdjsonFile(path, 'customer_record');
    assert.deepEqual([result.total, result.valid, result.invalid, result.errors[0]?.line], [3, 2, 1, 2]);
  });

  test('a line longer than a batch is read whole', async () => {
    const long = JSON.stringify({ link: { email: 'a@b.co' }, custom_fields: { notes: 'x'.repeat(3_000_000) } });
    const path = await file('long.ndjson', `${good(1)}\n${long}\n${bad(3)}\n`);
    const result = await validateNdjsonFile(path, 'customer_record');
    assert.deepEqual([result.total, result.valid, result.errors[0]?.line], [3, 2, 3]);
  });

  test('a JSON array file gets one clear message', async () => {
    const path = await file('array.json', `[\n  ${good(1)},\n  ${good(2)}\n]\n`);
    const error = await rejection(validateNdjsonFile(path, 'customer_record'));
    assert.equal(error.code, 'not-ndjson');
    assert.equal(error.describe(), `${path} is a JSON array, not NDJSON (one JSON object per line). Convert it with \`lexer-upload convert\`.`);
  });

  test('a UTF-16 file (PowerShell, Excel "Unicode text") gets one clear message, not one per line', async () => {
    const text = `${good(1)}\r\n${good(2)}\r\n`;
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])]) {
      const error = await rejection(validateNdjsonFile(await file('utf16.ndjson', bytes), 'customer_record'));
      assert.equal(error.code, 'not-ndjson');
      assert.match(error.message, /UTF-16(LE|BE) text; NDJSON must be UTF-8/);
    }
  });

  test('non-object lines and invalid JSON each get their own message', async () => {
    const path = await file('mixed.ndjson', [good(1), '[1,2]', '42', '"text"', '{"link": {"email": ', good(6)].join('\n'));
    const result = await validateNdjsonFile(path, 'customer_record');
    assert.deepEqual([result.total, result.invalid], [6, 4]);
    assert.deepEqual(result.errors.slice(0, 3).map((e) => [e.line, e.message]), [
      [2, 'is a JSON array, not an object'],
      [3, 'is a JSON number, not an object'],
      [4, 'is a JSON string, not an object'],
    ]);
    assert.equal(result.errors[3]?.line, 5);
    assert.match(result.errors[3]?.message ?? '', /^is not valid JSON \(.+\)$/);
  });

  test('a line with bytes that are not UTF-8 (a Windows-1252 é) is named, on threads or not', async () => {
    const latin1 = Buffer.from(JSON.stringify({ link: { email: 'rene@example.com' }, first_name: 'Ren_' }).replace('Ren_', 'Ren\u00e9'), 'latin1');
    const path = await file('latin1.ndjson', Buffer.concat([Buffer.from(`${good(1)}\n`), latin1, Buffer.from(`\n${good(3)}\n`)]));
    for (const workers of [0, 1]) {
      const result = await validateNdjsonFile(path, 'customer_record', { workers });
      assert.deepEqual([result.total, result.valid, result.invalid], [3, 2, 1]);
      assert.equal(result.errors[0]?.line, 2);
      assert.match(result.errors[0]?.message ?? '', /not UTF-8.*save the file as UTF-8/);
    }
  });

  test('caps the detailed errors but never the counts, and calls onError for every error in order', async () => {
    const lines = Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? bad(i) : good(i)));
    lines[10] = JSON.stringify({ link: { email: 'a@b.co', customer_id: 'x' } });
    const path = await file('many.ndjson', lines.join('\n'));
    const seen: LineError[] = [];
    const result = await validateNdjsonFile(path, 'customer_record', { maxErrors: 5, onError: (e) => seen.push(e) });
    assert.equal(result.invalid, 201);
    assert.equal(result.valid, 399);
    assert.equal(result.errors.length, 5);
    assert.equal(seen.length, 201);
    assert.deepEqual(seen.map((e) => e.line), [...seen.map((e) => e.line)].sort((a, b) => a - b));
    assert.deepEqual(result.summary, [
      { field: 'link.email', rule: 'not an email address', count: 200 },
      { field: 'link', rule: 'has more than one identifier', count: 1 },
    ]);
  });

  test('reports each kind of conversion once with its first line and count', async () => {
    const lines = [good(1), ...[2, 3, 4].map((i) => JSON.stringify({ link: { customer_id: i } }))];
    const result = await validateNdjsonFile(await file('coerce.ndjson', lines.join('\n')), 'customer_record');
    assert.equal(result.invalid, 0);
    assert.deepEqual(result.warnings, ['link.customer_id: 2 is a number; Lexer reads it as the string "2" (line 2, and 2 more lines like it)']);
  });

  test('reports progress up to the whole file', async () => {
    const path = await file('progress.ndjson', Array.from({ length: 2000 }, (_, i) => good(i)).join('\n') + '\n');
    const events: ValidationProgress[] = [];
    const result = await validateNdjsonFile(path, 'customer_record', { onProgress: (p) => events.push(p) });
    const last = events.at(-1);
    assert.ok(last);
    assert.equal(last.bytesRead, last.totalBytes);
    assert.equal(last.lines, 2000);
    assert.equal(result.total, 2000);
  });

  test('cancel stops with a cancelled error', async () => {
    const path = await file('cancel.ndjson', bigFile());
    const already = new AbortController();
    already.abort();
    assert.equal((await rejection(validateNdjsonFile(path, 'customer_record', { signal: already.signal }))).code, 'cancelled');
    // The first progress event comes with the first of several batches; abort there.
    const during = new AbortController();
    let progressEvents = 0;
    const error = await rejection(
      validateNdjsonFile(path, 'customer_record', { signal: during.signal, onProgress: () => { progressEvents += 1; during.abort(); } }),
    );
    assert.equal(error.code, 'cancelled');
    assert.equal(progressEvents, 1);
  });

  test('an unreadable file is a file-unreadable error', async () => {
    const missing = await rejection(validateNdjsonFile(join(dir, 'missing.ndjson'), 'customer_record'));
    assert.equal(missing.code, 'file-unreadable');
    assert.match(missing.message, /missing\.ndjson: it does not exist/);
    const folder = await rejection(validateNdjsonFile(dir, 'customer_record'));
    assert.equal(folder.code, 'file-unreadable');
    const corrupt = await rejection(validateNdjsonFile(await file('corrupt.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5])), 'customer_record'));
    assert.equal(corrupt.code, 'file-unreadable');
  });

  test('worker threads give the same result, in line order', async () => {
    const path = await file('workers.ndjson', bigFile());
    const here = await validateNdjsonFile(path, 'customer_record', { workers: 0, maxErrors: 10_000 });
    for (const workers of [1, 2]) {
      const seen: number[] = [];
      const there = await validateNdjsonFile(path, 'customer_record', { workers, maxErrors: 10_000, onError: (e) => seen.push(e.line) });
      assert.deepEqual(there, here, `workers: ${workers}`);
      assert.deepEqual(seen, here.errors.map((e) => e.line));
    }
    // Line i is invalid when i % 7 == 0, else blank (an invalid row for Lexer too) when i % 11 == 0.
    assert.equal(here.total, BIG_LINES);
    assert.equal(here.framing.blankLines, Math.ceil(BIG_LINES / 11) - Math.ceil(BIG_LINES / 77));
    assert.equal(here.invalid, Math.ceil(BIG_LINES / 7) + here.framing.blankLines);
  });
});

const DIST = new URL('../../../dist/main/engine/pipeline/validate-ndjson.js', import.meta.url);
test('the compiled build validates on its worker threads', { skip: existsSync(DIST) ? false : 'run `npm run build` first' }, async () => {
  const { validateNdjsonFile: compiled } = (await import(DIST.href)) as { validateNdjsonFile: typeof validateNdjsonFile };
  const path = await file('dist.ndjson', Array.from({ length: 500 }, (_, i) => (i === 41 ? bad(i) : good(i))).join('\n'));
  const result = await compiled(path, 'customer_record', { workers: 2 });
  assert.deepEqual([result.total, result.invalid, result.errors[0]?.line], [500, 1, 42]);
});
