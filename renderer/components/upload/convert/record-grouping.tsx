/**
 * "One record per": for purchases and returns, whether each row is one record, or the rows that
 * share a column's value (an order or receipt number) are one, each row one of its products, as
 * in a POS or Shopify export with one row per order line. A column whose values repeat in the
 * first rows is pointed out, since that is how such an export looks.
 */
import { useId } from 'react';
import type { RecordTypeName } from '../../../../main/contract/jobs.js';

interface Props {
  readonly recordType: RecordTypeName;
  readonly headers: readonly string[];
  /** The preview's first rows, to see which order column repeats. */
  readonly rows: readonly (readonly string[])[];
  /** The column rows are grouped by, or null for a record per row. */
  readonly groupBy: string | null;
  /** The header mapped to the record's id (purchase_id, return_id), if any. */
  readonly idColumn: string | null;
  readonly onChange: (groupBy: string | null) => void;
  readonly disabled: boolean;
}

/** Whether the record type holds an order's lines. */
export function holdsLines(recordType: RecordTypeName): boolean {
  return recordType === 'purchase' || recordType === 'return';
}

/** The choice of what one record is. */
export function RecordGrouping({ recordType, headers, rows, groupBy, idColumn, onChange, disabled }: Props) {
  const id = useId();
  const noun = recordType === 'return' ? 'return' : 'purchase';
  const column = idColumn === null ? -1 : headers.indexOf(idColumn);
  const values = column === -1 ? [] : rows.map((r) => r[column] ?? '').filter((v) => v !== '');
  const repeats = groupBy === null && idColumn !== null && new Set(values).size < values.length;
  return (
    <div className="record-grouping">
      <label htmlFor={`${id}-per`}>One record per</label>
      <select id={`${id}-per`} value={groupBy ?? ''} disabled={disabled} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">Row (each row is one {noun})</option>
        {headers.map((h, i) => <option key={`${h}-${i}`} value={h}>Value of “{h}” (its rows are one {noun}’s products)</option>)}
      </select>
      <p id={`${id}-hint`} className="hint">
        {groupBy === null
          ? `For an export with one row per order line, choose the column holding the order number: its rows become one ${noun}, wherever they are in the file.`
          : `Columns sent to products.* fill one product per row; the others belong to the ${noun} and must hold the same value on each of its rows (or be empty).`}
      </p>
      {repeats && (
        <p className="notice" data-testid="order-lines-hint">
          “{idColumn}” repeats in the first rows: if each row is one line of an order, choose “{idColumn}” here.
        </p>
      )}
    </div>
  );
}
