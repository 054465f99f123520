// The last layer before a watched folder's `.error.txt` reaches the disk: whatever the error says,
// the file never holds the token (in any form) or a presigned link's query, which would let
// anyone who can read the shared folder upload with the person's credentials.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { access, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LexerError } from '../../../main/engine/errors.js';
import { errorText, settleFailed, settleSent } from '../../../main/engine/feeds/feed-moves.js';
import { openFilesUnder } from '../../helpers/open-files.js';

const TOKEN = 'feed+token/with="quote"\\and=0123';
const LINK = 'https://bucket.s3.amazonaws.com/u1/pos.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261130&X-Amz-Signature=deadbeef';

describe('settleFailed', () => {
  let dir = '';
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'lexer-feed-moves-'))));
  after(async () => rm(dir, { recursive: true, force: true }));

  test('writes an error file without the token or a link\'s query, even when the error itself holds them', async () => {
    const file = join(dir, 'pos-20261130-v1.csv');
    await writeFile(file, 'id\n1\n');
    // An error no earlier layer masked: the token as sent, JSON-escaped and percent-encoded, and a live link.
    const error = new LexerError('upload-rejected', `S3 refused ${LINK} for token ${TOKEN} (${JSON.stringify(TOKEN).slice(1, -1)}).`, {
      hint: `Check http://127.0.0.1:9000/keys/${encodeURIComponent(TOKEN)}?sig=secret and try again.`,
    });
    const { movedTo: path, noteFile } = await settleFailed(file, error, [`line 2: "${LINK}" is not an email address`], { folder: dir, token: TOKEN });
    const errorFile = noteFile!;

    assert.equal(path, join(dir, 'failed', 'pos-20261130-v1.csv'));
    assert.deepEqual((await readdir(join(dir, 'failed'))).sort(), ['pos-20261130-v1.csv', 'pos-20261130-v1.csv.error.txt']);
    const text = await readFile(errorFile, 'utf8');
    for (const secret of [TOKEN, JSON.stringify(TOKEN).slice(1, -1), encodeURIComponent(TOKEN), 'X-Amz-Signature', 'deadbeef', 'AKIA', 'sig=secret']) {
      assert.ok(!text.includes(secret), `the error file holds ${secret}:\n${text}`);
    }
    // What is left still tells the person what happened and where.
    assert.match(text, /^pos-20261130-v1\.csv was not sent to Lexer\./);
    assert.match(text, /What happened: S3 refused https:\/\/bucket\.s3\.amazonaws\.com\/u1\/pos\.csv for token \[token hidden\] \(\[token hidden\]\)\./);
    assert.match(text, /What to do: Check http:\/\/127\.0\.0\.1:9000\/keys\/\[token hidden\] and try again\./);
    assert.match(text, /line 2: "https:\/\/bucket\.s3\.amazonaws\.com\/u1\/pos\.csv" is not an email address/);
    assert.match(text, /error code: upload-rejected/);
  });

  test('a gzipped file failing twice keeps both, numbered before .csv.gz, each with its own error file', async () => {
    const name = 'crm-20261130-v1.csv.gz';
    const error = new LexerError('file-empty', 'The file is empty.');
    for (const content of ['first', 'second']) {
      await writeFile(join(dir, name), content);
      await settleFailed(join(dir, name), error, [], { folder: dir, token: TOKEN });
    }
    const failed = (await readdir(join(dir, 'failed'))).filter((f) => f.startsWith('crm-'));
    assert.deepEqual(failed.sort(), ['crm-20261130-v1-2.csv.gz', 'crm-20261130-v1-2.csv.gz.error.txt', 'crm-20261130-v1.csv.gz', 'crm-20261130-v1.csv.gz.error.txt']);
    assert.equal(await readFile(join(dir, 'failed', 'crm-20261130-v1-2.csv.gz'), 'utf8'), 'second');
    // An error without a hint of its own says how to send the file again.
    const text = await readFile(join(dir, 'failed', 'crm-20261130-v1-2.csv.gz.error.txt'), 'utf8');
    assert.match(text, /What to do: Fix the file, then move it back into the watched folder to send it again\./);
    assert.ok(!/\n\n\n/.test(text), 'no empty details section');
  });

  test('the error file reads as a letter: what happened, what to do, the details, where and when', async () => {
    const file = join(dir, 'shop-20261130-v1.csv');
    await writeFile(file, 'id\n1\n');
    const error = new LexerError('request-refused', 'Lexer refused the request (HTTP 422): bad name.', { hint: 'Rename the file.' });
    const errorFile = (await settleFailed(file, error, ['line 2: link.email: "x" is not an email address', 'line 3: too'], { folder: dir, token: TOKEN })).noteFile!;
    const text = (await readFile(errorFile, 'utf8')).replace(/^Moved here: \S+ /m, 'Moved here: <when> ');
    assert.equal(text, [
      'shop-20261130-v1.csv was not sent to Lexer.',
      '',
      'What happened: Lexer refused the request (HTTP 422): bad name.',
      'What to do: Rename the file.',
      '',
      'line 2: link.email: "x" is not an email address',
      'line 3: too',
      '',
      `Watched folder: ${dir}`,
      'Moved here: <when> (error code: request-refused)',
      'To send it again, move the file back into the watched folder.',
      '',
    ].join('\n'));
  });
});

