import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecordTypeName, RECORD_TYPE_NAMES } from '../engine/schemas/record-type-names.js';
import { sameSecret } from '../engine/net/local-request.js';

/** A canned answer queued by a test or demo for the next API call. */
export interface CannedResponse {
  status: number;
  /** Seconds, or an HTTP date (RFC 9110 allows both), sent as the Retry-After header. */
  retryAfter?: number | string;
  body?: string;
}

/** A refusal of the upload of one file, by a piece of its name (a test fails one part of a file sent in parts). */
export interface UploadRefusal extends CannedResponse {
  filenameIncludes: string;
}

export interface ApiContext {
  token: string;
  /** `refuseUploads`: each answers (once) the first POST /v1/uploads whose filename contains its text. */
  faults: { apiResponses: CannedResponse[]; refuseUploads?: UploadRefusal[] };
  /** Issues a presigned URL for a new upload and returns its id. */
  issueUpload(filename: string): Promise<{ id: number; url: string }>;
}

// Vendor rule (FILE_UPLOAD_API.md, "File names"): no special characters other than - and _.
const FILE_NAME = /^[A-Za-z0-9._-]+$/;

function sendCanned(res: ServerResponse, canned: CannedResponse): number {
  const headers: Record<string, string> = canned.retryAfter !== undefined ? { 'retry-after': String(canned.retryAfter) } : {};
  if (canned.body === undefined) return sendJson(res, canned.status, { error: `sandbox fault: HTTP ${canned.status}` }, headers);
  res.writeHead(canned.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(canned.body), ...headers });
  res.end(canned.body);
  return canned.status;
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): number {
  // The real service writes `&` as `\u0026` inside JSON strings; do the same so clients that
  // copy the raw text instead of decoding it fail here as they would against Lexer.
  const body = JSON.stringify(value).replace(/&/g, '\\u0026');
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
  return status;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Checks a POST /v1/uploads body; returns the problem in the service's style, or the file name. */
export function checkUploadBody(body: unknown): { ok: true; filename: string } | { ok: false; error: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const filename = b.filename;
  if (typeof filename !== 'string' || filename === '') return { ok: false, error: 'filename is required' };
  if (!FILE_NAME.test(filename)) {
    return { ok: false, error: `filename "${filename}" may only contain letters, digits, ".", "-" and "_"` };
  }
  // The name becomes the last segment of the object key; "." and ".." are not file names.
  if (filename === '.' || filename === '..') return { ok: false, error: `filename "${filename}" is not a file name` };
  if (b.destination !== undefined) {
    const d = (b.destination ?? {}) as Record<string, unknown>;
    if (d.destination_type !== 'dataset_load') return { ok: false, error: `destination_type must be "dataset_load" for ${filename}` };
    if (typeof d.dataset_id !== 'string' || d.dataset_id === '') return { ok: false, error: `dataset_id is required for ${filename}` };
    if (!isRecordTypeName(d.record_type)) {
      return { ok: false, error: `record_type for ${filename} must be one of ${RECORD_TYPE_NAMES.join(', ')}` };
    }
  }
  return { ok: true, filename };
}

/** Serves the Lexer-like API (POST /v1/uploads, GET /v1/users); returns the status it sent. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, ctx: ApiContext): Promise<number> {
  const canned = ctx.faults.apiResponses.shift();
  if (canned) {
    req.resume();
    return sendCanned(res, canned);
  }
  const route = `${req.method} ${path}`;
  if (route !== 'POST /v1/uploads' && route !== 'GET /v1/users') {
    req.resume();
    return sendJson(res, 404, { error: `no route ${route}` });
  }
  if (!sameSecret(req.headers['auth-api-token'], ctx.token)) {
    req.resume();
    return sendJson(res, 401, { error: 'Invalid or missing Auth-Api-Token' });
  }
  if (route === 'GET /v1/users') return sendJson(res, 200, [{ id: 1, name: 'Sandbox user' }]);
  let body: unknown;
  try {
    body = await readJson(req);
  } catch {
    return sendJson(res, 400, { error: 'the request body is not valid JSON' });
  }
  const check = checkUploadBody(body);
  if (!check.ok) return sendJson(res, 422, { error: check.error });
  const refusals = ctx.faults.refuseUploads ?? [];
  const refusal = refusals.findIndex((r) => check.filename.includes(r.filenameIncludes));
  if (refusal >= 0) return sendCanned(res, refusals.splice(refusal, 1)[0] as UploadRefusal);
  return sendJson(res, 201, await ctx.issueUpload(check.filename));
}
