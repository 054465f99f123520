/**
 * Builds a record type's check(): a fast ajv pass for the common valid record, and a detailed
 * diagnosis (link first, then the rest, pydantic conversions as warnings) only on failure.
 */
import type { TObject } from '@sinclair/typebox';
import type { RecordCheck } from '../field-types.js';
import type { ExtraRule } from '../record-type-schemas.js';
import { detailedAjv, fastAjv } from './ajv-instances.js';
import { checkLink } from './check-link.js';
import { detailedCheck } from './detailed-check.js';
import { jsonKind } from './value-text.js';

function runExtraRules(rules: readonly ExtraRule[], record: Record<string, unknown>, warnings: string[]): RecordCheck {
  for (const rule of rules) {
    const problem = rule(record);
    if (problem) return { ok: false, ...problem };
  }
  return { ok: true, warnings };
}

/** The check function for one record schema and its extra rules. */
export function compileCheck(schema: TObject, rules: readonly ExtraRule[]): (record: unknown) => RecordCheck {
  const fast = fastAjv().compile(schema);
  const hasLink = 'link' in schema.properties;
  // The link is explained by checkLink; the body check accepts any link.
  const body = detailedAjv().compile(hasLink ? { ...schema, properties: { ...schema.properties, link: {} } } : schema);

  const diagnose = (record: unknown): RecordCheck => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      return { ok: false, field: '', rule: 'not an object', message: `the record is ${jsonKind(record)}, not an object` };
    }
    const warnings: string[] = [];
    if (hasLink) {
      const link = checkLink((record as Record<string, unknown>).link);
      if ('problem' in link) return { ok: false, ...link.problem };
      warnings.push(...link.warnings);
    }
    const copy = structuredClone(record) as Record<string, unknown>;
    const result = detailedCheck(body, copy, '');
    if ('problem' in result) return { ok: false, ...result.problem };
    warnings.push(...result.warnings);
    return runExtraRules(rules, copy, warnings);
  };

  return (record) => (fast(record) ? runExtraRules(rules, record as Record<string, unknown>, []) : diagnose(record));
}
