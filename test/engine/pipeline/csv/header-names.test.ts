// How messages name a column and show what a person cannot see in a cell or a header.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanHeader, columnLetter, columnName } from '../../../../main/engine/pipeline/csv/header-names.js';
import { findInvisibleCharacters, showInvisible } from '../../../../main/engine/pipeline/csv/invisible-characters.js';

describe('column names in messages', () => {
  test('use the letters a spreadsheet shows: A to Z, then AA, AZ, BA ... ZZ, AAA', () => {
    const cases: Array<[number, string]> = [[0, 'A'], [1, 'B'], [25, 'Z'], [26, 'AA'], [27, 'AB'], [51, 'AZ'], [52, 'BA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']];
    for (const [index, letters] of cases) assert.equal(columnLetter(index), letters, String(index));
    assert.equal(columnName(2), 'column 3 (C)');
    assert.equal(columnName(27), 'column 28 (AB)');
  });
});

describe('headers', () => {
  test('are matched without zero-width characters anywhere, or white space (NBSP too) at their ends', () => {
    assert.equal(cleanHeader('\ufeffdate_of\u200b_birth\u00a0'), 'date_of_birth');
    assert.equal(cleanHeader(' \u200c\u200dEmail\u2060 '), 'Email');
    assert.equal(cleanHeader('first name'), 'first name', 'a space inside is part of the name');
  });
});

describe('invisible characters', () => {
  test('are each named once in plain words, control characters by their code', () => {
    assert.deepEqual(findInvisibleCharacters('a\u00a0b\u00a0c\u200b'), ['a non-breaking space (U+00A0)', 'a zero-width space (U+200B)']);
    assert.deepEqual(findInvisibleCharacters('\u200c\u200d\u2060\ufeff'), [
      'a zero-width non-joiner (U+200C)', 'a zero-width joiner (U+200D)', 'a word joiner (U+2060)', 'a byte-order mark (U+FEFF)',
    ]);
    assert.deepEqual(findInvisibleCharacters('x\u0000y\u001fz\u007f'), ['a control character (U+0000)', 'a control character (U+001F)', 'a control character (U+007F)']);
    assert.deepEqual(findInvisibleCharacters('tab\tand\r\nbreaks are data'), []);
  });

  test('are shown by their code where a message quotes the value', () => {
    assert.equal(showInvisible('Email\u200b'), 'Email<U+200B>');
    assert.equal(showInvisible('\u0007bell\u00a0'), '<U+0007>bell<U+00A0>');
    assert.equal(showInvisible('plain\ttext'), 'plain\ttext');
  });
});
