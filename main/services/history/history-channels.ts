/** The History channels: every upload as the window lists it, and the run log's export. */
import { basename } from 'node:path';
import type { HistoryEntry } from '../../contract/history.js';
import { historyCsv, historyRow, readRunLog } from '../../engine/history/history-export.js';
import type { UploadHistory } from '../../engine/history/upload-history.js';
import type { ChannelsOf } from '../channels/handler-types.js';
import { expectArgs as n } from '../channels/validators.js';

/** The history entry as the renderer sees it (no internal timestamps it does not show). */
function toHistoryDto(e: ReturnType<UploadHistory['list']>[number]): HistoryEntry {
  return {
    id: e.id, uploadId: e.uploadId, filePath: e.filePath, filename: e.filename, datasetId: e.datasetId,
    recordType: e.recordType, bytes: e.bytes, status: e.status, createdAt: e.createdAt, finishedAt: e.finishedAt,
    error: e.error ? { code: e.error.code, message: e.error.message, ...(e.error.hint ? { hint: e.error.hint } : {}) } : null,
    interrupted: e.interrupted,
    sandbox: e.sandbox ?? false,
    sourceName: e.sourceName ?? basename(e.filePath),
    requestId: e.requestId ?? null,
    recordsSent: e.recordsSent ?? null,
    recordsLeftOut: e.recordsLeftOut ?? null,
    lines: e.lines ?? null,
    fieldsLeftOut: e.fieldsLeftOut ?? 0,
    leftOutFields: e.leftOutFields ?? [],
    compressed: e.compressed ?? false,
    sourceBytes: e.sourceBytes ?? null,
    parts: e.parts?.map(({ index, filename, status, bytes, uploadId }) => ({ index, filename, status, bytes, uploadId })) ?? null,
    feed: e.feed ?? null,
  };
}

/** Registers `history:*`; `file` is the journal (its archives lie beside it). */
export function historyChannels(d: { readonly history: UploadHistory; readonly file: string }): ChannelsOf<'history'> {
  return {
    'history:list': async (...a) => {
      n(a, 0, 'history:list');
      // Read the file again: uploads `lexer-upload` made since the app opened must appear.
      await d.history.refresh();
      return d.history.list().map(toHistoryDto);
    },
    'history:export': async (...a) => {
      n(a, 0, 'history:export');
      return historyCsv((await readRunLog(d.file)).map(historyRow));
    },
  };
}
