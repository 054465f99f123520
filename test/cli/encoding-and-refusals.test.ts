// The command's side of files real exports come in: --encoding on convert and preview settles a
// file no single encoding reads (exit 2 until it is given, as for --date-order), and upload
// refuses UTF-16 without a mark and zero-byte files before anything is sent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli-helpers.js';
import { bcpExport, MAC_NAMES, MAC_ROMAN_EXPORT, MIXED_MAC_AND_WINDOWS, ZERO_BYTES } from '../engine/pipeline/real-exports/fixtures.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lexer-cli-encoding-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe('lexer-upload --encoding', () => {
  test('convert: a file no single encoding reads exits 2 naming --encoding; with it, the file converts', async () => {
    const mixed = await write('joined.csv', MIXED_MAC_AND_WINDOWS);
    const refused = await runCli(['convert', mixed, '--record-type', 'customer_record']);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /no single encoding reads all of it: lines 2 and 3 do not read as Windows-1252; lines 4 and 5 do not read as Mac Roman/);
    assert.match(refused.stderr, /--encoding windows-1252 or --encoding mac-roman/);
    const mac = await write('contacts.csv', MAC_ROMAN_EXPORT);
    const chosen = await runCli(['convert', mac, '--record-type', 'customer_record', '--encoding', 'mac-roman', '--json']);
    assert.equal(chosen.code, 0, chosen.stderr);
    const r = JSON.parse(chosen.stdout) as { encoding: string; output: string };
    assert.equal(r.encoding, 'Mac Roman (as chosen)');
    const names = (await readFile(r.output, 'utf8')).trim().split('\n').map((l) => (JSON.parse(l) as { first_name: string }).first_name);
    assert.deepEqual(names, MAC_NAMES);
  });

  test('preview reads in the chosen encoding; an unknown name is a usage error listing the encodings', async () => {
    const mac = await write('contacts-2.csv', MAC_ROMAN_EXPORT);
    const p = await runCli(['preview', mac, '--encoding', 'mac-roman', '--json']);
    assert.equal(p.code, 0, p.stderr);
    assert.equal((JSON.parse(p.stdout) as { encoding: string }).encoding, 'Mac Roman (as chosen)');
    const wrong = await runCli(['preview', mac, '--encoding', 'ebcdic']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /"ebcdic" is not an encoding this tool reads: utf-8, windows-1252, mac-roman, latin1, utf-16le, utf-16be, utf-32le, utf-32be/);
  });
});

describe('lexer-upload upload refuses before sending', () => {
  test('UTF-16 without a byte-order mark, and a file of zero bytes', async () => {
    const bcp = await runCli(['upload', await write('customers.csv', bcpExport('utf-16le'))]);
    assert.equal(bcp.code, 1);
    assert.match(bcp.stderr, /customers\.csv is UTF-16LE text without a byte-order mark, so Lexer could not tell how to read it\.\n.*lexer-upload convert customers\.csv --record-type TYPE writes UTF-8/);
    const zeros = await runCli(['upload', await write('download.csv', ZERO_BYTES)]);
    assert.equal(zeros.code, 1);
    assert.match(zeros.stderr, /download\.csv is not a text file \(only zero bytes\)/);
  });
});
