import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { previewCsv, type PreviewIssue } from '../../main/pipeline/csv-preview.js';
import { LexerError } from '../../main/errors.js';

let dir = '';
let n = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lexer-preview-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(content: string | Uint8Array): Promise<string> {
  const path = join(dir, `f${n++}.csv`);
  await writeFile(path, content);
  return path;
}

const kinds = (issues: PreviewIssue[]): string[] => issues.map((i) => i.kind);
const find = (issues: PreviewIssue[], kind: PreviewIssue['kind']): PreviewIssue[] => issues.filter((i) => i.kind === kind);

describe('previewCsv encodings', () => {
  test('UTF-8 with a BOM: reports the BOM and keeps it out of the first header', async () => {
    const p = await previewCsv(await file('\uFEFFlink.email,first_name\r\njane@x.com,Jane\r\n'));
    assert.equal(p.encoding, 'UTF-8');
    assert.deepEqual(p.headers, ['link.email', 'first_name']);
    assert.deepEqual(p.rows, [['jane@x.com', 'Jane']]);
    assert.equal(p.lineEnding, 'CRLF');
    assert.deepEqual(kinds(p.issues), ['bom']);
  });

  for (const encoding of ['UTF-16LE', 'UTF-16BE'] as const) {
    test(`${encoding} with a BOM decodes`, async () => {
      const bytes = iconv.encode('name;city\nZoë;Genève\n', encoding, { addBOM: true });
      const p = await previewCsv(await file(bytes));
      assert.equal(p.encoding, encoding);
      assert.equal(p.delimiter, ';');
      assert.deepEqual(p.headers, ['name', 'city']);
      assert.deepEqual(p.rows, [['Zoë', 'Genève']]);
      assert.ok(kinds(p.issues).includes('bom'));
    });
  }

  test('bytes that are not UTF-8 are read as Windows-1252 and reported', async () => {
    const p = await previewCsv(await file(iconv.encode('first_name,city\nRené,Zürich\n', 'windows-1252')));
    assert.equal(p.encoding, 'Windows-1252');
    assert.deepEqual(p.rows, [['René', 'Zürich']]);
    assert.match(find(p.issues, 'not-utf8')[0]?.message ?? '', /Windows-1252/);
  });

  test('a multibyte character cut at the end of the head does not make UTF-8 look like Windows-1252', async () => {
    // 'é' is two bytes; make the 256 KiB head end between them.
    const header = 'first_name\n';
    const filler = 'a'.repeat(256 * 1024 - header.length - 1);
    const p = await previewCsv(await file(`${header}${filler}é\n${'é\n'.repeat(1000)}`), { rows: 1 });
    assert.equal(p.encoding, 'UTF-8');
    assert.deepEqual(kinds(p.issues).filter((k) => k === 'not-utf8'), []);
  });
});

describe('previewCsv dialect', () => {
  for (const [name, delimiter] of [['semicolon', ';'], ['tab', '\t'], ['pipe', '|'], ['comma', ',']] as const) {
    test(`detects the ${name} delimiter`, async () => {
      const p = await previewCsv(await file(['a,x', 'b', 'c'].join(delimiter) + '\n' + ['1', '2', '3'].join(delimiter) + '\n' + ['4', '5', '6'].join(delimiter) + '\n'));
      assert.equal(p.delimiter, delimiter);
      assert.equal(p.headers.length, delimiter === ',' ? 4 : 3);
    });
  }

  test('detects CR line endings and honours the row count', async () => {
    const p = await previewCsv(await file('a,b\r1,2\r3,4\r5,6\r'), { rows: 2 });
    assert.equal(p.lineEnding, 'CR');
    assert.deepEqual(p.rows, [['1', '2'], ['3', '4']]);
  });
});

