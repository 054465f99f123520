// Which delimiter a CSV uses: the one on which the header and the rows agree, even when another
// character turns up more often in the header (a free-text column name with commas in it).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDelimiter } from '../../../../main/engine/pipeline/csv/detect-dialect.js';

describe('detectDelimiter', () => {
  test('a ";" file whose header holds more commas than semicolons stays ";"', () => {
    const text = 'id;tags, comma, separated, list\n1;vip\n2;new\n3;lapsed\n';
    assert.equal(detectDelimiter(text), ';');
  });

  test('among delimiters every row agrees on, the one giving more columns wins', () => {
    // Split on ",", every row has 2 columns; split on ";", every row has 3.
    assert.equal(detectDelimiter('a;b,x;c\n1;2,y;3\n4;5,z;6\n'), ';');
    assert.equal(detectDelimiter('a,b;x,c\n1,2;y,3\n4,5;z,6\n'), ',');
  });

  test('each of the four delimiters is found, and "," when nothing splits the header', () => {
    for (const d of [',', ';', '\t', '|']) assert.equal(detectDelimiter(`a${d}b\n1${d}2\n`), d, JSON.stringify(d));
    assert.equal(detectDelimiter('email\njane@example.com\n'), ',');
  });
});
