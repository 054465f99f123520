/**
 * The 12 record types Lexer loads automatically from NDJSON (FILE_UPLOAD_API.md, "Formats and
 * record types"). One list, so the CLI, the API client and the app agree on the names.
 */
export const RECORD_TYPE_NAMES = [
  'customer_record',
  'product',
  'purchase',
  'return',
  'email_bounce',
  'email_click',
  'email_open',
  'email_send',
  'email_subscribe',
  'sms_click',
  'sms_send',
  'sms_subscribe',
] as const;

export type RecordTypeName = (typeof RECORD_TYPE_NAMES)[number];

/** Whether `value` names one of the 12 record types. */
export function isRecordTypeName(value: unknown): value is RecordTypeName {
  return typeof value === 'string' && (RECORD_TYPE_NAMES as readonly string[]).includes(value);
}
