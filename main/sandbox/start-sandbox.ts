import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CannedResponse } from './lexer-api-routes.js';
import { handleApi } from './lexer-api-routes.js';
import { createPresigner } from './presign.js';
import { startS3Backend } from './s3-backend.js';
import { forwardPut } from './s3-forward.js';
import type { IssuedUrl } from './s3-guard.js';
import { checkS3Put } from './s3-guard.js';
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
  close(): Promise<void>;
  /** Test/demo controls: queue faults for the next API responses, or make links expire. */
  faults: { apiResponses: CannedResponse[]; expiredLinks: boolean };
  /** What reached storage: uploaded object keys -> absolute file paths. */
  storedFiles(): Promise<Array<{ key: string; path: string; bytes: number }>>;
  requestLog: SandboxLogEntry[];
}

export interface StartSandboxOptions {
  port?: number;
  dir?: string;
  token?: string;
  log?: (line: string) => void;
  /** Origin the presigned URLs point at (default: the sandbox itself); tests put a proxy here. */
  s3Origin?: string;
  /** Lifetime of issued links (default 15 minutes). */
  linkLifetimeSeconds?: number;
}

const BUCKET = 'uploads';
const S3_PREFIX = '/s3';

/** Starts the local Lexer look-alike: the API on 127.0.0.1 in front of s3rver. */
export async function startSandbox(o: StartSandboxOptions = {}): Promise<Sandbox> {
  const storageDir = o.dir ?? (await mkdtemp(join(tmpdir(), 'lexer-sandbox-')));
  await mkdir(storageDir, { recursive: true });
  const token = o.token ?? `sandbox-${randomBytes(12).toString('hex')}`;
  const backend = await startS3Backend({ directory: storageDir, bucket: BUCKET });
  const faults: Sandbox['faults'] = { apiResponses: [], expiredLinks: false };
  const requestLog: SandboxLogEntry[] = [];
  const issued = new Map<string, IssuedUrl>();
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
  const presign = createPresigner({ endpoint: `${o.s3Origin ?? apiUrl}${S3_PREFIX}`, bucket: BUCKET });

  const issueUpload = async (filename: string): Promise<{ id: number; url: string }> => {
    const id = nextId++;
    const url = await presign.presignPut(`${id}/${filename}`, {
      expired: faults.expiredLinks,
      expiresInSeconds: o.linkLifetimeSeconds,
    });
    const parsed = new URL(url);
    issued.set(parsed.pathname, { host: parsed.host, query: [...parsed.searchParams.entries()] });
    return { id, url };
  };

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> => {
    if (url.pathname.startsWith('/v1/')) return handleApi(req, res, url.pathname, { token, faults, issueUpload });
    if (url.pathname.startsWith(`${S3_PREFIX}/`)) {
      const refusal = checkS3Put(req, url, issued);
      if (refusal) {
        req.resume(); // read and drop the body, so the client gets to read the refusal
        sendS3Error(res, refusal);
        return refusal.status;
      }
      return forwardPut(req, res, url.pathname.slice(S3_PREFIX.length) + url.search, { port: backend.port, directory: storageDir });
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
      await backend.close();
    },
  };
}
