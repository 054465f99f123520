/**
 * Presigned S3 URLs are credentials (anyone holding one can write the object until it expires),
 * so every URL that reaches a log line or an error message goes through {@link stripQuery}.
 */

/** The URL without its query string and fragment, safe to log or show. */
export function stripQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}
