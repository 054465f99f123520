/**
 * The 12 record types' schemas, and the rules a JSON Schema cannot say (pydantic root validators).
 */
import type { SchemaNode } from './common/json-schema.js';
import type { RecordTypeName } from './record-type-names.js';
import { PRODUCT_REFERENCE_TYPES } from './common/commerce.js';
import { CustomerRecord } from './record-types/customer-record.js';
import { Product } from './record-types/product.js';
import { Purchase } from './record-types/purchase.js';
import { Return } from './record-types/return.js';
import { EmailBounce } from './record-types/email-bounce.js';
import { EmailClick } from './record-types/email-click.js';
import { EmailOpen } from './record-types/email-open.js';
import { EmailSend } from './record-types/email-send.js';
import { EmailSubscribe } from './record-types/email-subscribe.js';
import { SmsClick } from './record-types/sms-click.js';
import { SmsSend } from './record-types/sms-send.js';
import { SmsSubscribe } from './record-types/sms-subscribe.js';

export const RECORD_SCHEMAS: Readonly<Record<RecordTypeName, SchemaNode>> = {
  customer_record: CustomerRecord,
  product: Product,
  purchase: Purchase,
  return: Return,
  email_bounce: EmailBounce,
  email_click: EmailClick,
  email_open: EmailOpen,
  email_send: EmailSend,
  email_subscribe: EmailSubscribe,
  sms_click: SmsClick,
  sms_send: SmsSend,
  sms_subscribe: SmsSubscribe,
};

/** A rule beyond the schema: returns the problem, or null. */
export type ExtraRule = (record: Record<string, unknown>) => { field: string; rule: string; message: string } | null;

// product_entity.py root validator: the field named by product_reference_type (default
// product_id) must have a value.
const productReference: ExtraRule = (record) => {
  const given = record.product_reference_type;
  // A type that is not sku, upc or product_id is the schema's problem, reported on its own.
  if (given !== undefined && (typeof given !== 'string' || !(PRODUCT_REFERENCE_TYPES as readonly string[]).includes(given))) return null;
  const type = (given as string | undefined) ?? 'product_id';
  const value = record[type];
  if (value !== undefined && value !== null) return null;
  return {
    field: type,
    rule: 'is required by product_reference_type',
    message: `${type}: is required because product_reference_type is "${type}"${record.product_reference_type === undefined ? ' (the default)' : ''}`,
  };
};

export const EXTRA_RULES: Readonly<Partial<Record<RecordTypeName, readonly ExtraRule[]>>> = {
  product: [productReference],
};
