import { createSendContext, type SendRun } from '../engine/send/send-context.js';
import { sendFile } from '../engine/send/send-file.js';
import type { SendOutcome } from '../engine/send/send-types.js';
import type { UploadPlan } from './upload-plan.js';
import type { UploadReporter } from './upload-reporter.js';

/** How one file of an `upload` run ended, with the plan it was sent by. */
export type FileOutcome = SendOutcome & { readonly plan: UploadPlan };

/** What every file of a run shares. */
export interface UploadContext {
  /** The connection, the queue, History and the ledger every file of the run is sent with. */
  run: SendRun;
  reporter: UploadReporter;
  validate: boolean;
  /** --gzip / --no-gzip; unset: NDJSON is compressed on the way, CSV and JSON are not. */
  gzip: boolean | undefined;
  gzipLevel: number | undefined;
  partBytes: number | undefined;
  allowDuplicate: boolean;
}

/**
 * Sends one file of an `upload` run the whole way (main/engine/send/send-file.ts): the duplicate guard,
 * History, with --validate every record checked first (a cleaned copy sent when blank lines and
 * byte-order marks are the only problems), compressed or cut into parts, each part with its own
 * retries. Never throws: the outcome says what happened.
 */
export async function uploadOne(plan: UploadPlan, ctx: UploadContext, signal: AbortSignal): Promise<FileOutcome> {
  const outcome = await sendFile({
    path: plan.filePath, label: plan.label, filename: plan.filename, destination: plan.destination,
    ...(ctx.gzip !== undefined ? { gzip: ctx.gzip } : {}),
    ...(ctx.gzipLevel !== undefined ? { gzipLevel: ctx.gzipLevel } : {}),
    ...(ctx.partBytes !== undefined ? { partBytes: ctx.partBytes } : {}),
    validate: ctx.validate ? 'all-valid-or-clean' : 'off',
    allowDuplicate: ctx.allowDuplicate,
  }, createSendContext(ctx.run, { signal, onEvent: (e) => ctx.reporter.event(plan.label, e) }));
  return { ...outcome, plan };
}
