import { isLocalApiUrl } from '../api/local-api-url.js';
import { rateLimiterForToken } from '../api/rate-limiter.js';
import { configDir, historyFile } from '../config/paths.js';
import { LexerError } from '../errors.js';
import { openHistory, type UploadHistory } from '../history/upload-history.js';
import type { RecordTypeName } from '../schemas/record-type-names.js';
import { createUploadQueue } from '../upload/upload-queue.js';
import { resolveApiUrl, resolveToken } from './credentials.js';
import { EXIT, printError, warn } from './output.js';
import { recordHistory, recordPending, uploadOne, type FileOutcome, type UploadContext } from './upload-one.js';
import { planUploads, type UploadPlan } from './upload-plan.js';
import { createUploadReporter } from './upload-reporter.js';
import { printUploadSummary } from './upload-summary.js';
import { onInterrupt } from './wait-for-signal.js';

/** The options of `lexer-upload upload`, as commander parsed them. */
export interface UploadOptions {
  datasetId?: string; recordType?: RecordTypeName; filename?: string; apiUrl?: string; apiToken?: string;
  apiTokenFile?: string; json?: boolean; concurrency: number; validate?: boolean;
}

/** Uploads the files of one `upload` command (options already checked); returns the exit code. */
export async function runUploads(files: readonly string[], o: UploadOptions, destination: UploadPlan['destination']): Promise<number> {
  const json = Boolean(o.json);
  const token = await resolveToken({ apiToken: o.apiToken, apiTokenFile: o.apiTokenFile });
  const apiUrl = resolveApiUrl(o.apiUrl);

  const plans = planUploads(files, { destination, ...(o.filename !== undefined ? { filename: o.filename } : {}) });
  for (const plan of plans) {
    if (plan.renamedFrom === null) continue;
    warn(`renamed: ${JSON.stringify(plan.renamedFrom)} -> ${JSON.stringify(plan.filename)} (Lexer's file-name rules)`);
    for (const problem of plan.leftoverProblems) warn(`  note: ${problem}`);
  }

  const history = await openUploadHistory();
  let historyWarned = false;
  const ctx: UploadContext = {
    apiUrl, token, history, limiter: rateLimiterForToken(token), validate: Boolean(o.validate),
    sandbox: isLocalApiUrl(apiUrl), ledgerDir: configDir(),
    reporter: await createUploadReporter({ json, tty: Boolean(process.stderr.isTTY) }),
    onHistoryError: (error) => {
      if (historyWarned) return;
      historyWarned = true;
      printError(error, 'warning: could not update the upload history');
    },
  };

  const cancel = new AbortController();
  const queue = createUploadQueue({ concurrency: o.concurrency });
  const removeHandlers = onInterrupt(() => {
    if (!json) ctx.reporter.line('Cancelling… (press Ctrl+C again to quit at once)');
    cancel.abort(new LexerError('cancelled', 'The upload was cancelled.'));
    queue.clear();
  });
  try {
    const ids = await Promise.all(plans.map((plan) => recordPending(plan, ctx)));
    const outcomes = await Promise.all(plans.map((plan, i) => queue
      .add((signal) => uploadOne(plan, ctx, AbortSignal.any([signal, cancel.signal]), ids[i] ?? null))
      .catch(async (): Promise<FileOutcome> => {
        // p-queue drops a task still waiting when the queue is cleared: it never started.
        const error = new LexerError('cancelled', `The upload of ${plan.label} was cancelled before it started.`);
        await recordHistory(ctx, ids[i] ?? null, { status: 'Cancelled', error: error.toJSON(), finishedAt: new Date().toISOString() });
        return { kind: 'cancelled', plan, error };
      })));
    ctx.reporter.stop();
    printUploadSummary(outcomes, { json, sandbox: ctx.sandbox });
    return outcomes.every((r) => r.kind === 'success') ? EXIT.ok : EXIT.failed;
  } finally {
    removeHandlers();
  }
}

async function openUploadHistory(): Promise<UploadHistory | null> {
  try {
    const history = await openHistory(historyFile(configDir()));
    for (const w of history.warnings) warn(`warning: ${w}`);
    return history;
  } catch (error) {
    printError(error, 'warning: the upload history cannot be opened, so this upload will not be recorded');
    return null;
  }
}
