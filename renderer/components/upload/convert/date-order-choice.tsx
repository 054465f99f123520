/**
 * How a date column's dates are read: "read as day/month/year" when its first
 * dates show it (a first part over 12 is a day), changeable; a column whose dates could be either
 * order, or mix both, asks, and converting waits for the answer. The first choice leaves the
 * order to the conversion's own reading of the file; picking an order fixes it, and dates that
 * do not fit it are then reported as invalid rows.
 */
import { useId } from 'react';
import type { DateColumn } from '../../../../main/contract/files.js';
import type { DateOrder } from '../../../../main/contract/jobs.js';

/** An order of day and month in words, as the mapping and a watched folder's settings say it. */
export const DATE_ORDER_WORDS: Readonly<Record<DateOrder, string>> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' };
const WORDS = DATE_ORDER_WORDS;

interface Props {
  readonly header: string;
  /** What the preview's rows say about the column, or null when they hold no such dates. */
  readonly found: DateColumn | null;
  /** The person's choice, or null to use what the file shows. */
  readonly chosen: DateOrder | null;
  readonly onChange: (order: DateOrder | null) => void;
  readonly disabled: boolean;
}

/** Whether a date column still needs the person to say its order before converting. */
export function needsDateOrder(found: DateColumn | null, chosen: DateOrder | null): boolean {
  return chosen === null && found !== null && found.state !== 'decided';
}

/** A select of day/month orders under a date column's field. */
export function DateOrderChoice({ header, found, chosen, onChange, disabled }: Props) {
  const id = useId();
  const asks = needsDateOrder(found, chosen);
  const automatic = found?.state === 'decided' && found.order ? `${WORDS[found.order]} (from its dates)` : found ? 'Choose…' : 'as the file shows';
  let hint: string | null = null;
  if (found && chosen === null) {
    if (found.state === 'decided') hint = `${found.example.value} (line ${found.example.line}) can only be read this way.`;
    else if (found.state === 'ambiguous') hint = `Its dates could be day/month/year or month/day/year (e.g. ${found.example.value} on line ${found.example.line}): choose one.`;
    else hint = `It mixes day-first (${found.example.value}, line ${found.example.line}) and month-first (${found.counter?.value ?? ''}, line ${found.counter?.line ?? ''}) dates: choose one; dates that do not fit are listed as errors.`;
  }
  return (
    <div className={`date-order${asks ? ' asks' : ''}`}>
      <label htmlFor={`${id}-order`}>read as</label>
      <select
        id={`${id}-order`}
        aria-label={`Dates in ${header} read as`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        aria-invalid={asks || undefined}
        value={chosen ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as DateOrder))}
      >
        <option value="">{automatic}</option>
        <option value="dmy">{WORDS.dmy}</option>
        <option value="mdy">{WORDS.mdy}</option>
        <option value="ymd">{WORDS.ymd}</option>
      </select>
      {hint && <span id={`${id}-hint`} className="date-order-hint">{hint}</span>}
    </div>
  );
}
