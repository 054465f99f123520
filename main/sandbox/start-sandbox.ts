import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasAllowedHost, hasAllowedOrigin, loopbackHosts } from '../engine/net/local-request.js';
import { createIssuedUrls } from './issued-urls.js';
import type { CannedResponse, UploadRefusal } from './lexer-api-routes.js';
import { handleApi } from './lexer-api-routes.js';
import { createPresigner } from './presign.js';
import { createS3Handler } from './s3-backend.js';
import { checkS3Put, refuseUnsafeKey } from './s3-guard.js';
import { sendS3Error } from './s3-xml.js';
import { listStoredObjects } from './stored-files.js';

/** One line of the sandbox's request log (never the query: presigned URLs are credentials). */
export interface SandboxLogEntry {
  method: string;
  path: string;
  status: number;
  /** When the request arrived (ms since epoch). */
  at?: number;
  /** The Transfer-Encoding header of a PUT, if it had one (S3 refuses chunked). */
  transferEncoding?: string;
}

export interface Sandbox {
  apiUrl: string;
  token: string;
  storageDir: string;
  /** Stops serving; removes the storage folder too when it was a temporary one (no `dir` given). */
  close(): Promise<void>;
  /**
   * Test/demo controls: queue faults for the next API responses, refuse the upload of a file by
   * a piece of its name (once each), or make links expire.
   */
  faults: { apiResponses: CannedResponse[]; refuseUploads: UploadRefusal[]; expiredLinks: boolean };
  /** What reached storage: uploaded object keys -> absolute file paths. */
  storedFiles(): Promise<Array<{ key: string; path: string; bytes: number }>>;
  requestLog: SandboxLogEntry[];
}

export interface StartSandboxOptions {
  port?: number;
  /** Where received files are kept, and left after close (default: a temporary folder, removed on close). */
  dir?: string;
  token?: string;
  log?: (line: string) => void;
  /** Origin the presigned URLs point at (default: the sandbox itself); tests put a proxy here. */
  s3Origin?: string;
  /** Lifetime of issued links (default 15 minutes). */
  linkLifetimeSeconds?: number;
  /** How many signed URLs are remembered (default 10,000); tests lower it. */
  maxIssuedUrls?: number;
}

const BUCKET = 'uploads';
/** Request log lines kept (the oldest go first), so a long-running sandbox stays small. */
const MAX_LOG_ENTRIES = 10_000;
const S3_PREFIX = '/s3';

/** Refuses a request from a foreign Host (DNS rebinding) or a web page's Origin. */
function refuseForeign(res: ServerResponse, path: string): number {
  if (path.startsWith('/v1/')) {
    const body = JSON.stringify({ error: 'This sandbox answers only requests addressed to 127.0.0.1 or localhost, from no web page.' });
    res.writeHead(403, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  } else {
    sendS3Error(res, { status: 403, code: 'AccessDenied', message: 'Access Denied' });
  }
  return 403;
}

/**
 * Starts the local Lexer look-alike on 127.0.0.1: the API and, behind the same port and its
 * checks, s3rver. Storage folders are created 0700 and stored files 0600.
 */
export async function startSandbox(o: StartSandboxOptions = {}): Promise<Sandbox> {
  const ownStorage = o.dir === undefined;
  const storageDir = o.dir ?? (await mkdtemp(join(tmpdir(), 'lexer-sandbox-')));
  await mkdir(storageDir, { recursive: true, mode: 0o700 });
  const token = o.token ?? `sandbox-${randomBytes(12).toString('hex')}`;
  const s3 = await createS3Handler({ directory: storageDir, bucket: BUCKET });
  const faults: Sandbox['faults'] = { apiResponses: [], refuseUploads: [], expiredLinks: false };
  const requestLog: SandboxLogEntry[] = [];
  const issued = createIssuedUrls(o.maxIssuedUrls !== undefined ? { max: o.maxIssuedUrls } : {});
  let nextId = 1000 + Math.floor(Math.random() * 9000);

  // Listen first: the presigned URLs must name the port the client will connect to.
  const server = createServer();
  // Uploads of several GiB take minutes; Node's default 5-minute request timeout would cut them.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const apiUrl = `http://127.0.0.1:${port}`;
  const s3Origin = o.s3Origin ?? apiUrl;
  const allowedHosts = [...new Set([...loopbackHosts(port), new URL(s3Origin).host])];
  const presign = createPresigner({ endpoint: `${s3Origin}${S3_PREFIX}`, bucket: BUCKET });

  const issueUpload = async (filename: string): Promise<{ id: number; url: string }> => {
    const id = nextId++;
    const lifetime = o.linkLifetimeSeconds ?? 15 * 60;
    const url = await presign.presignPut(`${id}/${filename}`, { expired: faults.expiredLinks, expiresInSeconds: lifetime });
    const parsed = new URL(url);
    const expiresAt = faults.expiredLinks ? Date.now() : Date.now() + lifetime * 1000;
    issued.add(parsed.pathname, { host: parsed.host, query: [...parsed.searchParams.entries()] }, expiresAt);
    return { id, url };
  };

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> => {
    if (!hasAllowedHost(req, allowedHosts) || !hasAllowedOrigin(req, allowedHosts)) {
      req.resume();
      return refuseForeign(res, url.pathname);
    }
    if (url.pathname.startsWith('/v1/')) return handleApi(req, res, url.pathname, { token, faults, issueUpload });
    const target = req.url ?? '/';
    const rawPath = target.split('?')[0] ?? '';
    if (rawPath.startsWith(`${S3_PREFIX}/`)) {
      const refusal = refuseUnsafeKey(rawPath.slice(S3_PREFIX.length)) ?? checkS3Put(req, url, issued);
      if (refusal) {
        req.resume(); // read and drop the body, so the client gets to read the refusal
        sendS3Error(res, refusal);
        return refusal.status;
      }
      return s3.handle(req, res, target.slice(S3_PREFIX.length));
    }
    req.resume();
    sendS3Error(res, { status: 404, code: 'NotFound', message: 'Nothing here.' });
    return 404;
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const entry: SandboxLogEntry = { method: req.method ?? '?', path: url.pathname, status: 0, at };
    if (req.headers['transfer-encoding']) entry.transferEncoding = req.headers['transfer-encoding'];
    requestLog.push(entry);
    if (requestLog.length > MAX_LOG_ENTRIES) requestLog.splice(0, requestLog.length - MAX_LOG_ENTRIES);
    route(req, res, url).then(
      (status) => {
        entry.status = status;
        o.log?.(`${entry.method} ${entry.path} ${status}${entry.transferEncoding ? ` (Transfer-Encoding: ${entry.transferEncoding})` : ''}`);
      },
      () => {
        entry.status = 500;
        if (!res.headersSent) sendS3Error(res, { status: 500, code: 'InternalError', message: 'The sandbox failed.' });
        o.log?.(`${entry.method} ${entry.path} 500`);
      },
    );
  });

  return {
    apiUrl,
    token,
    storageDir,
    faults,
    requestLog,
    storedFiles: () => listStoredObjects(join(storageDir, BUCKET)),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownStorage) await rm(storageDir, { recursive: true, force: true });
    },
  };
}
