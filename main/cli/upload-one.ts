import { basename } from 'node:path';
import type { RateLimiter } from '../api/rate-limiter.js';
import { LexerError, toLexerError } from '../errors.js';
import { findConversion, type ConversionRecord } from '../history/conversion-ledger.js';
import type { UploadHistory } from '../history/upload-history.js';
import type { CleanCopy } from '../pipeline/clean-copy.js';
import type { ValidationResult } from '../pipeline/validate-ndjson.js';
import { uploadFile, type UploadFileResult } from '../upload/upload-file.js';
import type { UploadPlan } from './upload-plan.js';
import type { UploadReporter } from './upload-reporter.js';
import { framingSentence } from './validation-report.js';

/** How one file of an `upload` run ended. */
export type FileOutcome =
  | { kind: 'success'; plan: UploadPlan; result: UploadFileResult; conversion: ConversionRecord | null; note?: string }
  | { kind: 'failed'; plan: UploadPlan; error: LexerError; validation: ValidationResult | null }
  | { kind: 'cancelled'; plan: UploadPlan; error: LexerError };

/** What every file of a run shares. */
export interface UploadContext {
  apiUrl: string;
  token: string;
  limiter: RateLimiter;
  history: UploadHistory | null;
  reporter: UploadReporter;
  validate: boolean;
  /** Uploads go to a sandbox on this computer (a loopback API), not to Lexer. */
  sandbox: boolean;
  /** Where `convert` notes what it left out (conversion-ledger.ts): the config folder. */
  ledgerDir: string;
  /** Reports a failure to write the history once, without failing the upload. */
  onHistoryError: (error: unknown) => void;
}

/**
 * Uploads one file and records it in the history (Pending -> In Progress -> Success / Failed /
 * Cancelled). With `validate`, checks every record first and uploads only a fully valid file,
 * like the vendor's `upload_validate`. Never throws: the outcome says what happened.
 */
export async function uploadOne(plan: UploadPlan, ctx: UploadContext, signal: AbortSignal, id: string | null): Promise<FileOutcome> {
  const record = (patch: HistoryPatch): Promise<void> => recordHistory(ctx, id, patch);
  const finish = () => new Date().toISOString();

  let copy: CleanCopy | null = null;
  try {
    const conversion = await findConversion(ctx.ledgerDir, plan.filePath).catch(() => null);
    if (ctx.validate && conversion && conversion.rejected > 0) {
      // Every record in the file is valid, but the file is not the whole export: --validate sends
      // only complete data, as `convert` exits 1 when it leaves rows out (issue 9, item 2).
      const error = new LexerError('invalid-records',
        `${count(conversion.rejected)} of ${count(conversion.rows)} rows of ${basename(conversion.source)} were left out when it was converted to ${plan.label}, so it was not uploaded.`,
        { hint: `Fix the rows \`lexer-upload convert\` listed and convert again, or upload without --validate to send the ${count(conversion.written)} records anyway.` });
      await record({ status: 'Failed', error: error.toJSON(), finishedAt: finish() });
      return { kind: 'failed', plan, error, validation: null };
    }
    let validation: ValidationResult | null = null;
    let filePath = plan.filePath;
    let note: string | undefined;
    if (ctx.validate && plan.destination) {
      // Loaded only for --validate: the validator and its schemas are not needed to send bytes.
      const { validateNdjsonFile } = await import('../pipeline/validate-ndjson.js');
      validation = await validateNdjsonFile(plan.filePath, plan.destination.recordType, { signal });
      // Only blank lines and byte-order marks wrong: send a copy without them, and say so.
      if (validation.invalid > 0 && validation.invalid === validation.framing.cleanable) {
        const { writeCleanCopy } = await import('../pipeline/clean-copy.js');
        copy = await writeCleanCopy(plan.filePath, plan.destination.recordType, signal);
        filePath = copy.path;
        note = `removed ${framingSentence(validation.framing) ?? 'blank lines'}, which Lexer counts as invalid rows, and uploaded a cleaned copy`;
        ctx.reporter.line(`${plan.label}: ${note}.`);
      } else if (validation.invalid > 0) {
        const error = new LexerError('invalid-records',
          `${validation.invalid} of ${validation.total} records are not valid ${plan.destination.recordType} records, so the file was not uploaded.`,
          { hint: 'Fix the lines listed (or run `lexer-upload validate`), then upload again.' });
        await record({ status: 'Failed', error: error.toJSON(), finishedAt: finish() });
        return { kind: 'failed', plan, error, validation };
      }
    }
    const result = await uploadFile(
      { filePath, filename: plan.filename, ...(plan.destination ? { destination: plan.destination } : {}) },
      {
        apiUrl: ctx.apiUrl, token: ctx.token, signal, limiter: ctx.limiter,
        onStart: ({ bytes }) => {
          ctx.reporter.started(plan.label, bytes);
          void record({ status: 'In Progress', bytes, startedAt: new Date().toISOString() });
        },
        onEvent: (e) => ctx.reporter.event(plan.label, e),
      },
    );
    await record({ status: 'Success', uploadId: result.uploadId, bytes: result.bytes, finishedAt: finish(), error: null });
    return { kind: 'success', plan, result, conversion, ...(note ? { note } : {}) };
  } catch (thrown) {
    const error = signal.aborted && !(thrown instanceof LexerError && thrown.code !== 'cancelled')
      ? new LexerError('cancelled', `The upload of ${plan.label} was cancelled.`)
      : toLexerError(thrown);
    const cancelled = error.code === 'cancelled';
    await record({ status: cancelled ? 'Cancelled' : 'Failed', error: error.toJSON(), finishedAt: finish() });
    return cancelled ? { kind: 'cancelled', plan, error } : { kind: 'failed', plan, error, validation: null };
  } finally {
    await copy?.dispose();
  }
}

type HistoryPatch = Parameters<UploadHistory['update']>[1];

/** Writes a history change; a failing disk is reported once and never fails the upload. */
export async function recordHistory(ctx: UploadContext, id: string | null, patch: HistoryPatch): Promise<void> {
  if (ctx.history && id) await ctx.history.update(id, patch).catch(ctx.onHistoryError);
}

/** Adds the Pending history entry for a file about to be queued; its id, or null without history. */
export async function recordPending(plan: UploadPlan, ctx: UploadContext): Promise<string | null> {
  if (!ctx.history) return null;
  try {
    const conversion = await findConversion(ctx.ledgerDir, plan.filePath).catch(() => null);
    const entry = await ctx.history.add({
      filePath: plan.filePath, filename: plan.filename, bytes: 0,
      datasetId: plan.destination?.datasetId ?? null, recordType: plan.destination?.recordType ?? null,
      sandbox: ctx.sandbox, sourceName: basename(conversion?.source ?? plan.filePath),
      recordsSent: conversion?.written ?? null, recordsLeftOut: conversion?.rejected ?? null,
    });
    return entry.id;
  } catch (error) {
    ctx.onHistoryError(error);
    return null;
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
