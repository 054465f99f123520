/**
 * `link`: how a record names its customer. lexer_schemas/link.py makes it a Union of seven
 * models, each with `extra="forbid"`, so a link must match exactly one variant: two identifiers,
 * or a key no variant knows, make it invalid.
 */
import { Type } from '@sinclair/typebox';
import { EmailString, Opt, StringEnum } from './schema-helpers.js';

export const LINK_TYPES = ['email', 'email_sha256', 'customer_id', 'mobile', 'engage.id', 'external_id', 'email_md5'] as const;

const closed = { additionalProperties: false } as const;

export const EmailLink = Type.Object({ email: EmailString('Email address of the customer.') }, closed);
export const EmailSha256Link = Type.Object({ email_sha256: Type.String({ description: 'SHA-256 of the lowercased, trimmed email.' }) }, closed);
export const EmailMd5Link = Type.Object({ email_md5: Type.String({ description: 'MD5 of the lowercased, trimmed email.' }) }, closed);
export const CustomerIdLink = Type.Object(
  { customer_id: Type.String({ description: 'Unique customer identifier.' }), system_name: Opt(Type.String({ description: 'Optional name of the system of origin.' })) },
  closed,
);
export const MobileLink = Type.Object({ mobile: Type.String({ description: 'Mobile number with country code, no spaces.' }) }, closed);
export const ExternalLink = Type.Object(
  { external_id: Type.String({ description: 'Customer identifier in an external system.' }), system_name: Type.String({ description: 'Name of the external system.' }) },
  closed,
);
// Deprecated by the vendor but still accepted.
export const CustomerLink = Type.Object(
  { link_type: StringEnum(LINK_TYPES), link_value: Type.String({ minLength: 1 }), id_type: Opt(Type.String()) },
  closed,
);

/** Each variant with the key that identifies it, in the vendor's Union order. */
export const LINK_VARIANTS = [
  { key: 'email', schema: EmailLink },
  { key: 'email_sha256', schema: EmailSha256Link },
  { key: 'email_md5', schema: EmailMd5Link },
  { key: 'customer_id', schema: CustomerIdLink },
  { key: 'mobile', schema: MobileLink },
  { key: 'external_id', schema: ExternalLink },
  { key: 'link_type', schema: CustomerLink },
] as const;

export const Link = Type.Union(LINK_VARIANTS.map((v) => v.schema), {
  description: 'Identifies the customer: exactly one of email, email_sha256, email_md5, customer_id (+ system_name), mobile, external_id + system_name, or link_type + link_value.',
});
