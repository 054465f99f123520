/**
 * Building blocks for the record types. pydantic's `Optional[X] = None` accepts `null` as well as
 * a missing key (the vendor's own CSV converter writes nulls: examples/example.csv.ndjson), so
 * optional fields are built with {@link Opt}: `type: [X, 'null']`, not an `anyOf`, which keeps
 * ajv's errors to one per field.
 */
import { Type, type Static, type TSchema, type TOptional, type TUnsafe } from '@sinclair/typebox';
import { DATE_FORMAT, DATE_TIME_FORMAT, EMAIL_FORMAT, HTTP_URL_FORMAT } from './formats.js';

/** The same schema, also accepting `null`. */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const json: Record<string, unknown> = { ...schema };
  if (Array.isArray(json.enum)) json.enum = [...(json.enum as unknown[]), null];
  const type = json.type;
  if (typeof type === 'string') json.type = [type, 'null'];
  else if (Array.isArray(type)) json.type = [...(type as string[]), 'null'];
  return Type.Unsafe<Static<T> | null>(json);
}

/** An optional field that may also be `null` (pydantic `Optional[X] = None`). */
export function Opt<T extends TSchema>(schema: T): TOptional<TUnsafe<Static<T> | null>> {
  return Type.Optional(Nullable(schema));
}

/** A string that must be one of `values` (a Python `Enum` read by value). */
export function StringEnum<const V extends readonly string[]>(values: V, description?: string): TUnsafe<V[number]> {
  return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

/** A calendar date, `YYYY-MM-DD` (pydantic `date`). */
export const DateString = (description?: string) => Type.String({ format: DATE_FORMAT, ...(description ? { description } : {}) });

/** A date and time, ISO 8601 with or without a zone, or a Unix timestamp (pydantic `datetime`). */
export const DateTime = (description?: string) =>
  Type.Unsafe<string | number>({ type: ['string', 'number'], format: DATE_TIME_FORMAT, ...(description ? { description } : {}) });

/** An email address matching the vendor's pattern. */
export const EmailString = (description?: string) => Type.String({ format: EMAIL_FORMAT, ...(description ? { description } : {}) });

/** An http(s) web address (pydantic `HttpUrl`). */
export const HttpUrl = (description?: string) =>
  Type.String({ format: HTTP_URL_FORMAT, minLength: 1, maxLength: 2083, ...(description ? { description } : {}) });
