import type { ServerResponse } from 'node:http';

/** An S3-style refusal: HTTP status, S3 error Code and Message. */
export interface S3Refusal {
  status: number;
  code: string;
  message: string;
}

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => ENTITIES[c] ?? c);

/** Writes an S3 XML error body, as S3 does: `<Error><Code/><Message/><RequestId/></Error>`. */
export function sendS3Error(res: ServerResponse, r: S3Refusal): void {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${escapeXml(r.code)}</Code><Message>${escapeXml(r.message)}</Message><RequestId>sandbox</RequestId></Error>`;
  res.writeHead(r.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
