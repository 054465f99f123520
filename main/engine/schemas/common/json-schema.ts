/**
 * Building blocks for the record types, as plain JSON Schema objects that ajv compiles.
 * pydantic's `Optional[X] = None` accepts `null` as well as a missing key (the vendor's own CSV
 * converter writes nulls: examples/example.csv.ndjson), so optional fields are built with
 * {@link Opt}: `type: [X, 'null']`, not an `anyOf`, which keeps ajv's errors to one per field.
 *
 * Plain objects rather than TypeBox: the schemas are a few dozen static nodes, and loading
 * TypeBox's 266 modules cost every command ~70 ms of start-up for builders this small.
 */
import { DATE_FORMAT, DATE_TIME_FORMAT, EMAIL_FORMAT, HTTP_URL_FORMAT, OPTIONAL_EMAIL_FORMAT, TIMESTAMP_KEYWORD } from './formats.js';

/** One node of a record type's JSON Schema, as far as this project writes and reads them. */
export interface SchemaNode {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  /** Numbers must be Unix timestamps, not a date written as digits (formats.ts). */
  [TIMESTAMP_KEYWORD]?: boolean;
}

type Extra = Pick<SchemaNode, 'description' | 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum' | 'minLength' | 'additionalProperties'>;

/** A property that may be left out (see {@link Opt} and {@link Optional}). */
export class OptionalProperty {
  constructor(readonly schema: SchemaNode) {}
}

/** An object with these properties; those not wrapped by Opt/Optional are required. */
export function Obj(props: Readonly<Record<string, SchemaNode | OptionalProperty>>, extra: Extra = {}): SchemaNode {
  const properties: Record<string, SchemaNode> = {};
  const required: string[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (value instanceof OptionalProperty) {
      properties[key] = value.schema;
    } else {
      properties[key] = value;
      required.push(key);
    }
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), ...extra };
}

export const Str = (extra: Extra = {}): SchemaNode => ({ type: 'string', ...extra });
export const Num = (extra: Extra = {}): SchemaNode => ({ type: 'number', ...extra });
export const Int = (extra: Extra = {}): SchemaNode => ({ type: 'integer', ...extra });
export const Bool = (extra: Extra = {}): SchemaNode => ({ type: 'boolean', ...extra });
export const Arr = (items: SchemaNode, extra: Extra = {}): SchemaNode => ({ type: 'array', items, ...extra });

/** pydantic `Dict[str, X]`: any keys, each value a `values` (any value when left out). */
export const Dict = (values?: SchemaNode, extra: Extra = {}): SchemaNode => ({ type: 'object', additionalProperties: values ?? true, ...extra });

/** The same schema, also accepting `null`. */
export function Nullable(schema: SchemaNode): SchemaNode {
  const node: SchemaNode = { ...schema };
  if (Array.isArray(node.enum)) node.enum = [...node.enum, null];
  if (typeof node.type === 'string') node.type = [node.type, 'null'];
  else if (Array.isArray(node.type)) node.type = [...node.type, 'null'];
  return node;
}

/** An optional field that may also be `null` (pydantic `Optional[X] = None`). */
export const Opt = (schema: SchemaNode): OptionalProperty => new OptionalProperty(Nullable(schema));

/** A field that may be left out but not `null` (a pydantic field with a non-None default). */
export const Optional = (schema: SchemaNode): OptionalProperty => new OptionalProperty(schema);

/** A string that must be one of `values` (a Python `Enum` read by value). */
export const StringEnum = (values: readonly string[], description?: string): SchemaNode => ({
  type: 'string', enum: [...values], ...(description ? { description } : {}),
});

/** Exactly one of these objects (a Python `Union` of models). */
export const Union = (variants: readonly SchemaNode[], description?: string): SchemaNode => ({
  anyOf: [...variants], ...(description ? { description } : {}),
});

/** A calendar date, `YYYY-MM-DD` (pydantic `date`; a Unix timestamp is converted, with a warning). */
export const DateString = (description?: string): SchemaNode => ({ type: 'string', format: DATE_FORMAT, ...(description ? { description } : {}) });

/** A date and time, ISO 8601 with or without a zone, or a Unix timestamp (pydantic `datetime`). */
export const DateTime = (description?: string): SchemaNode => ({
  type: ['string', 'number'], format: DATE_TIME_FORMAT, [TIMESTAMP_KEYWORD]: true, ...(description ? { description } : {}),
});

/** An email address as the vendor's validators check it (stripped and lower-cased first). */
export const EmailString = (description?: string): SchemaNode => ({ type: 'string', format: EMAIL_FORMAT, ...(description ? { description } : {}) });

/** customer_record's `email` attribute: like {@link EmailString}, but "" means no email. */
export const OptionalEmailString = (description?: string): SchemaNode => ({
  type: 'string', format: OPTIONAL_EMAIL_FORMAT, ...(description ? { description } : {}),
});

/** An http(s) web address (pydantic `HttpUrl`: a top-level domain is required, 2083 characters at most). */
export const HttpUrl = (description?: string): SchemaNode => ({ type: 'string', format: HTTP_URL_FORMAT, ...(description ? { description } : {}) });
