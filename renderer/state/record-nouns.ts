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
