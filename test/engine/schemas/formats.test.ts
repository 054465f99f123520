import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHttpUrl, isLexerDate, isLexerDateTime, isLexerEmail, isNumericText, isOptionalLexerEmail } from '../../../main/engine/schemas/common/formats.js';
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

// The edges below were each checked against pydantic 1.10's parsers (pydantic.v1 datetime_parse,
// networks): a value on the wrong side of an edge is a record refused that Lexer takes, or sent
// and refused there.
test('a date names a real day of years 1 to 9999, written with digits only', () => {
  for (const ok of ['0001-01-01', '9999-12-31', '2023-04-30', '2023-1-31', '2023-12-31', '2023-01-01']) assert.ok(isLexerDate(ok), ok);
  for (const bad of ['0000-01-01', '2023-00-10', '2023-01-00', '2023-04-31', '2023-13-1', '202a-01-01', '2023-01-0/', '2023-01-0:', '2023-03-06 ', '2023-003-06', '2023/03/06']) {
    assert.ok(!isLexerDate(bad), bad);
  }
});

test('a date-time\'s hours, minutes, seconds, fraction and zone stay in range', () => {
  for (const ok of ['2023-03-06T23:59:59', '2023-03-06T1:2', '2023-03-06T12:26:47.123456789012', '2023-03-06T12:00+23:59', '2023-03-06T12:00+2359', '2023-03-06T12:00-05', '9999-12-31T00:00']) {
    assert.ok(isLexerDateTime(ok), ok);
  }
  for (const bad of [
    '2023-03-06T24:00', '2023-03-06T23:60', '2023-03-06T23:59:60', '2023-03-06T12:26:47.1234567890123', '2023-03-06T12:00+24:00',
    '2023-03-06T12:00+23:60', '0000-01-01T00:00', '2023-02-29T12:00', '2023-03-06X12:00', '2023-03-06T12:00Z ',
  ]) {
    assert.ok(!isLexerDateTime(bad), bad);
  }
});

test('numeric text is a timestamp as Python\'s float() reads it, when finite', () => {
  for (const ok of [' +1678105607 ', '-86400', '.5', '5.', '1.678e9', '1678105607E0']) assert.ok(isLexerDateTime(ok), ok);
  for (const ok of ['1e5', ' 2 ', '.5', '-5.', '+1E-3']) assert.ok(isNumericText(ok), ok);
  for (const bad of ['1e400', '1,5', '1.2.3', '0x10', 'e5', '.', '']) assert.ok(!isNumericText(bad), bad);
  assert.ok(!isLexerDateTime('1e400'), 'infinity is no moment; refused rather than read as the last day of year 9999');
});

test('timestamps beyond what a date can hold read as Python\'s first and last days; the watershed is 2e10', () => {
  assert.equal(timestampDate(4e20), '9999-12-31');
  assert.equal(timestampDate(-4e20), '0001-01-01');
  assert.equal(timestampDate(2e10), '2603-10-11', '2e10 itself is still seconds');
  assert.equal(timestampDate(2e10 + 1000), '1970-08-20', 'above it, milliseconds');
  assert.equal(timestampDate(479347200000000), '1985-03-11', 'microseconds: divided until it is seconds');
  assert.equal(timestampDate(-2e10), '1336-03-23');
});

test('digits that spell a date: years 1800 to 2199, a real month and day, nothing but zeros after a point', () => {
  for (const [text, spelled] of [['1800', '1800'], ['2199', '2199'], ['19850131', '1985-01-31'], ['19851231', '1985-12-31'], ['19850304.0', '1985-03-04'], [' +19850304 ', '1985-03-04'], ['1985.00', '1985']]) {
    assert.equal(dateDigits(text as string), spelled, text);
  }
  for (const text of ['1799', '2200', '19850004', '19850100', '19850132', '198503', '19850304.5', '-19850304']) assert.equal(dateDigits(text), null, text);
  assert.equal(dateDigits(18000101), '1800-01-01');
  assert.equal(dateDigits(1985.5), null, 'a fraction is a timestamp, not a year');
});

test('emails: the whole value matches the vendor pattern, the domain has a dot and something after it', () => {
  for (const ok of [' jane@fake.com', 'jane@fake.com ', 'jane@sub-domain.example.com', 'JANE+X@FAKE.COM', '\u3000jane@fake.com\u2028']) assert.ok(isLexerEmail(ok), JSON.stringify(ok));
  for (const bad of ['x jane@fake.com', 'jane@fake.com x', 'jane@fake.', 'jane@fa_ke.com', 'jane@@fake.com', 'jane@.fake.com', '\u200bjane@fake.com', '\x7fjane@fake.com']) {
    assert.ok(!isLexerEmail(bad), JSON.stringify(bad));
  }
});

test('Python\'s strip(): every white space it knows, on either side', () => {
  for (const space of ['\t', '\n', '\v', '\f', '\r', '\x1c', '\x1f', ' ', '\x85', '\xa0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000']) {
    assert.ok(isLexerEmail(`${space}jane@fake.com`), `before: ${JSON.stringify(space)}`);
    assert.ok(isLexerEmail(`jane@fake.com${space}${space}`), `after: ${JSON.stringify(space)}`);
    assert.equal(httpUrlProblem(`${space}https://fake.com/a.jpg${space}`), null, `around a URL: ${JSON.stringify(space)}`);
  }
});

test('web addresses: what pydantic\'s HttpUrl accepts and its words for what it refuses', () => {
  for (const ok of [
    'https://user:pw@cdn.example.com/a.jpg', 'https://cdn.example.com:65535/a', 'https://1.2.3.4:8080/x', 'HTTPS://CDN.EXAMPLE.COM/A',
    'https://ex_ample.com/a', 'https://a.b.c.d.example.com/', 'https://例え.テスト/a', `https://fake.com/${'a'.repeat(2066)}`, `https://fake.com/${'😀'.repeat(2066)}`,
  ]) {
    assert.equal(httpUrlProblem(ok), null, ok.slice(0, 40));
  }
  const refused: Array<[string, string]> = [
    ['', 'ensure this value has at least 1 characters'],
    ['   ', 'ensure this value has at least 1 characters'],
    [`https://fake.com/${'a'.repeat(2067)}`, 'ensure this value has at most 2083 characters'],
    [`https://fake.com/${'😀'.repeat(2067)}`, 'ensure this value has at most 2083 characters'],
    ['mailto:a@b.co', 'invalid or missing URL scheme'],
    ['//cdn.example.com/a', 'invalid or missing URL scheme'],
    ['ftp://cdn.example.com/a', 'URL scheme not permitted'],
    ['https://cdn.example.com:65536/a', 'URL port invalid, port cannot exceed 65535'],
    ['https://[::1]:99999/', 'URL port invalid, port cannot exceed 65535'],
    ['https://cdn.example.com/a?x=1#y#z', 'URL invalid, extra characters found after valid URL: "#z"'],
    ['https://-bad-.com/a', 'URL host invalid'],
    ['https://bücher.d/a', 'URL host invalid, top level domain required'],
    ['https://xn--bcher-kva.d/', 'URL host invalid, top level domain required'],
    ['https://1.2.3.4x/', 'URL host invalid, top level domain required'],
    ['https://cdn.example.123/a', 'URL host invalid, top level domain required'],
  ];
  for (const [url, problem] of refused) assert.equal(httpUrlProblem(url), problem, url.slice(0, 40));
});
