/**
 * Byte counts in words people read (decimal units, like file managers on macOS and GNOME).
 * The 5 GiB limit is stated by main in its own message, so nothing here depends on the unit.
 */
const UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB'] as const;

/** Formats a byte count: `0 bytes`, `1 byte`, `12.3 MB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes === 1) return '1 byte';
  if (bytes < 1000) return `${bytes} bytes`;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** Formats a transfer speed: `4.20 MB/s`. */
export function formatSpeed(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '—';
  return `${formatBytes(Math.round(bytesPerSecond))}/s`;
}
