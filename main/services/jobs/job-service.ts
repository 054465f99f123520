/**
 * Validation and conversion jobs (`jobs:*`). Each job keeps its FULL error list (the engine's
 * reports are capped; `onError` sees every error) so "Export errors" gives the person every
 * line to fix, and pushes throttled `jobs:progress` events. A second start of a running job id
 * returns the running job instead of reading the file twice.
 */
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import type { ConversionReport, ConvertRequest, JobProgress, LineError, ValidationReport } from '../../contract/jobs.js';
import { validateNdjsonFile } from '../../engine/pipeline/validate-ndjson.js';
import type { RecordTypeName } from '../../engine/schemas/record-type-names.js';
import { LexerError } from '../../engine/errors.js';
import { ensurePrivateDir } from '../../engine/config/private-dir.js';
import { convertToSend } from '../../engine/send/convert-to-send.js';

/** Finished jobs kept for export; older ones are forgotten so memory stays bounded. */
const KEPT_JOBS = 20;

/** One line of "Export error list": the row, its customer (link value), what happened, and why. */
interface ExportRow { line: number; identifier: string; outcome: 'invalid record' | 'record left out' | 'field left out'; field: string; rule: string; message: string }

interface Job {
  /** The file it reads. */
  path: string;
  controller: AbortController;
  errors: ExportRow[];
  running: Promise<unknown> | null;
}

/** An engine problem as an export row. */
function exportRow(outcome: ExportRow['outcome'], e: { line: number; message: string; field: string; rule: string; identifier?: string }): ExportRow {
  return { line: e.line, identifier: e.identifier ?? '', outcome, field: e.field, rule: e.rule, message: e.message };
}

/** A problem as the report shows it: its line, the row's link value, the message. */
function shownError(e: { line: number; message: string; identifier?: string }): LineError {
  return e.identifier === undefined ? { line: e.line, message: e.message } : { line: e.line, message: e.message, identifier: e.identifier };
}

export interface JobService {
  validate(jobId: string, path: string, recordType: RecordTypeName): Promise<ValidationReport>;
  convert(jobId: string, request: ConvertRequest): Promise<ConversionReport>;
  /** Whether `path` is a conversion output whose e-mail addresses were hashed (Settings: sent only hashed). */
  hashed(path: string): boolean;
  cancel(jobId: string): boolean;
  exportErrors(jobId: string): string;
  /** Whether a check or conversion under way reads the file at `path`. */
  reads(path: string): boolean;
  dispose(): void;
}

/** The output name for a converted file: the input's base name with `.ndjson` (or `.ndjson.gz`). */
export function convertedName(input: string, gzip: boolean): string {
  const base = basename(input).replace(/(\.gz)?$/i, '').replace(/\.(csv|json|txt|tsv|ndjson|jsonl)$/i, '');
  return `${base || 'converted'}.ndjson${gzip ? '.gz' : ''}`;
}

/**
 * Creates the job service; converted files go to `<userDataDir>/converted/<random>/` (the folder
 * 0700, the file 0600: customer data), and each conversion's counts go to the ledger in
 * `ledgerDir`, so its upload can say what was left out.
 */