describe('errorText', () => {
  test('without details there is no details section, and without a hint the file says how to send it again', () => {
    const error = new LexerError('file-unreadable', 'The file could not be read.');
    assert.equal(errorText('pos.csv', error, [], { folder: '/watched', at: new Date('2026-12-06T10:00:00Z') }), [
      'pos.csv was not sent to Lexer.',
      '',
      'What happened: The file could not be read.',
      'What to do: Fix the file, then move it back into the watched folder to send it again.',
      '',
      'Watched folder: /watched',
      'Moved here: 2026-12-06T10:00:00.000Z (error code: file-unreadable)',
      'To send it again, move the file back into the watched folder.',
      '',
    ].join('\n'));
  });
});

describe('settleSent', () => {
  let dir = '';
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'lexer-feed-sent-'))));
  after(async () => rm(dir, { recursive: true, force: true }));

  test('leaves the file, deletes it, or moves it to sent/ with its note beside it, as the folder says', async () => {
    const left = join(dir, 'left.csv');
    await writeFile(left, 'a');
    assert.equal((await settleSent(left, dir, 'leave', 'ignored')).movedTo, left);
    assert.equal(await readFile(left, 'utf8'), 'a');

    const gone = join(dir, 'gone.csv');
    await writeFile(gone, 'b');
    assert.equal((await settleSent(gone, dir, 'delete', null)).movedTo, null);
    await assert.rejects(access(gone));

    const sent = join(dir, 'sent-me.csv');
    await writeFile(sent, 'c');
    const target = (await settleSent(sent, dir, 'sent', 'Sent 4 records; 3 left out.')).movedTo;
    assert.equal(target, join(dir, 'sent', 'sent-me.csv'));
    assert.equal(await readFile(`${target}.note.txt`, 'utf8'), 'Sent 4 records; 3 left out.\n');
    await writeFile(sent, 'd');
    const second = (await settleSent(sent, dir, 'sent', null)).movedTo;
    assert.equal(second, join(dir, 'sent', 'sent-me-2.csv'));
    assert.deepEqual((await readdir(join(dir, 'sent'))).sort(), ['sent-me-2.csv', 'sent-me.csv', 'sent-me.csv.note.txt']);
  });

  test('a file already gone when it is to be deleted (someone took it meanwhile) is no error', async () => {
    assert.deepEqual(await settleSent(join(dir, 'never-there.csv'), dir, 'delete', null), { movedTo: null, noteFile: null, problem: null });
  });

  // A watched folder runs for weeks: a descriptor kept per file would end in "too many open files".
  test('moving many files keeps no file or folder open', { skip: !existsSync('/proc/self/fd') && 'no /proc/self/fd here' }, async () => {
    assert.deepEqual(await openFilesUnder(dir), []);
    for (let i = 0; i < 20; i++) {
      const file = join(dir, `many-${i}.csv`);
      await writeFile(file, 'x');
      await settleSent(file, dir, 'sent', 'sent');
      await writeFile(file, 'y');
      await settleFailed(file, new LexerError('request-refused', 'no'), [], { folder: dir, token: TOKEN });
    }
    assert.deepEqual(await openFilesUnder(dir), []);
  });
});
