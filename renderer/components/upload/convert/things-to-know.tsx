/**
 * "Things to know" about a CSV, short and current: the file's real problems
 * (a few, the rest behind "more"), and when converting, one line on where the columns go as
 * mapped now and a warning for what would reject every row, worked out from the mapping as it
 * stands (never the preview's view of the suggested one beside it). A header matched to a field by
 * suggestion is not a problem and is not listed: the mapping shows it.
 */
import type { PreviewIssue } from '../../../../main/contract/files.js';
import type { RecordTypeName } from '../../../../main/contract/jobs.js';
import type { MappingSummary } from '../../../state/mapping-summary.js';

/** Problems shown before the rest fold away under "more". */
const SHOWN = 3;

interface Props {
  readonly problems: readonly PreviewIssue[];
  /** Facts about the file that need no fixing (a BOM removed, Excel's sep= line). */
  readonly notes: readonly PreviewIssue[];
  /** The mapping as it stands, when converting; null when sending the CSV as it is. */
  readonly summary: MappingSummary | null;
  readonly linkConflict: boolean;
  /** A date column whose order of day and month the person must choose, or null. */
  readonly unclearDates: string | null;
  readonly recordType: RecordTypeName;
}

const PRODUCTS_EXAMPLE = '[{"price_paid": 29.95, "quantity": 1}]';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The summary; nothing when there is nothing to know. */
export function ThingsToKnow({ problems, notes, summary, linkConflict, unclearDates, recordType }: Props) {
  if (problems.length === 0 && notes.length === 0 && !summary) return null;
  const item = (issue: PreviewIssue, i: number) => <li key={`${issue.kind}-${i}`} data-issue={issue.kind}>{issue.message}</li>;
  return (
    <div className="notice things-to-know" data-testid="things-to-know">
      <h4>Things to know</h4>
      <ul className="issues">
        {summary && (
          <li data-note="mapping">
            As mapped now: {plural(summary.fields, 'column goes', 'columns go')} to fields of {recordType}, {summary.custom} to custom fields,{' '}
            {summary.left} left out.
          </li>
        )}
        {summary && summary.missing.length > 0 && (
          <li className="warning" data-note="missing">
            No column fills {summary.missing.join(', ')}, which every {recordType} record needs: every row would be rejected. Map a column to{' '}
            {summary.missing[0] === 'link' ? 'a link field (such as link.email)' : summary.missing[0]}.
            {summary.missing.includes('products') && (
              <>
                {' '}A {recordType} row needs its products as a JSON list in one cell, e.g. {PRODUCTS_EXAMPLE}; an export with one row per line item (like
                Shopify&apos;s orders export) must be grouped into one row per order first.
              </>
            )}
          </li>
        )}
        {summary && unclearDates !== null && (
          <li className="warning" data-note="date-order">
            The dates in “{unclearDates}” do not settle whether they are day/month/year or month/day/year: choose in the mapping below.
          </li>
        )}
        {linkConflict && (
          <li className="warning" data-note="link-conflict">Two columns fill the link; a record has one. See the mapping below.</li>
        )}
        {problems.slice(0, SHOWN).map(item)}
        {notes.map((note, i) => <li key={`note-${note.kind}-${i}`} className="note" data-note={note.kind}>{note.message}</li>)}
      </ul>
      {problems.length > SHOWN && (
        <details>
          <summary>{plural(problems.length - SHOWN, 'more thing', 'more things')} to know</summary>
          <ul className="issues">{problems.slice(SHOWN).map((p, i) => item(p, i + SHOWN))}</ul>
        </details>
      )}
    </div>
  );
}
