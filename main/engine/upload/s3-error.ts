import { XMLParser } from 'fast-xml-parser';
import { LexerError } from '../errors.js';
import { serverText } from '../text/shown-text.js';

/** S3's error body: `<Error><Code>…</Code><Message>…</Message>…</Error>`. */
export interface S3ErrorBody {
  code: string | null;
  message: string | null;
}

// htmlEntities: also decode numeric references (&#34;), which some S3-compatible stores send.
const parser = new XMLParser({ parseTagValue: false, htmlEntities: true });

/** Reads Code and Message from an S3 XML error body; nulls when the body is not S3 XML. */
export function parseS3Error(xml: string): S3ErrorBody {
  try {
    const doc = parser.parse(xml) as { Error?: { Code?: unknown; Message?: unknown } };
    const code = doc.Error?.Code;
    const message = doc.Error?.Message;
    // S3's words (or a hostile store's) as plain lines, for terminals and the window alike.
    return { code: typeof code === 'string' ? serverText(code).slice(0, 100) : null, message: typeof message === 'string' ? serverText(message).slice(0, 500) : null };
  } catch {
    return { code: null, message: null };
  }
}

/** Says in plain words what an S3 answer to the PUT means; `retryable` says whether a fresh URL can help. */
export function s3Error(status: number, body: string, fileName: string): LexerError {
  const { code, message } = parseS3Error(body);
  const said = code ? `${code}${message ? `: ${message}` : ''}` : `HTTP ${status}`;
  if (code === 'AccessDenied' && /expired/i.test(message ?? '')) {
    return new LexerError('link-expired', `The upload link for ${fileName} expired before the file was sent (S3 said "${said}").`, {
      hint: 'Upload links are valid for a limited time; try again to get a fresh one, and check your computer clock.',
      retryable: true,
    });
  }
  switch (code) {
    case 'SignatureDoesNotMatch':
      return new LexerError('signature-mismatch', `S3 refused ${fileName}: the request did not match the signed upload link (${said}).`, {
        hint: 'Something between this computer and S3 (a proxy or antivirus) changed the request; try another network or proxy setting.',
      });
    case 'AuthorizationQueryParametersError':
      return new LexerError('url-mangled', `S3 refused ${fileName}: the upload link was mangled (${said}).`, {
        hint: 'The link must be decoded from JSON (\\u0026 and &amp; become &); paste it again or let the app request it.',
      });
    case 'RequestTimeout':
      // S3 gives up on a body that stopped arriving ("Your socket connection to the server was
      // not read from or written to within the timeout period"): a stall, fixed by a fresh PUT.
      return new LexerError('upload-stalled', `S3 stopped waiting for ${fileName}: no data arrived for too long (${said}).`, {
        hint: 'Check your connection; the upload starts again from the beginning with a fresh link.',
        retryable: true,
      });
    case 'EntityTooLarge':
      return new LexerError('entity-too-large', `S3 refused ${fileName}: it is larger than one upload may be (${said}).`, {
        hint: 'Split the file into parts under 5 GiB (5,368,709,120 bytes).',
      });
    default:
      return new LexerError('upload-rejected', `S3 refused ${fileName} (${said}).`, {
        hint: status >= 500 ? 'S3 had a problem; try again.' : 'Try again; if it keeps failing, contact Lexer support with this message.',
        retryable: status >= 500,
      });
  }
}
