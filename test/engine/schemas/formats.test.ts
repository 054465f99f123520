import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHttpUrl, isLexerDate, isLexerDateTime, isLexerEmail, isOptionalLexerEmail } from '../../../main/engine/schemas/common/formats.js';
import { dateDigits, timestampDate } from '../../../main/engine/schemas/common/dates.js';
import { httpUrlProblem } from '../../../main/engine/schemas/common/http-url.js';

test('dates are YYYY-MM-DD naming a real day', () => {
  for (const ok of ['2023-03-06', '2024-02-29', '2023-3-6']) assert.ok(isLexerDate(ok), ok);
  for (const bad of ['2023-02-29', '2023-13-01', '06/03/2023', '2023-03-06T00:00:00Z', '', '20230306']) assert.ok(!isLexerDate(bad), bad);
});

test('leap years follow the Gregorian rule, as Python’s date() does: 2000 is one, 1900 and 2100 are not', () => {
  assert.ok(isLexerDate('2000-02-29'));
  assert.ok(isLexerDate('2000-2-29'), 'the short form is checked by the same rule');
  assert.ok(isLexerDateTime('2000-02-29T08:00:00Z'));
  for (const bad of ['1900-02-29', '2100-02-29', '1900-2-29', '2100-02-29T08:00:00Z']) {
    assert.ok(!(bad.includes('T') ? isLexerDateTime(bad) : isLexerDate(bad)), bad);
  }
});

test('date-times need a time; the zone is optional; numbers are timestamps, but not dates written as digits', () => {
  for (const ok of ['2023-03-06T12:26:47Z', '2023-03-06T12:26', '2023-03-06 12:26:47.123456', '2023-03-06T12:26:47+1000', '1678105607', '1678105607.5']) {
    assert.ok(isLexerDateTime(ok), ok);
  }
  for (const bad of ['2023-03-06', '2023-03-06T25:00:00Z', '2023-03-06T12:26:47 Z', 'yesterday', '', '20230306', '2023', 'inf']) assert.ok(!isLexerDateTime(bad), bad);
});

test('timestamps read as pydantic reads them: seconds, or milliseconds above 2e10, in UTC', () => {
  assert.equal(timestampDate(479347200), '1985-03-11');
  assert.equal(timestampDate(479347200000), '1985-03-11');
  assert.equal(timestampDate(-86400), '1969-12-31');
  assert.equal(dateDigits('19850304'), '1985-03-04');
  assert.equal(dateDigits(20230306), '2023-03-06');
  assert.equal(dateDigits('1985'), '1985');
  // Midnight timestamps in 1970 never spell a date; real timestamps are left alone.
  for (const n of [19008000, 19872000, 479347200, 1678105607, 19851304]) assert.equal(dateDigits(n), null, String(n));
});

test('emails follow the vendor pattern after strip() and lower()', () => {
  for (const ok of ['jane@fake.com', 'j.a+ne_1@mail.example.co', ' JANE@FAKE.COM\t']) assert.ok(isLexerEmail(ok), ok);
  for (const bad of ['not-an-email', 'jane@localhost', 'jane doe@fake.com', '@fake.com', '', '\ufeffjane@fake.com']) assert.ok(!isLexerEmail(bad), bad);
  assert.ok(isOptionalLexerEmail(''));
  assert.ok(!isOptionalLexerEmail(' '));
});

test('image URLs are pydantic HttpUrls', () => {
  assert.ok(isHttpUrl('https://fake.com/images/a.jpg'));
  assert.ok(!isHttpUrl('ftp://fake.com/a.jpg'));
  assert.ok(!isHttpUrl('https://localhost/a.jpg'));
  assert.ok(!isHttpUrl('https://cdn.example.c/a.jpg'));
  assert.ok(!isHttpUrl(`https://fake.com/${'a'.repeat(2100)}`));
  assert.equal(httpUrlProblem('https://cdn.example.c/a.jpg'), 'URL host invalid, top level domain required');
  assert.equal(httpUrlProblem('https://ex ample.com/'), 'URL invalid, extra characters found after valid URL: " ample.com/"');
  assert.equal(httpUrlProblem('https://[::1]/a.jpg'), null);
  assert.equal(httpUrlProblem('https:///a.jpg'), 'URL host invalid');
});
