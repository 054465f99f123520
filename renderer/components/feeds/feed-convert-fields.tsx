/**
 * A watched folder's conversion choices beyond the mapping: how its CSVs write dates (one order
 * for every date column, and per column by header, for the files whose first rows do not settle
 * it), the encoding of exports that do not show it, and whether a record is kept without its
 * invalid optional fields. A feed has no mapping screen to ask on, so these are said up front.
 */
import { useId } from 'react';
import { TEXT_ENCODINGS, encodingLabel, type DateOrder, type TextEncoding } from '../../../main/contract/jobs.js';
import { DATE_ORDER_WORDS } from '../upload/convert/date-order-choice.js';

const EXAMPLES: Readonly<Record<DateOrder, string>> = { dmy: '25/03/1985', mdy: '03/25/1985', ymd: '1985/03/25' };
const ORDERS = Object.keys(EXAMPLES) as DateOrder[];
const WORDS = Object.fromEntries(ORDERS.map((o) => [o, `${DATE_ORDER_WORDS[o]} (${EXAMPLES[o]})`])) as Readonly<Record<DateOrder, string>>;

/** One column's order as typed: the header and its order. */
export interface ColumnOrder {
  readonly header: string;
  readonly order: DateOrder;
}

interface Props {
  readonly dateOrder: DateOrder | null;
  readonly onDateOrderChange: (order: DateOrder | null) => void;
  readonly columns: readonly ColumnOrder[];
  readonly onColumnsChange: (columns: readonly ColumnOrder[]) => void;
  readonly leaveOut: boolean;
  readonly onLeaveOutChange: (on: boolean) => void;
  readonly encoding: TextEncoding | null;
  readonly onEncodingChange: (encoding: TextEncoding | null) => void;
}

/** The fields, under "Convert CSV files to NDJSON". */
export function FeedConvertFields({ dateOrder, onDateOrderChange, columns, onColumnsChange, leaveOut, onLeaveOutChange, encoding, onEncodingChange }: Props) {
  const id = useId();
  const set = (i: number, patch: Partial<ColumnOrder>) => onColumnsChange(columns.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <>
      <label htmlFor={`${id}-dates`}>Dates in CSV files</label>
      <select id={`${id}-dates`} value={dateOrder ?? ''} onChange={(e) => onDateOrderChange(e.target.value === '' ? null : (e.target.value as DateOrder))} aria-describedby={`${id}-dates-hint`}>
        <option value="">Read from each file&apos;s first rows</option>
        {ORDERS.map((o) => <option key={o} value={o}>{WORDS[o]}</option>)}
      </select>
      <p id={`${id}-dates-hint`} className="hint">
        A file whose first dates could be either order (03/04/1985) goes to the failed folder unless the order is set here, for every date column or
        for a column by its header.
      </p>
      {columns.length > 0 && (
        <ul className="column-orders" aria-label="Date order by column">
          {columns.map((c, i) => (
            <li key={i} className="checkbox">
              <input type="text" aria-label={`Column ${i + 1} header`} value={c.header} spellCheck={false} onChange={(e) => set(i, { header: e.target.value })} />
              <select aria-label={`Dates in column ${i + 1}`} value={c.order} onChange={(e) => set(i, { order: e.target.value as DateOrder })}>
                {ORDERS.map((o) => <option key={o} value={o}>{WORDS[o]}</option>)}
              </select>
              <button type="button" className="small" aria-label={`Remove column ${i + 1}`} onClick={() => onColumnsChange(columns.filter((_, j) => j !== i))}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      <div className="buttons">
        <button type="button" onClick={() => onColumnsChange([...columns, { header: '', order: 'dmy' }])}>Set a column&apos;s date order</button>
      </div>
      <label htmlFor={`${id}-encoding`}>Encoding of CSV files</label>
      <select id={`${id}-encoding`} value={encoding ?? ''} onChange={(e) => onEncodingChange(e.target.value === '' ? null : (e.target.value as TextEncoding))} aria-describedby={`${id}-encoding-hint`}>
        <option value="">Detect from each file</option>
        {TEXT_ENCODINGS.map((e) => <option key={e} value={e}>{encodingLabel(e)}</option>)}
      </select>
      <p id={`${id}-encoding-hint`} className="hint">
        A file that no single encoding reads (an old Mac export beside Windows rows) goes to the failed folder unless its encoding is set here.
      </p>
      <div className="checkbox">
        <input id={`${id}-leave`} type="checkbox" checked={leaveOut} onChange={(e) => onLeaveOutChange(e.target.checked)} aria-describedby={`${id}-leave-hint`} />
        <label htmlFor={`${id}-leave`}>Leave out invalid optional fields</label>
      </div>
      <p id={`${id}-leave-hint`} className="hint">A record whose only invalid fields are optional ones is sent without them (never without its link).</p>
    </>
  );
}

/** The per-column orders as the settings keep them (blank headers dropped). */
export function columnOrdersOf(columns: readonly ColumnOrder[]): Record<string, DateOrder> {
  return Object.fromEntries(columns.filter((c) => c.header.trim() !== '').map((c) => [c.header.trim(), c.order]));
}
