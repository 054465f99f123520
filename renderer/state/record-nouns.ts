/**
 * What one record of a type is called in a sentence a person reads: "2,620 of 3,500 customers
 * will be sent". Types without a plain-English plural say "records".
 */
import type { RecordTypeName } from '../../main/contract/jobs.js';

const NOUNS: Partial<Record<RecordTypeName, string>> = {
  customer_record: 'customers',
  product: 'products',
  purchase: 'purchases',
  return: 'returns',
};

/** The plural noun for records of `type`. */
export function recordNoun(type: RecordTypeName): string {
  return NOUNS[type] ?? 'records';
}

/** A count as the person's locale writes it (2,620). */
export function count(n: number): string {
  return n.toLocaleString();
}

/** Fields named in a sentence before the rest are counted ("email, date_of_birth and 2 more"). */
const FIELDS_NAMED = 3;

/**
 * What a converted file carried, as the result and History say it: "2,500 records sent; 880 rows
 * left out; 484 fields left out (email)". Each part only when it is not zero.
 */
export function recordsSent(r: { readonly sent: number; readonly leftOut: number | null; readonly lines: number | null; readonly fieldsLeftOut: number; readonly leftOutFields: readonly string[] }): string {
  // Grouped into orders, a record is an order: what is left out is orders, made of lines.
  const from = r.lines === null ? '' : ` (one per order, from ${count(r.lines)} line${r.lines === 1 ? '' : 's'})`;
  const parts = [`${count(r.sent)} record${r.sent === 1 ? '' : 's'} sent${from}`];
  const unit = r.lines === null ? 'row' : 'order';
  if (r.leftOut) parts.push(`${count(r.leftOut)} ${unit}${r.leftOut === 1 ? '' : 's'} left out`);
  if (r.fieldsLeftOut > 0) {
    const named = r.leftOutFields.slice(0, FIELDS_NAMED).join(', ');
    const more = r.leftOutFields.length > FIELDS_NAMED ? ` and ${r.leftOutFields.length - FIELDS_NAMED} more` : '';
    parts.push(`${count(r.fieldsLeftOut)} field${r.fieldsLeftOut === 1 ? '' : 's'} left out${named ? ` (${named}${more})` : ''}`);
  }
  return parts.join('; ');
}
