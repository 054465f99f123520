/**
 * A last line of defence for "the token never leaves main": before a reply crosses to the
 * window, every string in it is searched for the token and any copy is masked. Handlers
 * never put it there; this catches a library error message that quotes a request header.
 */

/** Returns `value` with every occurrence of each secret (8+ characters) masked in its strings. */
export function scrubSecrets<T>(value: T, secrets: readonly (string | null | undefined)[]): T {
  const list = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  if (list.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return list.reduce((text, s) => text.split(s).join('[token hidden]'), v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
