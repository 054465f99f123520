import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/** One mail the server took. */
export interface CaughtMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  /** The body, as sent (plain text). */
  readonly text: string;
  /** Who logged in, if anyone. */
  readonly user: string | null;
  /** Whether the connection was encrypted when the mail was sent. */
  readonly secure: boolean;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 keeping the mails it takes. */
export interface SmtpCatcher {
  readonly port: number;
  readonly mails: CaughtMail[];
  /** The certificate the server shows (for STARTTLS), to trust as a CA. */
  readonly cert: string;
  /** Refuses the next `times` mails with a temporary 451. */
  failNext(times: number): void;
  close(): Promise<void>;
}

/** The body as written: quoted-printable (nodemailer's choice for long lines and "…") decoded. */
function bodyText(head: string, body: string): string {
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(head)) return body;
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** A self-signed certificate for 127.0.0.1 and localhost, made by openssl for this test run. */
async function selfSigned(): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'smtp-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: await readFile(join(dir, 'key.pem'), 'utf8'), cert: await readFile(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the server. With `login`, it offers STARTTLS and takes mail only from that user and
 * password after it; without, it takes mail from anyone over a plain connection (a local relay).
 */
export async function startSmtpCatcher(o: { login?: { user: string; pass: string } } = {}): Promise<SmtpCatcher> {
  const { key, cert } = await selfSigned();
  const mails: CaughtMail[] = [];
  let failing = 0;
  const server = new SMTPServer({
    key, cert, logger: false, disabledCommands: o.login ? [] : ['AUTH', 'STARTTLS'], authOptional: !o.login,
    onAuth(auth, _session, done) {
      if (auth.username === o.login?.user && auth.password === o.login?.pass) done(null, { user: auth.username });
      else done(new Error('Invalid username or password'));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failing > 0) {
          failing--;
          return done(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head = '', ...body] = raw.split(/\r?\n\r?\n/);
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address),
          subject, text: bodyText(head, body.join('\n\n')), user: typeof session.user === 'string' ? session.user : null, secure: session.secure,
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    cert,
    failNext(times) {
      failing += times;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
