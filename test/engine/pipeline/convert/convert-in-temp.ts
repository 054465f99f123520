// Shared by the conversion tests: each test file writes its inputs to a temporary folder of its
// own, converts them with the engine and reads back the records written.
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertToNdjson, type ConversionResult, type ConvertOptions } from '../../../../main/engine/pipeline/convert-to-ndjson.js';

export interface ConvertInTemp {
  /** Writes `content` as a new input file with extension `ext`; returns its path. */
  write(content: string, ext?: string): Promise<string>;
  /** Converts `content` (written as a `.ext` file) to NDJSON; `records` is what was written. */
  convert(content: string, o?: Partial<ConvertOptions>, recordType?: ConvertOptions['recordType'], ext?: string): Promise<{ result: ConversionResult; records: Array<Record<string, unknown>> }>;
}

/** A temporary folder made before the enclosing file's tests and removed after, and conversions in it. */
export function useConvertInTemp(prefix: string): ConvertInTemp {
  let dir = '';
  let n = 0;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = async (content: string, ext = 'csv'): Promise<string> => {
    const path = join(dir, `in${n++}.${ext}`);
    await writeFile(path, content);
    return path;
  };
  return {
    write,
    async convert(content, o = {}, recordType = 'customer_record', ext = 'csv') {
      const result = await convertToNdjson(await write(content, ext), { recordType, ...o });
      const text = existsSync(result.output) ? await readFile(result.output, 'utf8') : '';
      return { result, records: text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>) };
    },
  };
}
