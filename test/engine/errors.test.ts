import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LexerError, toLexerError } from '../../main/engine/errors.js';

test('a LexerError serialises to code, message and hint, without stack or cause', () => {
  const error = new LexerError('file-empty', 'The file "a.csv" is empty.', { hint: 'Export it again.', cause: new Error('inner') });
  const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
  assert.deepEqual(json, { code: 'file-empty', message: 'The file "a.csv" is empty.', hint: 'Export it again.' });
  assert.equal(error.describe(), 'The file "a.csv" is empty. Export it again.');
});

test('toLexerError keeps a LexerError and wraps anything else as an internal error with a hint', () => {
  const original = new LexerError('token-rejected', 'Lexer rejected the API token.');
  assert.equal(toLexerError(original), original);
  const wrapped = toLexerError(new TypeError('boom'));
  assert.equal(wrapped.code, 'internal');
  assert.match(wrapped.message, /boom/);
  assert.ok(wrapped.hint);
  const abort = new Error('aborted');
  abort.name = 'AbortError';
  assert.equal(toLexerError(abort).code, 'cancelled');
});
