/**
 * The words of an alert. What reaches a chat or a mailbox leaves this computer and is kept
 * there, so every message passes through {@link safeAlertText}: no copy of the API token, no
 * link's query (a presigned link is a credential), and nothing quoted from the data (an error
 * may quote a value, like a date on line 12; the file's error note keeps the details).
 */
import { maskToken } from '../api/mask-token.js';
import { stripQuery } from '../api/redact-url.js';

/**
 * Cuts each "(line N: …)" aside, parentheses inside it included: that is where a message
 * quotes a record's problem, and with it the record's value in any form (a number, an object, a
 * string cut short). The counts and the file's name stay.
 */
function dropLineDetails(text: string): string {
  let out = '';
  let i = 0;
  for (let at = text.search(/ ?\(line \d+: /); at >= 0; at = text.slice(i).search(/ ?\(line \d+: /)) {
    out += text.slice(i, i + at);
    let j = text.indexOf('(', i + at);
    for (let depth = 0; j < text.length; j++) {
      if (text[j] === '(') depth++;
      else if (text[j] === ')' && --depth === 0) break;
    }
    i = j + 1;
  }
  return out + text.slice(i);
}

/** The text without the token, links' queries, a record's problem or quoted values. */
export function safeAlertText(text: string, token: string | null): string {
  return dropLineDetails(maskToken(text, token))
    .replace(/https?:\/\/[^\s"'<>]+/g, (url) => stripQuery(url))
    .replace(/"[^"\n]*"|“[^”\n]*”/g, '"…"');
}

/** A moment as a person reads it: local date and time with its offset from UTC, e.g. 2026-11-29 09:00 (UTC+11:00). */
export function localTime(d: Date): string {
  const pad = (n: number): string => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const zone = offset === 0 ? 'UTC' : `UTC${offset > 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())} (${zone})`;
}

/** A duration as "24 h", "90 min", "1 d 12 h". */
export function spanText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.round(ms / 1000)} s`;
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** A count with thousands separators. */
export const countText = (n: number): string => n.toLocaleString('en-US');
