/** Longest a cell is shown before it is cut with "…", so one wide column cannot hide the rest. */
const MAX_CELL = 24;

/**
 * Makes invisible characters visible (as `cat -vet` would help with): BOM, zero-width characters,
 * NBSP and control characters are shown as `\u{...}` so a person can see why a header fails.
 */
export function showInvisible(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point here
  return text.replace(/[\u0000-\u001f\u007f-\u00a0\u200b-\u200f\u2028\u2029\u2060\ufeff]/g,
    (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}

function cut(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(1, width - 1)).join('')}…`;
}

/** Renders headers and rows as aligned text lines, cut to `maxWidth` columns of terminal. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], maxWidth: number): string[] {
  const count = Math.max(headers.length, ...rows.map((r) => r.length));
  const cells = [headers, ...rows].map((r) => Array.from({ length: count }, (_, i) => cut(showInvisible(r[i] ?? ''), MAX_CELL)));
  const widths = Array.from({ length: count }, (_, i) => Math.max(1, ...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - [...text].length));
  const lines = cells.map((r) => r.map((c, i) => pad(c, widths[i] ?? 1)).join(' │ ').trimEnd());
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  lines.splice(1, 0, rule);
  return lines.map((l) => cut(l, Math.max(20, maxWidth)));
}
