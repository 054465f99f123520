/**
 * Where record checks may run, set once by the program that runs the engine. The command line
 * checks on this thread as well as on workers (it has nothing else to do meanwhile). The desktop
 * app checks on worker threads only: its main thread also serves the window and the uploads, and
 * a batch checked there stalls both. There a worker that cannot start is an error the person
 * sees (and the app logs), never a silent fallback to the main thread.
 */

export type ValidationThreads = 'shared' | 'workers-only';

export interface ValidationThreadPolicy {
  readonly threads: ValidationThreads;
  /** Told when a worker cannot start or stops (workers-only), for the program's log. */
  readonly onWorkerFailure?: ((error: Error) => void) | undefined;
}

let current: ValidationThreadPolicy = { threads: 'shared' };

/** Sets where every later validation runs its checks. */
export function setValidationThreads(policy: ValidationThreadPolicy): void {
  current = policy;
}

/** The policy in force. */
export function validationThreads(): ValidationThreadPolicy {
  return current;
}
