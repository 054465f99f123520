/**
 * Two columns feeding `link` (Email -> link.email and Customer ID -> link.customer_id): a record
 * has exactly one link (lexer_schemas/link.py, `extra="forbid"` on each variant), so every row
 * holding both values would be rejected. Said at the mapping, before converting, with the other
 * column's plain field one click away.
 */
import { useId } from 'react';
import type { LinkConflict } from '../../../state/mapping-summary.js';

interface Props {
  readonly conflict: LinkConflict;
  readonly onMove: (header: string, path: string) => void;
  readonly disabled: boolean;
}

/** The warning above the mapping table. */
export function LinkWarning({ conflict, onMove, disabled }: Props) {
  const id = useId();
  const { keep, move } = conflict;
  const columns = [keep, ...move.map((m) => m.column)];
  return (
    <div className="warning link-warning" role="group" aria-labelledby={`${id}-text`} data-testid="link-warning">
      <p id={`${id}-text`}>
        A record has one link, but {columns.map((c) => `“${c.header}” (${c.path})`).join(' and ')} {columns.length === 2 ? 'both' : 'all'} fill it: every row
        with more than one of these values would be rejected. Keep “{keep.header}” as the link and send the other as a plain field:
      </p>
      <div className="buttons">
        {move.map(({ column, suggestion }) => (
          <button key={column.header} type="button" disabled={disabled} onClick={() => onMove(column.header, suggestion)}>
            Send “{column.header}” as {suggestion}
          </button>
        ))}
      </div>
    </div>
  );
}
