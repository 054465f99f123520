/** Turns one ajv error into one sentence that names the field and the rule. */
import type { ErrorObject } from 'ajv';
import type { RecordProblem } from '../field-types.js';
import { dateDigits, timestampDate } from '../common/dates.js';
import { HTTP_URL_FORMAT, TIMESTAMP_KEYWORD } from '../common/formats.js';
import { httpUrlProblem } from '../common/http-url.js';
import { kindOf, type SchemaNode } from './field-kind.js';
import { pointerKeys, readablePath, showValue } from './value-text.js';

const BARE_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
// 29,95 or 1.234,50: a number written with a decimal comma (European spreadsheets).
const DECIMAL_COMMA = /^\s*[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+\s*$/;

/** The decimal-point spelling of a decimal-comma number ('1.234,5' -> '1234.5'), or null. */
export function fromDecimalComma(text: string): string | null {
  return DECIMAL_COMMA.test(text) ? text.trim().replace(/\./g, '').replace(',', '.') : null;
}

/** pydantic's reason a URL is refused, with what to write where its words alone do not say. */
function urlDetail(value: unknown): string {
  const problem = typeof value === 'string' ? httpUrlProblem(value) : null;
  if (problem === null || problem === 'invalid or missing URL scheme' || problem === 'URL scheme not permitted') {
    return `${problem ?? 'not text'}: write it as http://... or https://...`;
  }
  return problem;
}

/**
 * Why a value that spells a date in digits is refused (datetime_parse.py reads any number as
 * seconds since 1970, so "19850304" would be 1970-08-18), or null for any other value.
 */
function dateDigitsDetail(value: unknown, time = ''): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const spelled = dateDigits(value);
  if (spelled === null) return null;
  const seconds = Number(value);
  const reading = `Lexer would read ${String(value).trim()} as seconds since 1 January 1970 (${timestampDate(seconds)})`;
  return spelled.length === 4
    ? ` (a year alone is not a date; ${reading}; write a whole date, e.g. "${spelled}-01-01")`
    : ` (it looks like ${spelled} written without dashes; ${reading}; write "${spelled}${time}")`;
}

/**
 * The rule a value of this node breaks when it has the wrong type or format, plus a hint;
 * `says` is the rule as the message words it, when that differs from the rule's summary name.
 */
function kindRule(node: SchemaNode, value: unknown): { rule: string; detail: string; says?: string } {
  const k = kindOf(node);
  switch (k.kind) {
    case 'string':
      return node.format === HTTP_URL_FORMAT
        ? { rule: 'not a web address', detail: ` (${urlDetail(value)})` }
        : { rule: 'not a string', detail: '' };
    case 'number':
    case 'integer': {
      const rule = k.kind === 'number' ? 'not a number' : 'not a whole number';
      const pointed = typeof value === 'string' ? fromDecimalComma(value) : null;
      return pointed === null ? { rule, detail: '' } : { rule: `${rule} (decimal comma)`, says: rule, detail: ` (it looks like a decimal comma: write ${pointed})` };
    }
    case 'boolean':
      return { rule: 'not true or false', detail: '' };
    case 'object':
      return { rule: 'not an object', detail: '' };
    case 'array':
      return value !== null && typeof value === 'object'
        ? { rule: 'not an array', detail: ' (one object where a list is expected: put it in [ ], e.g. [{...}])' }
        : { rule: 'not an array', detail: ' (a JSON list, e.g. [...])' };
    case 'date':
      return { rule: 'not a date', detail: dateDigitsDetail(value) ?? ' (YYYY-MM-DD, or a Unix timestamp)' };
    case 'date-time': {
      const digits = dateDigitsDetail(value, 'T00:00:00Z');
      if (digits !== null) return { rule: 'not a date-time', detail: digits };
      return typeof value === 'string' && BARE_DATE.test(value)
        ? { rule: 'not a date-time', detail: ` (a date without a time; write e.g. "${value}T00:00:00Z")` }
        : { rule: 'not a date-time', detail: ' (ISO 8601 like "2023-03-06T12:26:47Z", or a Unix timestamp)' };
    }
    case 'email':
      return { rule: 'not an email address', detail: '' };
    case 'enum':
      return { rule: 'not an allowed value', detail: ` (allowed: ${(k.enumValues ?? []).join(', ')})` };
    default: {
      const _exhaustive: never = k.kind;
      return _exhaustive;
    }
  }
}

function rangeText(node: SchemaNode): string {
  const parts: string[] = [];
  if (node.minimum !== undefined) parts.push(`at least ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined) parts.push(`above ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined) parts.push(`at most ${node.maximum}`);
  if (node.exclusiveMaximum !== undefined) parts.push(`below ${node.exclusiveMaximum}`);
  return parts.join(' and ');
}

/**
 * One problem from an ajv error (compiled with `verbose`). `root` is the data that was checked,
 * `prefix` the path it sits at ('link'), `originals` the values before a pydantic conversion.
 */
export function describeError(error: ErrorObject, root: unknown, prefix: string, originals: ReadonlyMap<string, unknown>): RecordProblem {
  const keys = pointerKeys(error.instancePath);
  const node = (error.parentSchema ?? {}) as SchemaNode;
  const value = originals.has(error.instancePath) ? originals.get(error.instancePath) : error.data;
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: string }).missingProperty);
    const { display, field } = readablePath(root, [...keys, missing], prefix);
    return { field, rule: 'is required', message: `${display}: is required` };
  }
  const { display, field } = readablePath(root, keys, prefix);
  const say = (rule: string, detail = '') => ({ field, rule, message: `${display}: ${showValue(value)} is ${rule}${detail}` });
  switch (error.keyword) {
    case 'type':
    case 'format':
    case 'enum':
    case TIMESTAMP_KEYWORD: {
      const { rule, detail, says } = kindRule(node, value);
      return { ...say(says ?? rule, detail), rule };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return say('out of range', ` (must be ${rangeText(node)})`);
    case 'minLength':
      return { field, rule: 'is empty', message: `${display}: is empty` };
    case 'maxLength':
      return { field, rule: 'is too long', message: `${display}: is too long (at most ${node.maxLength} characters)` };
    default:
      return { field, rule: error.message ?? 'is invalid', message: `${display}: ${error.message ?? 'is invalid'}` };
  }
}