describe('previewCsv issues', () => {
  test('invisible characters in a header and a cell are named by header, line and column', async () => {
    const p = await previewCsv(await file('email\u200B,first_name\njane@x.com,Jane\u00A0Doe\n'));
    const messages = find(p.issues, 'invisible-character').map((i) => i.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0] ?? '', /Header "email<U\+200B>".*zero-width space/);
    assert.match(messages[1] ?? '', /Line 2, column "first_name".*non-breaking space/);
  });

  test('duplicate and empty headers', async () => {
    const p = await previewCsv(await file('email,,first_name,email\na,b,c,d\n'));
    assert.match(find(p.issues, 'duplicate-header')[0]?.message ?? '', /"email" appears in columns 1 and 4/);
    assert.match(find(p.issues, 'empty-header')[0]?.message ?? '', /Column 2 has no header/);
  });

  test('a ragged row is reported with its physical line, after a quoted cell spanning lines', async () => {
    const p = await previewCsv(await file('id,note\n1,"two\nline note"\n2,ok\n3,too,many\n'));
    assert.deepEqual(p.rows[0], ['1', 'two\nline note']);
    const ragged = find(p.issues, 'ragged-row');
    assert.equal(ragged.length, 1);
    assert.match(ragged[0]?.message ?? '', /^Line 5 has 3 fields but the header has 2/);
  });

  test('headers that match no customer_record field, with what will happen to them', async () => {
    const p = await previewCsv(await file('link.customer_id,Email,Loyalty Points,custom_fields.tier,link.system_name\n1,a@b.co,5,gold,pos\n'), {
      recordType: 'customer_record',
    });
    const unknown = find(p.issues, 'unknown-header').map((i) => i.message);
    assert.equal(unknown.length, 2);
    assert.match(unknown[0] ?? '', /"Email" matches no field of customer_record; it will be mapped to email/);
    assert.match(unknown[1] ?? '', /"Loyalty Points".*custom_fields\.loyalty_points/);
  });

  test('a record type without custom_fields: unknown headers are said to be left out', async () => {
    const p = await previewCsv(await file('product_id,Colour Name\nP1,red\n'), { recordType: 'product' });
    assert.match(find(p.issues, 'unknown-header')[0]?.message ?? '', /"Colour Name" matches no field of product; product has no custom_fields, so it will be left out/);
  });

  test('no record type: no unknown-header issues', async () => {
    const p = await previewCsv(await file('whatever,else\n1,2\n'));
    assert.deepEqual(p.issues, []);
  });
});

describe('previewCsv reads only the head', () => {
  test('a 5 GB file previews from its head: a non-UTF-8 byte deep inside is never read', async () => {
    const path = join(dir, 'huge.csv');
    const head = 'link.customer_id,first_name\n' + Array.from({ length: 200 }, (_, i) => `${i},Zoë\n`).join('');
    await writeFile(path, head);
    const handle = await open(path, 'r+');
    try {
      await handle.write(Buffer.from([0xe9]), 0, 1, 1024 * 1024 * 1024); // a lone Windows-1252 'é' at 1 GiB
      await handle.truncate(5 * 1024 * 1024 * 1024);
    } finally {
      await handle.close();
    }
    const p = await previewCsv(path, { rows: 100 });
    assert.equal(p.rows.length, 100);
    assert.equal(p.encoding, 'UTF-8');
    assert.deepEqual(p.rows[99], ['99', 'Zoë']);
  });
});

describe('previewCsv errors', () => {
  test('an empty file', async () => {
    await assert.rejects(previewCsv(await file('')), (e: unknown) => e instanceof LexerError && e.code === 'file-empty');
  });
  test('a missing file', async () => {
    await assert.rejects(previewCsv(join(dir, 'nope.csv')), (e: unknown) => e instanceof LexerError && e.code === 'file-unreadable' && /does not exist/.test(e.message));
  });
  test('no header row', async () => {
    await assert.rejects(previewCsv(await file('\n\n1,2\n')), (e: unknown) => e instanceof LexerError && /no header row/.test(e.message));
  });
});
