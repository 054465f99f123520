import { isLocalApiUrl } from '../engine/api/local-api-url.js';
import { configDir } from '../engine/config/paths.js';
import { LexerError } from '../engine/errors.js';
import type { RecordTypeName } from '../engine/schemas/record-type-names.js';
import { createUploadQueue } from '../engine/upload/upload-queue.js';
import { resolveApiUrl, resolveToken } from './credentials.js';
import { openUploadHistory } from './open-history.js';
import { EXIT, printError, warn } from './output.js';
import { uploadOne, type UploadContext } from './upload-one.js';
import { planUploads, type UploadPlan } from './upload-plan.js';
import { createUploadReporter } from './upload-reporter.js';
import { printUploadSummary } from './upload-summary.js';
import { onInterrupt } from './wait-for-signal.js';

/** The options of `lexer-upload upload`, as commander parsed them. */
export interface UploadOptions {
  datasetId?: string; recordType?: RecordTypeName; filename?: string; apiUrl?: string; apiToken?: string;
  apiTokenFile?: string; json?: boolean; concurrency: number; validate?: boolean;
  /** --gzip / --no-gzip; unset when neither was given. */
  gzip?: boolean; gzipLevel?: number; partSize?: number; allowDuplicate?: boolean;
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
  // Compressed copies and parts a crashed run left in the temporary folder.
  const { pruneStaleWorkspaces } = await import('../engine/compress/temp-workspace.js');
  await pruneStaleWorkspaces().catch(() => 0);
  let historyWarned = false;
  const queue = createUploadQueue({ concurrency: o.concurrency });
  const ctx: UploadContext = {
    run: {
      apiUrl, token, queue, history, sandbox: isLocalApiUrl(apiUrl), ledgerDir: configDir(), audience: 'cli',
      onHistoryError: (error) => {
        if (historyWarned) return;
        historyWarned = true;
        printError(error, 'warning: could not update the upload history');
      },
    },
    validate: Boolean(o.validate), gzip: o.gzip, gzipLevel: o.gzipLevel, partBytes: o.partSize, allowDuplicate: Boolean(o.allowDuplicate),
    reporter: await createUploadReporter({ json, tty: Boolean(process.stderr.isTTY) }),
  };

  const cancel = new AbortController();
  const removeHandlers = onInterrupt(() => {
    if (!json) ctx.reporter.line('Cancelling… (press Ctrl+C again to quit at once)');
    cancel.abort(new LexerError('cancelled', 'The upload was cancelled.'));
    queue.clear();
  });
  try {
    // Each file takes a queue slot to be checked and prepared, then one per part (upload-one.ts).
    const outcomes = await Promise.all(plans.map((plan) => uploadOne(plan, ctx, cancel.signal)));
    ctx.reporter.stop();
    printUploadSummary(outcomes, { json, sandbox: ctx.run.sandbox });
    return outcomes.every((r) => r.kind === 'success') ? EXIT.ok : EXIT.failed;
  } finally {
    removeHandlers();
  }
}
