import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHttpUrl, isLexerDate, isLexerDateTime, isLexerEmail } from '../../main/schemas/common/formats.js';

test('dates are YYYY-MM-DD naming a real day', () => {
  for (const ok of ['2023-03-06', '2024-02-29', '2023-3-6']) assert.ok(isLexerDate(ok), ok);
  for (const bad of ['2023-02-29', '2023-13-01', '06/03/2023', '2023-03-06T00:00:00Z', '', '20230306']) assert.ok(!isLexerDate(bad), bad);
});

test('date-times need a time; the zone is optional; numbers are timestamps', () => {
  for (const ok of ['2023-03-06T12:26:47Z', '2023-03-06T12:26', '2023-03-06 12:26:47.123456', '2023-03-06T12:26:47+1000', '1678105607', '1678105607.5']) {
    assert.ok(isLexerDateTime(ok), ok);
  }
  for (const bad of ['2023-03-06', '2023-03-06T25:00:00Z', '2023-03-06T12:26:47 Z', 'yesterday', '']) assert.ok(!isLexerDateTime(bad), bad);
});

test('emails follow the vendor pattern', () => {
  for (const ok of ['jane@fake.com', 'j.a+ne_1@mail.example.co']) assert.ok(isLexerEmail(ok), ok);
  for (const bad of ['not-an-email', 'jane@localhost', 'jane doe@fake.com', '@fake.com']) assert.ok(!isLexerEmail(bad), bad);
});

test('image URLs are http(s) with a domain', () => {
  assert.ok(isHttpUrl('https://fake.com/images/a.jpg'));
  assert.ok(!isHttpUrl('ftp://fake.com/a.jpg'));
  assert.ok(!isHttpUrl('https://localhost/a.jpg'));
  assert.ok(!isHttpUrl(`https://fake.com/${'a'.repeat(2100)}`));
});
