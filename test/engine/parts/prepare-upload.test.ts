import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { xxhash128 } from 'hash-wasm';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { LexerError } from '../../../main/engine/errors.js';
import { checkFileName } from '../../../main/engine/names/check-file-name.js';
import { partsNotice, prepareUpload, type PrepareProgress, type PreparedUpload, type PrepareRequest } from '../../../main/engine/parts/prepare-upload.js';
import { assertSingleGzipMember } from '../../helpers/gzip-checks.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const xxh128 = async (bytes: Uint8Array): Promise<{ algorithm: 'xxh3-128'; value: string }> => ({ algorithm: 'xxh3-128', value: await xxhash128(bytes) });

function ndjson(count: number): Buffer {
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ link: { customer_id: `C-${i}` }, email: `p${i}@example.com`, note: randomBytes(6).toString('hex') }));
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Rows with quoted cells that hold the delimiter, quotes and line breaks, every 7th one over three lines. */
function csvRows(count: number, newline: string, delimiter: string): { header: string; body: string; notes: string[] } {
  const notes: string[] = [];
  const rows = Array.from({ length: count }, (_, i) => {
    const note = i % 7 === 0 ? `first line ${i}${newline}second${delimiter} with "quotes"${newline}third ${randomBytes(3).toString('hex')}` : `plain ${i} é ${randomBytes(4).toString('hex')}`;
    notes.push(note);
    return [`C-${i}`, `Name ${i}`, `"${note.replace(/"/g, '""')}"`].join(delimiter);
  });
  return { header: ['link.customer_id', 'first_name', 'custom_fields.note'].join(delimiter), body: rows.join(newline) + newline, notes };
}

async function partBytes(prepared: PreparedUpload): Promise<Buffer[]> {
  const ordered = [...prepared.parts].sort((a, b) => a.filename.localeCompare(b.filename));
  assert.deepEqual(ordered.map((p) => p.index), prepared.parts.map((p) => p.index), 'names sort in part order');
  return Promise.all(ordered.map(async (p) => {
    const bytes = await readFile(p.path);
    assert.equal(bytes.length, p.bytes, `${p.filename}: size as reported`);
    return bytes;
  }));
}

