import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lastLine, runCli } from './cli-helpers.js';

describe('lexer-upload check-name', () => {
  test('a valid name: exit 0, the name itself on the last line, no problems', async () => {
    const r = await runCli(['check-name', 'customers-20261126-v1.csv']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'customers-20261126-v1.csv\n');
  });

  test('a broken name: each problem, then the fixed name on the last line, exit 1', async () => {
    const r = await runCli(['check-name', 'Café List (final).CSV', '--date', '20261126']);
    assert.equal(r.code, 1);
    assert.equal(lastLine(r.stdout), 'Cafe_List_final-20261126-v1.csv');
    assert.match(r.stdout, /characters other than letters, digits, "-" and "_": "é", " ", "\(", "\)"/);
    assert.match(r.stdout, /no date \(YYYYMMDD\)/);
    assert.match(r.stdout, /no version \(v1\)/);
  });

  test('the fixed name passes its own check', async () => {
    const first = await runCli(['check-name', 'sales report v2.json']);
    const again = await runCli(['check-name', lastLine(first.stdout)]);
    assert.equal(first.code, 1);
    assert.equal(again.code, 0);
    assert.equal(again.stdout.trim(), lastLine(first.stdout));
  });

  test('--no-version leaves the version out; a bad --date is a usage error', async () => {
    const r = await runCli(['check-name', 'x.csv', '--date', '20261126', '--no-version']);
    assert.equal(lastLine(r.stdout), 'x-20261126.csv');
    const bad = await runCli(['check-name', 'x.csv', '--date', '20260231']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /real date written YYYYMMDD/);
  });
});
