/**
 * The 12 record types as a runtime list for the renderer's controls. The renderer may not import
 * main/ at runtime, so the list is spelled out here and `satisfies` makes the compiler fail when
 * the contract's `RecordTypeName` gains or loses a name.
 */
import type { RecordTypeName } from '../main/contract/jobs.js';

const NAMES = {
  customer_record: true,
  product: true,
  purchase: true,
  return: true,
  email_bounce: true,
  email_click: true,
  email_open: true,
  email_send: true,
  email_subscribe: true,
  sms_click: true,
  sms_send: true,
  sms_subscribe: true,
} as const satisfies Record<RecordTypeName, true>;

export const RECORD_TYPES = Object.keys(NAMES) as readonly RecordTypeName[];

/** Whether a string (e.g. from a <select> or localStorage) is one of the record types. */
export function asRecordType(value: string): RecordTypeName | null {
  return (RECORD_TYPES as readonly string[]).includes(value) ? (value as RecordTypeName) : null;
}
