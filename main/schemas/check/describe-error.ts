/** Turns one ajv error into one sentence that names the field and the rule. */
import type { ErrorObject } from 'ajv';
import type { RecordProblem } from '../field-types.js';
import { kindOf, type SchemaNode } from './field-kind.js';
import { pointerKeys, readablePath, showValue } from './value-text.js';

const BARE_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;

/** The rule a value of this node breaks when it has the wrong type or format, plus a hint. */
function kindRule(node: SchemaNode, value: unknown): { rule: string; detail: string } {
  const k = kindOf(node);
  switch (k.kind) {
    case 'string':
      return node.format === 'lexer-http-url'
        ? { rule: 'not a web address', detail: ' (http:// or https://)' }
        : { rule: 'not a string', detail: '' };
    case 'number':
      return { rule: 'not a number', detail: '' };
    case 'integer':
      return { rule: 'not a whole number', detail: '' };
    case 'boolean':
      return { rule: 'not true or false', detail: '' };
    case 'object':
      return { rule: 'not an object', detail: '' };
    case 'array':
      return { rule: 'not an array', detail: ' (a JSON list, e.g. [...])' };
    case 'date':
      return { rule: 'not a date', detail: ' (YYYY-MM-DD)' };
    case 'date-time':
      return typeof value === 'string' && BARE_DATE.test(value)
        ? { rule: 'not a date-time', detail: ` (a date without a time; write e.g. "${value}T00:00:00Z")` }
        : { rule: 'not a date-time', detail: ' (ISO 8601 like "2023-03-06T12:26:47Z", or a Unix timestamp)' };
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
    case 'enum': {
      const { rule, detail } = kindRule(node, value);
      return say(rule, detail);
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