export function createJobService(o: { userDataDir: string; ledgerDir: string; emitProgress: (p: JobProgress) => void; hashEmails?: () => boolean }): JobService {
  const jobs = new Map<string, Job>();
  // Outputs whose addresses were hashed: with Settings' "only hashed", an upload sends only these.
  const hashedOutputs = new Set<string>();

  // The engine already reports at most every PROGRESS_INTERVAL_MS, with a last report at the end.
  const progressReporter = (jobId: string) => (p: { bytesRead: number; totalBytes: number; lines: number }) =>
    o.emitProgress({ jobId, bytesRead: p.bytesRead, totalBytes: p.totalBytes, lines: p.lines });

  const run = <T>(jobId: string, path: string, work: (job: Job) => Promise<T>): Promise<T> => {
    const existing = jobs.get(jobId);
    if (existing?.running) return existing.running as Promise<T>;
    const job: Job = { path, controller: new AbortController(), errors: [], running: null };
    jobs.delete(jobId);
    jobs.set(jobId, job);
    while (jobs.size > KEPT_JOBS) jobs.delete(jobs.keys().next().value as string);
    const running = work(job).finally(() => {
      job.running = null;
    });
    job.running = running;
    return running;
  };

  return {
    validate: (jobId, path, recordType) =>
      run(jobId, path, async (job) => {
        const r = await validateNdjsonFile(path, recordType, {
          signal: job.controller.signal,
          onProgress: progressReporter(jobId),
          onError: (e) => void job.errors.push(exportRow('invalid record', e)),
        });
        const errors = r.errors.map(shownError);
        return { total: r.total, valid: r.valid, invalid: r.invalid, errors, errorCount: r.errorCount, summary: r.summary, warnings: r.warnings, framing: r.framing, jobId };
      }),
    convert: (jobId, request) =>
      run(jobId, request.path, async (job) => {
        // Converted customer data: other users of the computer must not read it.
        const root = join(o.userDataDir, 'converted');
        await ensurePrivateDir(root);
        const report = progressReporter(jobId);
        // Read from Settings here, not taken from the window: the policy is main's to keep.
        const hashEmails = o.hashEmails?.() ?? false;
        const { result: r } = await convertToSend(request.path, {
          target: { kind: 'private-folder', root, prefix: 'convert-', name: convertedName(request.path, request.gzip) },
          ledgerDir: o.ledgerDir,
          recordType: request.recordType,
          mapping: request.mapping,
          gzip: request.gzip,
          stopOnFirstInvalid: request.stopOnFirstInvalid,
          leaveOutInvalidFields: request.leaveOutInvalidFields ?? false,
          ...(request.encoding ? { encoding: request.encoding } : {}),
          hashEmails, tempRoot: root,
          signal: job.controller.signal,
          onProgress: (p) => report({ bytesRead: p.bytesRead, totalBytes: p.totalBytes, lines: p.rows }),
          onError: (e) => void job.errors.push(exportRow('record left out', e)),
          onLeftOut: (e) => void job.errors.push(exportRow('field left out', e)),
        });
        if (hashEmails) hashedOutputs.add(r.output);
        const errors = r.errors.map(shownError);
        const fallback = r.fallbackLines.count > 0
          ? [`${r.fallbackLines.count} line${r.fallbackLines.count === 1 ? ' was' : 's were'} not UTF-8 and read as ${r.fallbackLines.encoding} (line ${r.fallbackLines.lines.join(', ')}${r.fallbackLines.count > r.fallbackLines.lines.length ? ', …' : ''}); check their accented letters.`]
          : [];
        return {
          rows: r.rows, written: r.written, rejected: r.rejected, errors, errorCount: r.errorCount, summary: r.summary,
          warnings: [...fallback, ...r.notes, ...r.warnings], encoding: r.encoding,
          cleaned: { byteOrderMarks: r.cleaned.byteOrderMarks, blankLines: r.cleaned.blankLines }, output: r.output, jobId,
          leftOut: { records: r.leftOut.records, fields: r.leftOut.fields, summary: r.leftOut.summary, first: r.leftOut.first.map(shownError) },
          orders: r.orders, emails: r.emails,
        };
      }),
    hashed: (path) => hashedOutputs.has(path),
    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job?.running) return false;
      job.controller.abort();
      return true;
    },
    exportErrors(jobId) {
      const job = jobs.get(jobId);
      if (!job) throw new LexerError('usage', 'That check is no longer in memory.', { hint: 'Run the check again, then export its errors.' });
      // Rejected rows and fields left out arrive chunk by chunk; the list reads in line order.
      const rows = [...job.errors].sort((a, b) => a.line - b.line);
      return Papa.unparse({ fields: ['line', 'identifier', 'outcome', 'field', 'rule', 'message'], data: rows.map((e) => [e.line, e.identifier, e.outcome, e.field, e.rule, e.message]) });
    },
    reads: (path) => [...jobs.values()].some((job) => job.running !== null && job.path === path),
    dispose() {
      for (const job of jobs.values()) job.controller.abort();
    },
  };
}
