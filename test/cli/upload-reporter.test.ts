// The upload's bars on a terminal: cli-progress turns the terminal's own line wrapping off while
// it draws, so every line said between the bars must fit the terminal's width by itself.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createUploadReporter } from '../../main/cli/upload-reporter.js';

/** A terminal of `columns` columns that keeps what was written to it. */
function fakeTerminal(columns: number): { stream: NodeJS.WriteStream; text: () => string } {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString('utf8');
      done();
    },
  }) as unknown as NodeJS.WriteStream & Record<string, unknown>;
  const call = (...args: unknown[]) => {
    const cb = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  };
  Object.assign(stream, { isTTY: true, columns, rows: 40, cursorTo: call, moveCursor: call, clearLine: call, clearScreenDown: call, getWindowSize: () => [columns, 40] });
  // eslint-disable-next-line no-control-regex -- the terminal's escape codes are stripped to read the text
  return { stream, text: () => written.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '') };
}

describe('the upload bars in a terminal', () => {
  test('the parts notice wraps at words in a 120-column terminal, never cut mid-word', async () => {
    const terminal = fakeTerminal(120);
    const reporter = await createUploadReporter({ json: false, tty: true }, terminal.stream);
    const label = '/home/analyst/exports/point-of-sale/2026/november/customers-full-export-20261129-v1.ndjson';
    reporter.event(label, { kind: 'compressing', bytesRead: 1e9, totalBytes: 2e9, bytesWritten: 1e8 });
    const part = (index: number) => ({ index, count: 4, filename: `customers-20261129-v1.part${index}.ndjson.gz`, bytes: 1e9 });
    reporter.event(label, {
      kind: 'parts-planned', parts: [1, 2, 3, 4].map(part), sentBytes: 4e9, sourceBytes: 12e9, compressed: true, earlier: [],
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the bars draw (and log) on their own timer
    reporter.stop();
    const lines = terminal.text().split(/\r?\n/);
    const notice = lines.filter((l) => /This file is|parts, each|its own file/.test(l) || l.includes(label.slice(0, 30)));
    assert.ok(notice.length >= 2, `the notice takes more than one line: ${JSON.stringify(notice)}`);
    for (const line of notice) assert.ok(line.length <= 120, `fits 120 columns: ${JSON.stringify(line)} (${line.length})`);
    const joined = notice.join(' ').replace(/\s+/g, ' ');
    assert.match(joined, /it will be sent as 4 parts, each loaded by Lexer as its own file\./);
  });
});
