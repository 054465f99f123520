/**
 * Parsers for the structured arguments of `uploads:start` and `jobs:convert`: every field is
 * checked as unknown and rebuilt, so nothing the window adds travels further into main.
 */
import { isAbsolute } from 'node:path';
import { TEXT_ENCODINGS, type ColumnMapping, type ConvertRequest, type DateOrder, type TextEncoding } from '../../contract/jobs.js';
import type { UploadDestination, UploadRequest } from '../../contract/uploads.js';
import { usageError } from './result.js';
import { asBoolean, asId, asObject, asRecordType, asString } from './validators.js';

/** An absolute path to a local file (the renderer resolves dropped files to real paths). */
export function asFilePath(value: unknown, name = 'path'): string {
  const path = asString(value, name, 4096);
  if (!isAbsolute(path) || path.includes('\0')) throw usageError(`${name} must be an absolute file path.`);
  return path;
}

/** A dataset destination, or null for a plain file Lexer staff load by hand. */
export function parseDestination(value: unknown): UploadDestination | null {
  if (value === null) return null;
  const o = asObject(value, 'destination', ['datasetId', 'recordType']);
  const datasetId = asString(typeof o.datasetId === 'string' ? o.datasetId.trim() : o.datasetId, 'Dataset ID', 256);
  return { datasetId, recordType: asRecordType(o.recordType) };
}

/** `uploads:start`'s request. */
export function parseUploadRequest(value: unknown): UploadRequest {
  const o = asObject(value, 'request', ['id', 'path', 'filename', 'destination', 'validateFirst', 'gzip', 'allowDuplicate']);
  return {
    id: asId(o.id, 'id'),
    path: asFilePath(o.path),
    filename: asString(o.filename, 'filename', 255),
    destination: parseDestination(o.destination ?? null),
    validateFirst: asBoolean(o.validateFirst, 'validateFirst'),
    ...(o.gzip !== undefined ? { gzip: asBoolean(o.gzip, 'gzip') } : {}),
    ...(o.allowDuplicate !== undefined ? { allowDuplicate: asBoolean(o.allowDuplicate, 'allowDuplicate') } : {}),
  };
}

/** A column mapping: header to field path (or null to drop the column). */
export function parseMapping(value: unknown): ColumnMapping {
  const o = asObject(value, 'mapping', ['columns', 'unknownColumns', 'inferCustomTypes', 'dateOrders', 'groupBy', 'constants']);
  const cols = asObject(o.columns, 'mapping.columns', Object.keys(o.columns ?? {}));
  const entries = Object.entries(cols);
  if (entries.length > 5000) throw usageError('mapping.columns has too many columns.');
  for (const [header, field] of entries) {
    if (field !== null && (typeof field !== 'string' || field.length > 256)) throw usageError(`mapping for "${header}" must be a field path or null.`);
  }
  // fromEntries defines own properties, so a header named "__proto__" stays a plain key
  const columns = Object.fromEntries(entries) as Record<string, string | null>;
  if (o.unknownColumns !== 'custom_fields' && o.unknownColumns !== 'drop') throw usageError("mapping.unknownColumns must be 'custom_fields' or 'drop'.");
  return {
    columns, unknownColumns: o.unknownColumns, inferCustomTypes: asBoolean(o.inferCustomTypes, 'mapping.inferCustomTypes'),
    ...(o.dateOrders === undefined ? {} : { dateOrders: parseDateOrders(o.dateOrders) }),
    ...(o.groupBy === undefined ? {} : { groupBy: asString(o.groupBy, 'mapping.groupBy', 1000) }),
    ...(o.constants === undefined ? {} : { constants: parseConstants(o.constants) }),
  };
}

/** "Same value for every record": field path to a value, both text. */
function parseConstants(value: unknown): Record<string, string> {
  const entries = Object.entries(asObject(value, 'mapping.constants', Object.keys(value ?? {})));
  if (entries.length > 100) throw usageError('mapping.constants has too many values.');
  for (const [field, text] of entries) {
    if (field.length > 256 || typeof text !== 'string' || text.length > 1000) throw usageError(`the value for "${field.slice(0, 256)}" must be text.`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** Date orders by header: each 'dmy', 'mdy' or 'ymd'. */
export function parseDateOrders(value: unknown, name = 'mapping.dateOrders'): Record<string, DateOrder> {
  const entries = Object.entries(asObject(value, name, Object.keys(value ?? {})));
  if (entries.length > 5000) throw usageError(`${name} has too many columns.`);
  for (const [header, order] of entries) {
    if (header.length > 256) throw usageError(`${name} has a header over 256 characters.`);
    if (order !== 'dmy' && order !== 'mdy' && order !== 'ymd') throw usageError(`the date order for "${header}" must be dmy, mdy or ymd.`);
  }
  return Object.fromEntries(entries) as Record<string, DateOrder>;
}

/** `jobs:convert`'s request. */
export function parseConvertRequest(value: unknown): ConvertRequest {
  const o = asObject(value, 'request', ['path', 'recordType', 'mapping', 'gzip', 'stopOnFirstInvalid', 'leaveOutInvalidFields', 'encoding']);
  return {
    path: asFilePath(o.path),
    recordType: asRecordType(o.recordType),
    mapping: parseMapping(o.mapping),
    gzip: asBoolean(o.gzip, 'gzip'),
    stopOnFirstInvalid: asBoolean(o.stopOnFirstInvalid, 'stopOnFirstInvalid'),
    leaveOutInvalidFields: o.leaveOutInvalidFields === undefined ? false : asBoolean(o.leaveOutInvalidFields, 'leaveOutInvalidFields'),
    ...(o.encoding === undefined || o.encoding === null ? {} : { encoding: asEncoding(o.encoding) }),
  };
}

/** A file encoding the person chose (one of TEXT_ENCODINGS). */
export function asEncoding(value: unknown): TextEncoding {
  if (typeof value === 'string' && (TEXT_ENCODINGS as readonly string[]).includes(value)) return value as TextEncoding;
  throw usageError(`encoding must be one of ${TEXT_ENCODINGS.join(', ')}.`);
}
