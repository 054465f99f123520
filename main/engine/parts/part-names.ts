import { checkFileName } from '../names/check-file-name.js';
import { splitExtension } from '../names/name-parts.js';

/** `-{YYYYMMDD}-v{N}` at the end of a stem: the part marker goes before it, so the name keeps Lexer's order. */
const DATE_VERSION = /-\d{8}-[vV]\d+$/;

/**
 * The name of part `index` (1-based) of `count`: `customers-20261129-v1.ndjson.gz` becomes
 * `customers-part01of03-20261129-v1.ndjson.gz`. The marker sits in the descriptor, since Lexer's
 * rules want the name to end `-{date}-{version}` (a name ending `-v1-part01of03` fails them);
 * numbers are zero-padded, so the parts sort in order. A name without that ending (the vendor's
 * `{dataset}_{record_type}_{timestamp}` default) gets `_part01of03` at the end of its stem.
 * One part keeps the name as it is.
 */
export function partFileName(name: string, index: number, count: number): string {
  if (count <= 1) return name;
  const digits = Math.max(2, String(count).length);
  const marker = `part${String(index).padStart(digits, '0')}of${String(count).padStart(digits, '0')}`;
  const { stem, ext } = splitExtension(name);
  const tail = DATE_VERSION.exec(stem);
  if (tail && checkFileName(name).valid) return `${stem.slice(0, tail.index)}-${marker}${tail[0]}${ext}`;
  return `${stem}_${marker}${ext}`;
}
