/**
 * Which customer a failed record is about: its link value, so a person fixing
 * an export can find the record in their CRM as well as by its line.
 */

/** The link keys that carry the identifying value (schemas/common/link.ts), most telling first. */
export const LINK_VALUE_KEYS: readonly string[] = ['email', 'customer_id', 'external_id', 'mobile', 'email_sha256', 'email_md5', 'link_value'];

const MAX_CHARS = 200;

/** A value as shown in an export: trimmed, cut at 200 characters; undefined when empty. */
export function shownIdentifier(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

/** A record's link value (JSON or NDJSON input), or undefined. */
export function recordIdentifier(record: unknown): string | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  const link = (record as { link?: unknown }).link;
  if (link === null || typeof link !== 'object') return undefined;
  for (const key of LINK_VALUE_KEYS) {
    const value = (link as Record<string, unknown>)[key];
    if (typeof value === 'string') {
      const shown = shownIdentifier(value);
      if (shown) return shown;
    }
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}
