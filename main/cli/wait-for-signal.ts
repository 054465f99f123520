/**
 * Resolves when the process gets SIGINT or SIGTERM (for long-running `sandbox` and `ui`), so the
 * caller can close its servers cleanly instead of being killed mid-write.
 */
export function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handle = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', handle);
      process.off('SIGTERM', handle);
      resolve(signal);
    };
    process.on('SIGINT', handle);
    process.on('SIGTERM', handle);
  });
}

/**
 * Calls `onCancel` on the first SIGINT/SIGTERM (cancel cleanly); a second one exits at once
 * with 130, for a user who does not want to wait. Returns a function that removes the handlers.
 */
export function onInterrupt(onCancel: () => void): () => void {
  let count = 0;
  const handle = (): void => {
    count++;
    if (count === 1) onCancel();
    else process.exit(130);
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  return () => {
    process.off('SIGINT', handle);
    process.off('SIGTERM', handle);
  };
}
