/** Formats a remaining time: `about 5 s`, `about 3 min 20 s`, `about 2 h 5 min`; null while unknown. */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return 'working out the time left';
  const s = Math.ceil(seconds);
  if (s < 60) return `about ${s} s left`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `about ${minutes} min ${s % 60} s left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

/** Formats a delay in milliseconds as whole seconds: `in 3 s`. */
export function formatDelay(ms: number): string {
  return ms < 1000 ? 'now' : `in ${Math.round(ms / 1000)} s`;
}

/** Formats an ISO time stamp in the user's locale; the raw text when it does not parse. */
export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
