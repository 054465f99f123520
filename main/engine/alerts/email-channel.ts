/**
 * Alerts by mail over SMTP with nodemailer (loaded only when a feed sends mail, so other commands
 * never pay for it). STARTTLS is required when asked for (a server that does not offer it is
 * refused, not talked to in the clear), TLS connects encrypted from the start. A connection that
 * fails or a server that answers 4xx is tried again with backoff (p-retry); a refusal (5xx, a
 * wrong login) is not, since trying again would only be refused again.
 */
import type { Transporter } from 'nodemailer';
import pRetry, { AbortError } from 'p-retry';
import type { EmailSettings } from './alert-settings.js';
import type { AlertChannel } from './alert-types.js';
import { emailMessage } from './alert-message.js';

export interface EmailOptions {
  /** Each step's limit: connecting, the greeting, any answer (default 15 s). */
  readonly timeoutMs?: number;
  /** Tries after the first (default 4). */
  readonly retries?: number;
  /** The first wait between tries, doubled each time (default 2 s). */
  readonly retryBaseMs?: number;
  /** Certificate authorities to trust for this server instead of the system's (a company's own mail server). */
  readonly ca?: string;
}

interface SmtpError extends Error { code?: string; responseCode?: number; response?: string }

/** Why a try failed, in plain words, with the password masked should a server echo it. */
function reason(error: SmtpError, s: EmailSettings, password: string | null): string {
  const where = `${s.host}:${s.port}`;
  const said = (error.response ?? error.message).replace(/\s+/g, ' ').trim().slice(0, 120);
  const text = error.code === 'EAUTH' ? `The mail server ${where} refused the login of ${s.user ?? '(no user)'}: ${said}`
    : error.responseCode !== undefined ? `The mail server ${where} refused the alert: ${said}`
      : error.code === 'ETIMEDOUT' ? `The mail server ${where} did not answer in time.`
        : `The mail server ${where} could not be reached: ${said}`;
  return password && password.length >= 4 ? text.split(password).join('[password hidden]') : text;
}

/** Whether trying again may help: not after a refusal (5xx) or a wrong login. */
const worthRetrying = (e: SmtpError): boolean => e.code !== 'EAUTH' && !(e.responseCode !== undefined && e.responseCode >= 500);

/** A channel mailing each alert through the server `s` says, logging in with `password` when `s.user` is set. */
export function emailChannel(s: EmailSettings, password: string | null, o: EmailOptions = {}): AlertChannel {
  const timeout = o.timeoutMs ?? 15_000;
  let transport: Promise<Transporter> | null = null;
  const open = async (): Promise<Transporter> => {
    const { createTransport } = await import('nodemailer');
    return createTransport({
      host: s.host, port: s.port, secure: s.security === 'tls', requireTLS: s.security === 'starttls', ignoreTLS: s.security === 'none',
      ...(s.user ? { auth: { user: s.user, pass: password ?? '' } } : {}),
      ...(o.ca ? { tls: { ca: [o.ca] } } : {}),
      connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout,
      // Nothing of the conversation in any log: the login travels through it.
      logger: false, debug: false,
    });
  };
  return {
    kind: 'email',
    target: `${s.host}:${s.port}`,
    async send(alert, { signal, onRetry }) {
      const mail = emailMessage(alert);
      transport ??= open();
      const t = await transport;
      await pRetry(async () => {
        try {
          await t.sendMail({ from: s.from, to: [...s.to], subject: mail.subject, text: mail.text });
        } catch (error) {
          const e = error as SmtpError;
          const plain = new Error(reason(e, s, password));
          if (!worthRetrying(e)) throw new AbortError(plain);
          throw plain;
        }
      }, {
        retries: o.retries ?? 4, minTimeout: o.retryBaseMs ?? 2000, factor: 2, maxTimeout: 60_000, signal,
        onFailedAttempt: ({ error, retriesLeft }) => {
          if (retriesLeft > 0) onRetry(error.message);
        },
      });
    },
  };
}
