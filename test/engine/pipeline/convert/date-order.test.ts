// Dates in the order people write them: the reading of one value, what it says
// about its column, and what a column's first rows decide. Every ISO result here was checked
// against Lexer's validator (pydantic v1 `date`/`datetime`), which reads only ISO text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dateEvidence, readDate } from '../../../../main/engine/pipeline/convert/date-order.js';
import { detectDateOrders } from '../../../../main/engine/pipeline/csv/detect-date-orders.js';

const ok = (raw: string, order: Parameters<typeof readDate>[1], kind: 'date' | 'date-time' = 'date') => {
  const r = readDate(raw, order, kind);
  assert.ok(r?.ok, `${raw} reads as a date: ${JSON.stringify(r)}`);
  return r.value;
};
const refused = (raw: string, order: Parameters<typeof readDate>[1], kind: 'date' | 'date-time' = 'date') => {
  const r = readDate(raw, order, kind);
  assert.ok(r && !r.ok, `${raw} is refused`);
  return r;
};

describe('readDate', () => {
  test('day/month/year and month/day/year, any of / . - as separator, one or two digits', () => {
    assert.equal(ok('25/03/1985', 'dmy'), '1985-03-25');
    assert.equal(ok('4.3.1985', 'dmy'), '1985-03-04');
    assert.equal(ok('04-03-1985', 'dmy'), '1985-03-04');
    assert.equal(ok('03/25/1985', 'mdy'), '1985-03-25');
    assert.equal(ok('3/4/1985', 'mdy'), '1985-03-04');
    assert.equal(ok(' 29/02/2024 ', 'dmy'), '2024-02-29');
  });

  test('leap years follow the Gregorian rule: 2000 is one, 1900 and 2100 are not', () => {
    assert.equal(ok('29/02/2000', 'dmy'), '2000-02-29');
    assert.equal(ok('02/29/2000', 'mdy'), '2000-02-29');
    assert.match(refused('29/02/1900', 'dmy').message, /1900 is not a leap year/);
    assert.match(refused('29/02/2100', 'dmy').message, /2100 is not a leap year/);
  });

  test('year first is read as year/month/day whatever the order; ISO is left to the usual typing', () => {
    assert.equal(ok('1985/03/25', 'dmy'), '1985-03-25');
    assert.equal(ok('1985.3.4', undefined), '1985-03-04');
    assert.equal(readDate('1985-03-25', 'dmy', 'date'), null);
    assert.equal(readDate('2024-03-25T10:00:00Z', 'dmy', 'date-time'), null);
    assert.equal(readDate('Jane', 'dmy', 'date'), null);
  });

  test('a date that is no date in the order says why, and whether the other order would read it', () => {
    const month = refused('03/25/1985', 'dmy');
    assert.equal(month.rule, 'not a day/month/year date');
    assert.match(month.message, /"03\/25\/1985" is not a day\/month\/year date \(there is no month 25\)/);
    assert.equal(month.conflict, true);
    const leap = refused('29/02/1985', 'dmy');
    assert.match(leap.message, /1985 is not a leap year/);
    assert.equal(leap.conflict, false, 'no order reads 29/02/1985');
    assert.match(refused('31/04/1985', 'dmy').message, /April has 30 days/);
    assert.equal(refused('03/04/1985', undefined).rule, 'date order not known');
    const neither = refused('13/13/1990', undefined);
    assert.equal(neither.rule, 'not a date');
    assert.match(neither.message, /"13\/13\/1990" is not a date in either order of day and month \(as day\/month\/year, there is no month 13\)/);
    assert.equal(neither.conflict, false, 'a row to refuse, not a question about the column');
    assert.equal(refused('03/04/1985', 'ymd').rule, 'not a year/month/day date');
    assert.match(refused('03/04/85', 'dmy').message, /two-digit year/);
  });

  test('times: 24-hour, 12-hour, seconds, fractions, zones; a date field takes midnight only', () => {
    assert.equal(ok('25/03/2024 14:30', 'dmy', 'date-time'), '2024-03-25T14:30:00');
    assert.equal(ok('03/25/2024 2:30 PM', 'mdy', 'date-time'), '2024-03-25T14:30:00');
    assert.equal(ok('25/03/2024 12:05:09 am', 'dmy', 'date-time'), '2024-03-25T00:05:09');
    assert.equal(ok('25.03.2024 14:30:00.1234567+10:00', 'dmy', 'date-time'), '2024-03-25T14:30:00.123456+10:00');
    assert.equal(ok('25/03/2024 0:00', 'dmy'), '2024-03-25');
    assert.equal(ok('1985-03-25 00:00:00', 'dmy'), '1985-03-25');
    assert.equal(refused('25/03/2024 14:30', 'dmy').rule, 'a time in a date');
    assert.equal(refused('25/03/2024 25:30', 'dmy', 'date-time').rule, 'not a time');
    assert.match(refused('25/03/2024', 'dmy', 'date-time').message, /"25\/03\/2024" is a date without a time of day, and this field needs both \(e\.g\. "25\/03\/2024 00:00"\)/);
  });
});

describe('what values say about their column', () => {
  test('a first part over 12 is a day; a second part over 12 is a day; both 12 or under could be either', () => {
    assert.deepEqual(['25/03/1985', '03/25/1985', '03/04/1985', '1985/03/04', '1985-03-04', '45/03/1985', 'x'].map(dateEvidence), ['dmy', 'mdy', 'either', 'ymd', null, null, null]);
  });

  test('a column is decided, ambiguous or mixed; columns without such dates are left out', () => {
    const rows = [
      { line: 2, cells: ['03/04/1985', '03/04/1985', '1985-03-04', '03/04/1985', 'a'] },
      { line: 3, cells: ['25/12/1990', '01/02/2000', '', '12/31/1990', 'b'] },
      { line: 4, cells: ['', '', '', '31/12/1990', 'c'] },
    ];
    const found = detectDateOrders(['Birthday', 'Joined', 'Iso', 'Mixed', 'Name'], rows);
    assert.deepEqual(found.map((f) => [f.header, f.state, f.order, f.example.line]), [
      ['Birthday', 'decided', 'dmy', 3],
      ['Joined', 'ambiguous', null, 2],
      ['Mixed', 'mixed', null, 4],
    ]);
    assert.deepEqual(found[2]?.counter, { value: '12/31/1990', line: 3 });
  });
});
