/** The file channels: a file's kind, name and blockers, its CSV preview, and deleting the copies the app made. */
import { previewCsv } from '../../engine/pipeline/csv-preview.js';
import type { ChannelsOf } from '../channels/handler-types.js';
import { asEncoding, asFilePath } from '../channels/request-parsers.js';
import { asInteger, asRecordType, asString, expectArgs as n } from '../channels/validators.js';
import type { FileGate } from './file-access.js';
import { checkName, inspectFile } from './inspect-file.js';
import { releaseCopy } from './temp-copies.js';

export interface FileChannelDeps {
  readonly allowed: FileGate;
  /** Folders of copies the app made and may delete (`files:release`): conversion outputs, staged files. */
  readonly copyRoots: readonly string[];
}

/** Registers `files:*` and `preview:*`. */
export function fileChannels(d: FileChannelDeps): ChannelsOf<'files' | 'preview'> {
  return {
    'files:inspect': async (...a) => (n(a, 1, 'files:inspect'), inspectFile(await d.allowed(asFilePath(a[0])))),
    'files:check-name': async (...a) => (n(a, 1, 'files:check-name'), checkName(asString(a[0], 'name', 1024))),
    'files:release': async (...a) => (n(a, 1, 'files:release'), releaseCopy(d.copyRoots, asFilePath(a[0]))),
    'preview:csv': async (...a) => {
      n(a, 4, 'preview:csv');
      const recordType = a[2] === null ? null : asRecordType(a[2]);
      const encoding = a[3] === null ? undefined : asEncoding(a[3]);
      const p = await previewCsv(await d.allowed(asFilePath(a[0])), { rows: asInteger(a[1], 'rows', 1, 1000), recordType, ...(encoding ? { encoding } : {}) });
      const dateColumns = p.dateColumns.map((c) => ({ header: c.header, state: c.state, order: c.order, example: c.example, counter: c.counter ?? null }));
      return { encoding: p.encoding, delimiter: p.delimiter, lineEnding: p.lineEnding, headers: p.headers, rows: p.rows, issues: p.issues, notes: p.notes, dateColumns };
    },
  };
}
