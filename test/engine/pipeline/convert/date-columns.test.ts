// Conversion of date columns written the way people write them: the order is
// detected from the head, or chosen; a file that cannot decide is refused before anything is
// written; a later date that contradicts the detected order stops the conversion (no output).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { convertToNdjson, type ConvertOptions } from '../../../../main/engine/pipeline/convert-to-ndjson.js';
import { useConvertInTemp } from './convert-in-temp.js';
import { LexerError } from '../../../../main/engine/errors.js';

const { convert, write } = useConvertInTemp('lexer-dates-');

async function refusal(csv: string, o: Partial<ConvertOptions> = {}): Promise<LexerError> {
  const path = await write(csv);
  const output = `${path}.ndjson`;
  const error = await convertToNdjson(path, { recordType: 'customer_record', output, ...o }).then(() => null, (e: unknown) => e);
  assert.ok(error instanceof LexerError, `refused with a LexerError, got ${String(error)}`);
  assert.equal(existsSync(output), false, 'no output file is left');
  return error;
}

describe('date order: detected from the first rows', () => {
  test('a day over 12 decides day/month/year for the whole column; every date is written ISO', async () => {
    const { result, records } = await convert('email,date_of_birth\na@example.com,04/03/1985\nb@example.com,25/12/1990\nc@example.com,\n');
    assert.equal(result.written, 3);
    assert.deepEqual(records.map((r) => r.date_of_birth), ['1985-03-04', '1990-12-25', undefined]);
    assert.ok(result.notes.some((note) => /date_of_birth: dates read as day\/month\/year \(as the column's first rows show\)/.test(note)), result.notes.join('\n'));
  });

  test('month first is detected the same way (03/25/1985)', async () => {
    const { records } = await convert('email,date_of_birth\na@example.com,04/03/1985\nb@example.com,12/25/1990\n');
    assert.deepEqual(records.map((r) => r.date_of_birth), ['1985-04-03', '1990-12-25']);
  });

  test('each date column is decided on its own; date-times keep their time', async () => {
    const csv = 'link.email,action_at,email_id\na@example.com,13/01/2024 09:15,e1\nb@example.com,01/02/2024 17:00,e2\n';
    const { records } = await convert(csv, {}, 'email_open');
    assert.deepEqual(records.map((r) => r.action_at), ['2024-01-13T09:15:00', '2024-02-01T17:00:00']);
  });

  test('dates that could be either order are refused with a hint, naming the column and an example', async () => {
    const e = await refusal('email,Birthday\na@example.com,03/04/1985\nb@example.com,01/02/1990\n', { mapping: { columns: { email: 'link.email', Birthday: 'date_of_birth' } } });
    assert.equal(e.code, 'date-order-unknown');
    assert.match(e.message, /Cannot tell the order of day and month in column "Birthday" \(date_of_birth\): its first 2 dates, like "03\/04\/1985" on line 2/);
    assert.match(e.hint ?? '', /--date-order dmy/);
  });

  test('a column whose first rows mix orders is refused, naming one date of each', async () => {
    const e = await refusal('email,date_of_birth\na@example.com,13/04/1985\nb@example.com,04/13/1985\n');
    assert.equal(e.code, 'date-order-unknown');
    assert.match(e.message, /line 2 has "13\/04\/1985" \(day first\) and line 3 has "04\/13\/1985" \(month first\)/);
  });
});

describe('date order: chosen', () => {
  test('--date-order applies to every date column; a date that does not fit is a rejected row, not a failure', async () => {
    const { result, records } = await convert('email,date_of_birth\na@example.com,03/04/1985\nb@example.com,04/13/1985\n', { dateOrder: 'dmy' });
    assert.deepEqual(records.map((r) => r.date_of_birth), ['1985-04-03']);
    assert.equal(result.rejected, 1);
    assert.deepEqual(result.errors.map((e) => [e.line, e.message]), [[3, 'date_of_birth: "04/13/1985" is not a day/month/year date (there is no month 13)']]);
    assert.deepEqual(result.summary.map((g) => [g.field, g.rule]), [['date_of_birth', 'not a day/month/year date']]);
  });

  test('an order chosen for one column (the app\'s mapping) leaves the others to detection', async () => {
    const csv = 'email,date_of_birth,Joined\na@example.com,03/04/1985,13/01/2020\n';
    const mapping = { columns: { email: 'link.email', Joined: 'custom_fields.joined' }, dateOrders: { date_of_birth: 'mdy' as const } };
    const { records } = await convert(csv, { mapping });
    assert.equal(records[0]?.date_of_birth, '1985-03-04');
  });
});

describe('date order: later rows are checked against the order the head chose', () => {
  // More rows than the sample (256 KiB) that say day first, then one that is only month first.
  const head = Array.from({ length: 40_000 }, (_, i) => `c${i}@example.com,${String(13 + (i % 16)).padStart(2, '0')}/0${1 + (i % 9)}/1985\n`).join('');

  for (const workers of [0, 2]) {
    test(`a contradicting date past the sample stops the conversion with its line, no output (workers: ${workers})`, async () => {
      const e = await refusal(`email,date_of_birth\n${head}late@example.com,04/13/1985\n`, { workers });
      assert.equal(e.code, 'date-order-unknown');
      assert.match(e.message, /Column B, "date_of_birth", was read as day\/month\/year from its first rows, but line 40002 has "04\/13\/1985", which is only a month\/day\/year date\. No output was written/);
    });
  }

  test('a sparse column whose first dates come after the sample: the order was not known, so it stops', async () => {
    const blanks = Array.from({ length: 80_000 }, (_, i) => `c${i}@example.com,\n`).join('');
    const e = await refusal(`email,date_of_birth\n${blanks}late@example.com,04/03/1985\n`, { workers: 2 });
    assert.match(e.message, /had no dates like "04\/03\/1985" in its first rows, so the order of day and month was not known when line 80002 brought one/);
    assert.match(e.hint ?? '', /--date-order/);
  });
});
