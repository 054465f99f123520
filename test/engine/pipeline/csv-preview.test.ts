import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ASCII_SO_FAR, previewCsv, type PreviewIssue } from '../../../main/engine/pipeline/csv-preview.js';
import { LexerError } from '../../../main/engine/errors.js';

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
  test('UTF-8 with a BOM: notes the BOM (conversion removes it) and keeps it out of the first header', async () => {
    const p = await previewCsv(await file('\uFEFFlink.email,first_name\r\njane@x.com,Jane\r\n'));
    assert.equal(p.encoding, 'UTF-8');
    assert.deepEqual(p.headers, ['link.email', 'first_name']);
    assert.deepEqual(p.rows, [['jane@x.com', 'Jane']]);
    assert.equal(p.lineEnding, 'CRLF');
    assert.deepEqual(kinds(p.notes), ['bom']);
    assert.deepEqual(p.issues, []);
  });

  for (const encoding of ['UTF-16LE', 'UTF-16BE'] as const) {
    test(`${encoding} with a BOM decodes`, async () => {
      const bytes = iconv.encode('name;city\nZoë;Genève\n', encoding, { addBOM: true });
      const p = await previewCsv(await file(bytes));
      assert.equal(p.encoding, encoding);
      assert.equal(p.delimiter, ';');
      assert.deepEqual(p.headers, ['name', 'city']);
      assert.deepEqual(p.rows, [['Zoë', 'Genève']]);
      assert.ok(kinds(p.notes).includes('bom'));
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

  test('a ";" file whose header has more commas than semicolons is read on ";"', async () => {
    const p = await previewCsv(await file('id;tags, comma, separated, list\n1;vip\n2;new\n'));
    assert.equal(p.delimiter, ';');
    assert.deepEqual(p.headers, ['id', 'tags, comma, separated, list']);
    assert.deepEqual(p.rows, [['1', 'vip'], ['2', 'new']]);
  });

  test('detects CR line endings and honours the row count', async () => {
    const p = await previewCsv(await file('a,b\r1,2\r3,4\r5,6\r'), { rows: 2 });
    assert.equal(p.lineEnding, 'CR');
    assert.deepEqual(p.rows, [['1', '2'], ['3', '4']]);
  });
});

describe('previewCsv issues', () => {
  test('invisible characters: in a cell a problem named by line and column; around a header a note saying how it is read', async () => {
    const p = await previewCsv(await file('email\u200B,first_name\njane@x.com,Jane\u00A0Doe\n'));
    const problems = find(p.issues, 'invisible-character').map((i) => i.message);
    assert.deepEqual(problems.length, 1);
    assert.match(problems[0] ?? '', /Line 2, column "first_name".*non-breaking space/);
    assert.match(find(p.notes, 'invisible-character')[0]?.message ?? '', /^Header "email<U\+200B>" \(column 1 \(A\)\) contains a zero-width space \(U\+200B\); it is ignored, and the column is read as "email"\.$/);
    const inside = await previewCsv(await file('First\u00A0Name,x\nJane,1\n'));
    assert.match(find(inside.issues, 'invisible-character')[0]?.message ?? '', /inside the name\. Retype the header/);
  });

  test('duplicate and empty headers', async () => {
    const p = await previewCsv(await file('email,,first_name,email\na,b,c,d\n'));
    assert.equal(find(p.issues, 'duplicate-header')[0]?.message, 'Column 1 (A) and column 4 (D) are both named "email". Rename one of them: each column needs its own name.');
    assert.match(find(p.issues, 'empty-header')[0]?.message ?? '', /The header of column 2 \(B\) is empty/);
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
    // A header matched by a suggestion, or kept as a custom field, is a note, not a problem.
    assert.deepEqual(p.issues, []);
    const unknown = find(p.notes, 'unknown-header').map((i) => i.message);
    assert.equal(unknown.length, 2);
    assert.match(unknown[0] ?? '', /^Header "Email" is mapped to email \(suggested from its name\)/);
    assert.match(unknown[1] ?? '', /"Loyalty Points".*custom_fields\.loyalty_points/);
  });

  test('a record type without custom_fields: unknown headers are said to be left out', async () => {
    const p = await previewCsv(await file('product_id,Colour Name\nP1,red\n'), { recordType: 'product' });
    assert.match(find(p.issues, 'unknown-header')[0]?.message ?? '', /"Colour Name" matches no field of product, which has no custom_fields, so the column will be left out/);
  });

  test('no record type: no unknown-header issues', async () => {
    const p = await previewCsv(await file('whatever,else\n1,2\n'));
    assert.deepEqual(p.issues, []);
  });
});

// Minimal inputs of the kinds found in Excel, Sheets and Shopify exports.
describe('previewCsv agrees with conversion', () => {
  test('a UTF-8 file with a few Windows-1252 lines: each line decoded on its own, the fallback lines named', async () => {
    const bytes = Buffer.concat([Buffer.from('first_name,city\nZoë,Genève\n', 'utf8'), iconv.encode('René,Zürich\n', 'windows-1252'), Buffer.from('Chloé,Québec\n', 'utf8')]);
    const p = await previewCsv(await file(bytes));
    assert.equal(p.encoding, 'UTF-8 and Windows-1252');
    assert.deepEqual(p.rows, [['Zoë', 'Genève'], ['René', 'Zürich'], ['Chloé', 'Québec']]);
    assert.match(find(p.issues, 'not-utf8')[0]?.message ?? '', /^The file is UTF-8 except line 3, which is not UTF-8 and was read as Windows-1252/);
  });

  test('a head of plain ASCII says what the encoding is so far and that conversion reads the whole file', async () => {
    const path = join(dir, 'late-accent.csv');
    await writeFile(path, Buffer.concat([Buffer.from(`first_name\n${'Ann\n'.repeat(100_000)}`), iconv.encode('René\n', 'windows-1252')]));
    const p = await previewCsv(path, { rows: 5 });
    assert.equal(p.encoding, ASCII_SO_FAR);
    assert.match(p.encoding, /ASCII so far/);
    assert.match(find(p.notes, 'encoding')[0]?.message ?? '', /The first 256 KiB are plain ASCII.*so far.*Conversion reads the whole file/);
    const whole = await previewCsv(await file('first_name\nAnn\n'));
    assert.equal(whole.encoding, 'UTF-8', 'a whole file of ASCII is UTF-8');
  });

  test('Excel\'s "sep=;" first line is recognised, used and skipped', async () => {
    const p = await previewCsv(await file('sep=;\r\nemail;price\r\na@b.co;1,5\r\nb@b.co;2;x\r\n'));
    assert.equal(p.delimiter, ';');
    assert.deepEqual(p.headers, ['email', 'price']);
    assert.deepEqual(p.rows[0], ['a@b.co', '1,5']);
    assert.match(find(p.notes, 'sep-line')[0]?.message ?? '', /"sep=;" is Excel's delimiter hint/);
    assert.deepEqual(find(p.issues, 'ragged-row').map((i) => i.message.slice(0, 7)), ['Line 4 ']);
  });

  test('a header padded with a non-breaking space is read as the field it names, as conversion reads it', async () => {
    const p = await previewCsv(await file('link.email,date_of_birth\u00a0\na@b.co,1985-03-11\n'), { recordType: 'customer_record' });
    assert.deepEqual(p.issues, []);
    assert.match(find(p.notes, 'invisible-character')[0]?.message ?? '', /the column is read as "date_of_birth"/);
    assert.deepEqual(find(p.notes, 'unknown-header'), []);
  });

  test('a column of decimal-comma numbers is a problem that says how to read them', async () => {
    const p = await previewCsv(await file('product_id;price\nP1;29,95\nP2;1.234,50\n'), { recordType: 'product' });
    assert.match(find(p.issues, 'decimal-comma')[0]?.message ?? '', /^Column "price" \(column 2 \(B\)\) writes numbers with a decimal comma \(e\.g\. "29,95"\).*--decimal-comma to read them as 29\.95/);
  });

  test('a Shopify line-item export as purchase: says which required fields no column fills, and how purchases are written', async () => {
    const p = await previewCsv(await file('Name,Email,Lineitem quantity,Lineitem price\n#1001,a@b.co,2,29.95\n'), { recordType: 'purchase' });
    const missing = find(p.issues, 'missing-field')[0]?.message ?? '';
    assert.match(missing, /^No column fills action_at, type, purchase_id, products, which every purchase record needs/);
    assert.match(missing, /products as a JSON list in one cell, e\.g\. \[\{"price_paid": 29\.95, "quantity": 1\}\].*one row per line item.*one record per order with --group-by/);
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
