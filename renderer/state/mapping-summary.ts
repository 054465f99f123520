/**
 * "Things to know" about a CSV, worked out from the mapping as it stands:
 * how many columns go to fields, to custom fields or nowhere, which field every record needs
 * and no column fills, and two columns that both try to be a record's link. Recomputed on every
 * change, so it never goes stale and never calls a suggestion a problem.
 */
import type { CsvPreview, PreviewIssue } from '../../main/contract/files.js';
import type { ColumnMapping, FieldOption } from '../../main/contract/jobs.js';

const CUSTOM = 'custom_fields.';
/**
 * The keys that name a link variant (main/engine/schemas/common/link.ts): a record's `link` is exactly one
 * of them; `system_name`, `link_value` and `id_type` only complete a variant.
 */
const LINK_KEYS: readonly string[] = ['email', 'email_sha256', 'email_md5', 'customer_id', 'mobile', 'external_id', 'link_type'];

export interface ColumnTarget {
  readonly header: string;
  /** The field path, `custom_fields.x`, or null when the column is left out. */
  readonly path: string | null;
}

/** Where each column goes under the mapping (the mapping's default for columns it does not name). */
export function columnTargets(headers: readonly string[], mapping: ColumnMapping, customFor: (header: string) => string): ColumnTarget[] {
  return headers.map((header) => {
    const value = mapping.columns[header];
    if (value === undefined) return { header, path: mapping.unknownColumns === 'drop' ? null : customFor(header) };
    return { header, path: value === '' ? null : value };
  });
}

export interface LinkConflict {
  /** The column kept as the link (the first, in column order). */
  readonly keep: ColumnTarget;
  /** The other link columns, each with the plain field it could go to instead (or a custom field). */
  readonly move: readonly { readonly column: ColumnTarget; readonly suggestion: string }[];
}

/** Two or more columns naming different link variants: every row holding both values is rejected. */
export function linkConflict(targets: readonly ColumnTarget[], fields: readonly FieldOption[], customFor: (header: string) => string): LinkConflict | null {
  const links = targets.filter((t) => t.path !== null && t.path.startsWith('link.') && LINK_KEYS.includes(t.path.slice('link.'.length)));
  const keys = new Set(links.map((t) => t.path));
  const [keep, ...others] = links;
  if (!keep || keys.size < 2) return null;
  const paths = new Set(fields.map((f) => f.path));
  const move = others
    .filter((t) => t.path !== keep.path)
    .map((column) => {
      const plain = (column.path ?? '').slice('link.'.length);
      return { column, suggestion: paths.has(plain) ? plain : customFor(column.header) };
    });
  return { keep, move };
}

export interface MappingSummary {
  readonly fields: number;
  readonly custom: number;
  readonly left: number;
  /** Columns that fill the link, in column order. */
  readonly linkColumns: readonly ColumnTarget[];
  /** Required fields (link included) no column fills: every row would be rejected. */
  readonly missing: readonly string[];
}

/** Columns that fill fields of the record type, and those that would only be custom fields. */
export interface ColumnMatch {
  readonly matched: readonly string[];
  readonly unmatched: readonly string[];
}

/**
 * Whether the file looks made for another record type: fewer than half of its columns (those
 * left out aside) fill fields of this one. A POS export converted as customers went in as 1,200
 * "customers" of custom fields; the card asks first. Null when most columns match.
 */
export function poorMatch(targets: readonly ColumnTarget[]): ColumnMatch | null {
  const placed = targets.filter((t) => t.path !== null);
  const matched = placed.filter((t) => !t.path?.startsWith(CUSTOM)).map((t) => t.header);
  const unmatched = placed.filter((t) => t.path?.startsWith(CUSTOM)).map((t) => t.header);
  return matched.length * 2 < placed.length ? { matched, unmatched } : null;
}

/** Counts where the columns go and what every record needs but no column (nor a value set for every record) gives. */
export function summarizeMapping(targets: readonly ColumnTarget[], fields: readonly FieldOption[], constants: readonly string[] = []): MappingSummary {
  const mapped = targets.map((t) => t.path).filter((p): p is string => p !== null);
  // A value every record gets fills its field as a column would.
  const fills = (path: string) => [...mapped, ...constants].some((m) => m === path || m.startsWith(`${path}.`));
  const missing = fields.filter((f) => f.required && !f.path.startsWith('link.') && !fills(f.path)).map((f) => f.path);
  const needsLink = fields.some((f) => f.path.startsWith('link.'));
  const linkColumns = targets.filter((t) => t.path?.startsWith('link.'));
  return {
    fields: mapped.filter((p) => !p.startsWith(CUSTOM)).length,
    custom: mapped.filter((p) => p.startsWith(CUSTOM)).length,
    left: targets.length - mapped.length,
    linkColumns,
    missing: needsLink && linkColumns.length === 0 ? ['link', ...missing] : missing,
  };
}

/**
 * Problems the preview found with what the suggested mapping would do (a required field no
 * column fills, a column left out for a record type without custom fields): the summary says the
 * same from the mapping as it stands, so these would repeat it and go stale after a change.
 */
const MAPPING_PROBLEMS: ReadonlySet<string> = new Set(['missing-field', 'unknown-header']);

/** The preview's problems about the file itself, each said once (the mapping's are the summary's). */
export function fileProblems(preview: CsvPreview): readonly PreviewIssue[] {
  const seen = new Set<string>();
  return preview.issues.filter((p) => !MAPPING_PROBLEMS.has(p.kind) && !seen.has(p.message) && seen.add(p.message));
}

/**
 * The preview's notes worth a line of their own (a BOM removed, Excel's `sep=` line, an encoding
 * not known yet, padding ignored in a header). How each header was matched (`unknown-header`
 * notes) is left out: the mapping below shows where every column goes.
 */
export function fileNotes(preview: CsvPreview): readonly PreviewIssue[] {
  return preview.notes.filter((n) => n.kind !== 'unknown-header');
}
