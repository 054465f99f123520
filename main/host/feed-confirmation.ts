/**
 * In the browser host, a watched folder is added only once the person confirms it in the terminal
 * where the host runs. The page may name any folder the host process can read, but it was given
 * only the files the person chose; a script in it (or anyone who traded the one-time code first)
 * must not be able to have a folder's files sent, let alone deleted. So the host prints what is
 * asked (the folder, where its files and its alerts go, and deletion after sending spelled out) with a short
 * code, and the folder is added only when that code comes back with the same settings: what is
 * in the terminal cannot be read by the page.
 */
import { randomInt } from 'node:crypto';
import type { FeedSettings } from '../contract/feeds.js';
import { LexerError } from '../engine/errors.js';
import { sameSecret } from '../engine/net/local-request.js';
import { escapeName } from '../engine/text/shown-text.js';

/** Letters and digits that cannot be mistaken for one another when typed. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A code lasts this long, and allows this many wrong tries before another is needed. */
const LIFETIME_MS = 10 * 60_000;
const TRIES = 3;

interface Pending {
  readonly code: string;
  readonly expires: number;
  tries: number;
}

/** Checks each `feeds:add` against a code shown in the terminal. */
export type FeedConfirmation = (settings: FeedSettings, confirmation: string | null) => void;

function newCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** What is asked, as the terminal says it. */
function describe(s: FeedSettings): string {
  const to = s.destination ? `into dataset ${s.destination.datasetId} (${s.destination.recordType})` : 'to Lexer staff';
  const after = s.after === 'delete' ? ' and DELETE each file once it is sent' : s.after === 'sent' ? ', moving each file to sent/ once it is sent' : '';
  return `the page asks to watch ${escapeName(s.path)}, sending the files that appear there ${to}${after}${alertsText(s)}`;
}

/** Where the folder's alerts (its file names, its failures) would go: they leave this computer too. */
function alertsText(s: FeedSettings): string {
  const webhook = s.alerts?.webhookUrl ? `a webhook at ${hostOf(s.alerts.webhookUrl)}` : null;
  const mail = s.alerts?.email ? `mail to ${s.alerts.email.to} through ${s.alerts.email.host}` : null;
  const to = [webhook, mail].filter((t): t is string => t !== null);
  return to.length === 0 ? '' : `; alerts about its files go to ${to.map(escapeName).join(' and ')}`;
}

/** The webhook's host only: its path is its secret, and the host is what the person recognises. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an address that is not a URL';
  }
}

const plain = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** A confirmation that prints its codes with `log` (the host's terminal). `now` is for tests. */
export function createTerminalConfirmation(log: (line: string) => void, now: () => number = Date.now): FeedConfirmation {
  const pending = new Map<string, Pending>();
  const ask = (key: string, s: FeedSettings, why: string): never => {
    const code = newCode();
    pending.set(key, { code, expires: now() + LIFETIME_MS, tries: 0 });
    log(`Lexer Uploader: ${describe(s)}. To allow it, type this code in the page: ${code} (it works once, for these settings only). If you did not ask for this, close the page and stop Lexer Uploader (Ctrl+C).`);
    throw new LexerError('confirmation-needed', `${why} Type the code shown in the terminal where Lexer Uploader runs.`, {
      hint: 'A folder added from the browser is confirmed in the terminal, so a web page alone can never make the app send (or delete) a folder\'s files.',
    });
  };
  return (settings, confirmation) => {
    const key = JSON.stringify(settings);
    const open = pending.get(key);
    if (!open || open.expires < now()) return ask(key, settings, 'To watch this folder, confirm it.');
    if (confirmation === null || confirmation.trim() === '') return ask(key, settings, 'To watch this folder, confirm it: a new code is shown.');
    if (sameSecret(plain(confirmation), plain(open.code))) {
      pending.delete(key);
      return;
    }
    open.tries += 1;
    if (open.tries >= TRIES) return ask(key, settings, 'That code is not the one shown, too many times: a new code is shown.');
    throw new LexerError('confirmation-needed', 'That code is not the one shown in the terminal for these settings. Type it again.', {
      hint: 'The code changes when the folder or its settings change; the terminal shows the one for what the form says now.',
    });
  };
}
