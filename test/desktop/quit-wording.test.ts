// The quit question says what quitting does to each kind of upload: a file the person added has
// to be uploaded again; a watched folder's file is sent again at the next start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quitQuestion } from '../../main/desktop/quit-guard.js';

test('files the person added: they would have to be uploaded again', () => {
  const q = quitQuestion(2);
  assert.equal(q.message, '2 files are still uploading.');
  assert.equal(q.detail, 'Quitting now stops them; you would have to upload them again from the start.');
});

test('only watched folders’ files: sent again automatically at the next start, not “upload them again”', () => {
  const one = quitQuestion(1, 1);
  assert.equal(one.message, '1 file is still uploading.');
  assert.equal(one.detail, 'Quitting now stops it. It comes from a watched folder, so it is sent again automatically the next time Lexer Uploader starts.');
  assert.doesNotMatch(quitQuestion(3, 3).detail ?? '', /upload them again/);
  assert.match(quitQuestion(3, 3).detail ?? '', /They come from a watched folder, so they are sent again automatically/);
});

test('both: each kind told what happens to it', () => {
  assert.equal(
    quitQuestion(3, 1).detail,
    'Quitting now stops them. The 2 files you added would have to be uploaded again from the start; the 1 file from watched folders is sent again automatically the next time Lexer Uploader starts.',
  );
});
