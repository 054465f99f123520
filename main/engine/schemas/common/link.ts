/**
 * `link`: how a record names its customer. lexer_schemas/link.py makes it a Union of seven
 * models, each with `extra="forbid"`, so a link must match exactly one variant: two identifiers,
 * or a key no variant knows, make it invalid.
 */
import { EmailString, Obj, Opt, Str, StringEnum, Union } from './json-schema.js';

export const LINK_TYPES = ['email', 'email_sha256', 'customer_id', 'mobile', 'engage.id', 'external_id', 'email_md5'] as const;

const closed = { additionalProperties: false } as const;

export const EmailLink = Obj({ email: EmailString('Email address of the customer.') }, closed);
export const EmailSha256Link = Obj({ email_sha256: Str({ description: 'SHA-256 of the lowercased, trimmed email.' }) }, closed);
export const EmailMd5Link = Obj({ email_md5: Str({ description: 'MD5 of the lowercased, trimmed email.' }) }, closed);
export const CustomerIdLink = Obj(
  { customer_id: Str({ description: 'Unique customer identifier.' }), system_name: Opt(Str({ description: 'Optional name of the system of origin.' })) },
  closed,
);
export const MobileLink = Obj({ mobile: Str({ description: 'Mobile number with country code, no spaces.' }) }, closed);
export const ExternalLink = Obj(
  { external_id: Str({ description: 'Customer identifier in an external system.' }), system_name: Str({ description: 'Name of the external system.' }) },
  closed,
);
// Deprecated by the vendor but still accepted.
export const CustomerLink = Obj({ link_type: StringEnum(LINK_TYPES), link_value: Str({ minLength: 1 }), id_type: Opt(Str()) }, closed);

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

export const Link = Union(
  LINK_VARIANTS.map((v) => v.schema),
  'Identifies the customer: exactly one of email, email_sha256, email_md5, customer_id (+ system_name), mobile, external_id + system_name, or link_type + link_value.',
);
