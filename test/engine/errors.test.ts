import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LexerError, toErrorInfo, toLexerError } from '../../main/engine/errors.js';

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

test('whether another try can help follows the code, unless the error says otherwise', () => {
  assert.equal(new LexerError('network-error', 'Could not reach the Lexer API.').retryable, true);
  assert.equal(new LexerError('server-error', 'HTTP 503.').retryable, true);
  assert.equal(new LexerError('token-rejected', 'Lexer rejected the API token.').retryable, false);
  assert.equal(new LexerError('upload-rejected', 'S3 refused it (SlowDown).', { retryable: true }).retryable, true);
  assert.equal(new LexerError('upload-rejected', 'S3 refused it (AccessDenied).').retryable, false);
});

test('toErrorInfo gives the plain shape, the hint only when there is one', () => {
  assert.deepEqual(toErrorInfo(new LexerError('duplicate', 'Already sent.')), { code: 'duplicate', message: 'Already sent.' });
  assert.deepEqual(toErrorInfo(new LexerError('usage', 'No.', { hint: 'Do this.' })), { code: 'usage', message: 'No.', hint: 'Do this.' });
  assert.equal(toErrorInfo(new TypeError('boom')).code, 'internal');
});
