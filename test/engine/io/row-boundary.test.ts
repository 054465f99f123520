import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findRowEnd } from '../../../main/engine/io/row-boundary.js';

describe('findRowEnd', () => {
  test('the last complete row ends after its newline', () => {
    assert.equal(findRowEnd('a,b\nc,d\ne', ',', '\n', 'last'), 8);
    assert.equal(findRowEnd('h1,h2\r\na,b', ',', '\r\n', 'first'), 7);
  });
  test('a newline inside a quoted cell does not end the row', () => {
    const text = 'a,"x\ny",b\nc';
    assert.equal(findRowEnd(text, ',', '\n', 'first'), text.indexOf('\nc') + 1);
  });
  test('an unterminated quote, or a quote that may be half of "", waits for more text', () => {
    assert.equal(findRowEnd('a,"x\ny', ',', '\n', 'last'), -1);
    assert.equal(findRowEnd('1,2\na,"x\n""', ',', '\n', 'last'), 4);
  });
  test('a quote inside an unquoted cell is a literal character (as papaparse reads it)', () => {
    assert.equal(findRowEnd('q,5" tv\nz', ',', '\n', 'last'), 8);
  });
});
