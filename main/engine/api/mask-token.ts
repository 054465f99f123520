/**
 * The API token must never reach a message: an API that quotes the token it was sent
 * in its error text would otherwise put it on the progress card, in the event stream to the page,
 * in history.json and in `lexer-upload upload --json`. Masking where API errors become messages
 * covers every one of those paths at once.
 */

export const TOKEN_MASK = '[token hidden]';

/**
 * Replaces every copy of `token` in `text` with {@link TOKEN_MASK}: as sent, JSON-escaped and
 * percent-encoded, the forms an error body or a URL would quote it in. Tokens under 8
 * characters are not searched for (they would mask ordinary words).
 */
export function maskToken(text: string, token: string | null | undefined): string {
  if (!token || token.length < 8) return text;
  const forms = new Set([token, JSON.stringify(token).slice(1, -1), encodeURIComponent(token)]);
  let masked = text;
  for (const form of forms) masked = masked.split(form).join(TOKEN_MASK);
  return masked;
}
