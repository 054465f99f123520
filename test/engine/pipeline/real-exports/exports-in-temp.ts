// Shared by the real-export tests: writes a fixture's bytes under its export's own name in a
// folder of the test file's own, converts it with the engine, and hands back what was written
// (the NDJSON text, for Lexer's validator, and its records), with a running parity count.
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertToNdjson, type ConversionResult, type ConvertOptions } from '../../../../main/engine/pipeline/convert-to-ndjson.js';
import { Parity } from '../../../helpers/vendor-validator.js';

export interface Converted { result: ConversionResult; text: string; records: Array<Record<string, unknown>> }

export interface ExportsInTemp {
  /** Writes `bytes` as `name` in the folder; returns its path. */
  write(name: string, bytes: string | Uint8Array): Promise<string>;
  /** Writes and converts a fixture as `name`; `text` is the NDJSON written ('' when none). */
  convert(name: string, bytes: string | Uint8Array, o?: Partial<ConvertOptions>): Promise<Converted>;
  /** This file's count of cases put to Lexer's validator, printed after its tests. */
  parity: Parity;
}

/** A temporary folder for the enclosing test file, removed after its tests. */
export function useExportsInTemp(prefix: string): ExportsInTemp {
  let dir = '';
  let n = 0;
  const parity = new Parity();
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  after(async () => {
    if (parity.cases > 0) console.log(`${prefix}: ${parity.summary()}`);
    await rm(dir, { recursive: true, force: true });
  });
  const write = async (name: string, bytes: string | Uint8Array): Promise<string> => {
    const path = join(dir, `${n++}-${name}`);
    await writeFile(path, bytes);
    return path;
  };
  return {
    write,
    parity,
    async convert(name, bytes, o = {}) {
      const result = await convertToNdjson(await write(name, bytes), { recordType: 'customer_record', ...o });
      const text = existsSync(result.output) && !result.stoppedEarly ? await readFile(result.output, 'utf8') : '';
      return { result, text, records: text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>) };
    },
  };
}