describe('prepareUpload', () => {
  let dir: string;
  let tempRoot: string;
  const prepared: PreparedUpload[] = [];
  const prepare = async (req: Omit<PrepareRequest, 'sourcePath'> & { path: string }, partBytes: number, extra: { onProgress?: (p: PrepareProgress) => void; signal?: AbortSignal } = {}) => {
    const p = await prepareUpload({ ...req, sourcePath: req.path }, { partBytes, tempRoot, threads: 2, ...extra });
    prepared.push(p);
    return p;
  };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prepare-'));
    tempRoot = await mkdtemp(join(tmpdir(), 'prepare-temp-'));
  });
  afterEach(async () => {
    await Promise.all(prepared.splice(0).map((p) => p.dispose()));
    assert.deepEqual(await readdir(tempRoot), [], 'no temporary files are left once disposed');
  });
  after(async () => Promise.all([rm(dir, { recursive: true, force: true }), rm(tempRoot, { recursive: true, force: true })]));

  test('gzipped NDJSON parts: each under the limit, one gzip member, whole lines; together exactly the source', async () => {
    const source = ndjson(30_000);
    const path = join(dir, 'customers.ndjson');
    await writeFile(path, source);
    const limit = 100_000;
    const events: PrepareProgress[] = [];
    const p = await prepare({ path, filename: 'customers-20261129-v1.ndjson.gz', format: 'ndjson', gzip: true }, limit, { onProgress: (e) => events.push(e) });
    assert.ok(p.parts.length >= 5, `${p.parts.length} parts`);
    assert.equal(p.compressed, true);
    assert.deepEqual(p.contentHash, await xxh128(source));
    const parts = await partBytes(p);
    const contents = parts.map((gz, i) => {
      assert.ok(gz.length <= limit, `part ${i + 1} is ${gz.length} bytes`);
      if (i < parts.length - 1) assert.ok(gz.length > limit * 0.6, `part ${i + 1} is filled (${gz.length} bytes), not cut early`);
      const content = gunzipSync(gz);
      assertSingleGzipMember(gz, content, `part ${i + 1}`);
      assert.equal(content.at(-1), 0x0a, `part ${i + 1} ends at a line end`);
      for (const line of content.toString('utf8').trimEnd().split('\n')) JSON.parse(line);
      return content;
    });
    assert.equal(sha256(Buffer.concat(contents)), sha256(source), 'every record exactly once, in order');
    assert.equal(spawnSync('gzip', ['-t', ...p.parts.map((x) => x.path)]).status, 0, 'gzip -t accepts every part');
    assert.ok(p.parts.every((x) => checkFileName(x.filename).valid));
    assert.equal(p.parts[0]?.filename, `customers-part01of${String(p.parts.length).padStart(2, '0')}-20261129-v1.ndjson.gz`);
    assert.equal(p.sentBytes, parts.reduce((n, b) => n + b.length, 0));
    assert.deepEqual(events.at(-1), { step: 'splitting', bytesRead: source.length, totalBytes: source.length, bytesWritten: p.sentBytes, parts: p.parts.length }, 'the last progress counts the parts there are');
    assert.match(partsNotice(p, (n) => `${n} B`) ?? '', new RegExp(`^This file is ${p.sentBytes} B after compression; it will be sent as ${p.parts.length} parts, each loaded by Lexer as its own file\\.$`));
  });

  test('the same file gives the same parts, byte for byte, on threads or not (a failed part can be made again alone)', async () => {
    const path = join(dir, 'again.ndjson');
    await writeFile(path, ndjson(8000));
    const request = { sourcePath: path, filename: 'again-20261129-v1.ndjson.gz', format: 'ndjson' as const, gzip: true };
    const runs = [];
    for (const threads of [0, 2]) {
      const p = await prepareUpload(request, { partBytes: 40_000, tempRoot, threads });
      prepared.push(p);
      runs.push(await Promise.all(p.parts.map(async (x) => sha256(await readFile(x.path)))));
    }
    assert.ok((runs[0]?.length ?? 0) > 2);
    assert.deepEqual(runs[1], runs[0]);
  });

  test('NDJSON without gzip: parts of whole lines, each under the limit', async () => {
    const source = ndjson(5000);
    const path = join(dir, 'plain.ndjson');
    await writeFile(path, source);
    const p = await prepare({ path, filename: 'plain-20261129-v1.ndjson', format: 'ndjson', gzip: false }, 50_000);
    const parts = await partBytes(p);
    assert.ok(parts.length >= source.length / 50_000);
    assert.ok(parts.every((b) => b.length <= 50_000 && b.at(-1) === 0x0a));
    assert.ok(Buffer.concat(parts).equals(source));
    assert.equal(p.compressed, false);
    assert.deepEqual(p.contentHash, await xxh128(source));
  });

  for (const gzip of [false, true]) {
    test(`CSV parts${gzip ? ' gzipped' : ''}: each starts with the BOM and header, no quoted multi-line cell is cut`, async () => {
      const { header, body, notes } = csvRows(3000, '\r\n', ';');
      const prefix = Buffer.from(`\uFEFF${header}\r\n`, 'utf8');
      const source = Buffer.concat([prefix, Buffer.from(body, 'utf8')]);
      const path = join(dir, `semicolons-${gzip}.csv`);
      await writeFile(path, source);
      const p = await prepare({ path, filename: 'export-20261129-v1.csv', format: 'csv', gzip }, gzip ? 8_000 : 20_000);
      const parts = (await partBytes(p)).map((b) => (gzip ? gunzipSync(b) : b));
      assert.ok(parts.length > 5, `${parts.length} parts`);
      const seen: string[] = [];
      for (const [i, part] of parts.entries()) {
        assert.ok(part.subarray(0, prefix.length).equals(prefix), `part ${i + 1} starts with the BOM and the header row`);
        const parsed = Papa.parse<string[]>(part.subarray(prefix.length).toString('utf8'), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
        assert.deepEqual(parsed.errors, [], `part ${i + 1} parses cleanly`);
        assert.ok(parsed.data.every((row) => row.length === 3), `part ${i + 1}: every row has its 3 cells`);
        seen.push(...parsed.data.map((row) => row[2] as string));
      }
      assert.deepEqual(seen, notes, 'every row exactly once, multi-line cells whole');
      assert.ok(Buffer.concat(parts.map((b) => b.subarray(prefix.length))).equals(Buffer.from(body, 'utf8')));
    });
  }

  test('a UTF-16 CSV (Excel\'s "Unicode text") stays UTF-16 in every part, tab-separated, with its BOM', async () => {
    const { header, body, notes } = csvRows(800, '\r\n', '\t');
    const prefix = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`${header}\r\n`, 'utf16le')]);
    const path = join(dir, 'unicode.csv');
    await writeFile(path, Buffer.concat([prefix, iconv.encode(body, 'utf16le')]));
    const p = await prepare({ path, filename: 'unicode-20261129-v1.csv', format: 'csv', gzip: false }, 30_000);
    const parts = await partBytes(p);
    assert.ok(parts.length > 3);
    const seen: string[] = [];
    for (const part of parts) {
      assert.ok(part.length <= 30_000);
      assert.ok(part.subarray(0, prefix.length).equals(prefix), 'BOM and header in UTF-16');
      const rows = Papa.parse<string[]>(iconv.decode(part.subarray(prefix.length), 'utf16le'), { delimiter: '\t', newline: '\r\n', skipEmptyLines: true });
      assert.deepEqual(rows.errors, []);
      seen.push(...rows.data.map((row) => row[2] as string));
    }
    assert.deepEqual(seen, notes);
  });

  test('a Windows-1252 CSV is cut as bytes, accents untouched', async () => {
    const { header, body } = csvRows(2000, '\n', ',');
    const source = iconv.encode(`${header}\n${body}`, 'windows-1252');
    const path = join(dir, 'latin.csv');
    await writeFile(path, source);
    const p = await prepare({ path, filename: 'latin-20261129-v1.csv', format: 'csv', gzip: true }, 15_000);
    const parts = (await partBytes(p)).map((b) => gunzipSync(b));
    const headerBytes = iconv.encode(`${header}\n`, 'windows-1252');
    assert.ok(parts.every((b) => b.subarray(0, headerBytes.length).equals(headerBytes)));
    assert.ok(Buffer.concat([headerBytes, ...parts.map((b) => b.subarray(headerBytes.length))]).equals(source));
  });

  test('an .ndjson.gz over the part size is cut at lines and each part compressed on its own', async () => {
    const content = ndjson(20_000);
    const path = join(dir, 'big.ndjson.gz');
    const gz = gzipSync(content);
    await writeFile(path, gz);
    const p = await prepare({ path, filename: 'big-20261129-v1.ndjson.gz', format: 'ndjson', gzip: false }, Math.floor(gz.length / 3));
    const parts = await partBytes(p);
    assert.ok(parts.length >= 3 && parts.every((b) => b.length <= gz.length / 3));
    assert.equal(sha256(Buffer.concat(parts.map((b) => gunzipSync(b)))), sha256(content));
    assert.deepEqual(p.contentHash, await xxh128(gz), 'the hash is of the file as it is on disk');
  });

  test('one compressed file when it fits; as it is when nothing needs doing', async () => {
    const source = ndjson(2000);
    const path = join(dir, 'fits.ndjson');
    await writeFile(path, source);
    const one = await prepare({ path, filename: 'fits-20261129-v1.ndjson.gz', format: 'ndjson', gzip: true }, 5_368_709_120);
    assert.deepEqual(one.parts.map((x) => [x.index, x.count, x.filename]), [[1, 1, 'fits-20261129-v1.ndjson.gz']]);
    assertSingleGzipMember(await readFile(one.parts[0]?.path ?? ''), source);
    assert.equal(partsNotice(one, String), null);
    const asIs = await prepare({ path, filename: 'fits-20261129-v1.ndjson', format: 'ndjson', gzip: false }, 5_368_709_120);
    assert.deepEqual(asIs.parts, [{ index: 1, count: 1, filename: 'fits-20261129-v1.ndjson', path, bytes: source.length }]);
    assert.equal(asIs.contentHash, null, 'hashed while it is sent instead');
    const gzPath = join(dir, 'already.ndjson.gz');
    await writeFile(gzPath, gzipSync(source));
    const gzAsIs = await prepare({ path: gzPath, filename: 'already-20261129-v1.ndjson.gz', format: 'ndjson', gzip: true }, 5_368_709_120);
    assert.equal(gzAsIs.parts[0]?.path, gzPath, 'a gzip file is sent as it is');
  });

  test('what cannot be cut is refused with a reason: a JSON array, a record larger than a part, a header larger than a part', async () => {
    const json = join(dir, 'array.json');
    await writeFile(json, JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ id: i }))));
    await assert.rejects(prepare({ path: json, filename: 'array-20261129-v1.json', format: 'other', gzip: false }, 1000), (e) =>
      e instanceof LexerError && e.code === 'file-too-large' && /array\.json is [\d,]+ bytes, over the part size of 1,000/.test(e.message) && /NDJSON/.test(e.hint ?? ''));
    const long = join(dir, 'long.ndjson');
    await writeFile(long, `{"a":1}\n{"b":"${'x'.repeat(5000)}"}\n{"c":3}\n`);
    await assert.rejects(prepare({ path: long, filename: 'long-20261129-v1.ndjson', format: 'ndjson', gzip: false }, 2000), (e) =>
      e instanceof LexerError && e.code === 'unsupported-file' && /long\.ndjson has a record .*larger than/.test(e.message));
    const wide = join(dir, 'wide.csv');
    await writeFile(wide, `${Array.from({ length: 400 }, (_, i) => `column_${i}`).join(',')}\n${'1,'.repeat(399)}1\n`.repeat(2));
    await assert.rejects(prepare({ path: wide, filename: 'wide-20261129-v1.csv', format: 'csv', gzip: false }, 2000), (e) =>
      e instanceof LexerError && e.code === 'usage' && /too small for wide\.csv: its header row alone/.test(e.message));
  });

  test('a cancel stops it, says so, and removes what was written', async () => {
    const path = join(dir, 'cancel.ndjson');
    await writeFile(path, ndjson(20_000));
    const controller = new AbortController();
    const run = prepare({ path, filename: 'cancel-20261129-v1.ndjson.gz', format: 'ndjson', gzip: true }, 50_000, { signal: controller.signal, onProgress: () => controller.abort() });
    await assert.rejects(run, (e) => e instanceof LexerError && e.code === 'cancelled' && /cancel\.ndjson was cancelled/.test(e.message));
  });
});
