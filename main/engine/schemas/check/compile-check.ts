/**
 * Builds a record type's check(): a fast ajv pass for the common valid record, and a detailed
 * diagnosis (link first, then the rest, pydantic conversions as warnings) only on failure. Both
 * are compiled on first use: `fields` alone (preview, mapping) never pays for ajv's compiler,
 * and a file whose records are all valid never compiles the detailed one.
 */
import type { ValidateFunction } from 'ajv';
import type { RecordCheck, RecordProblem } from '../field-types.js';
import type { SchemaNode } from '../common/json-schema.js';
import type { ExtraRule } from '../record-type-schemas.js';
import { detailedAjv, fastAjv } from './ajv-instances.js';
import { LINK_VARIANTS } from '../common/link.js';
import { checkLink } from './check-link.js';
import { detailedCheck } from './detailed-check.js';
import { jsonKind } from './value-text.js';

function runExtraRules(rules: readonly ExtraRule[], record: Record<string, unknown>): RecordProblem[] {
  const problems: RecordProblem[] = [];
  for (const rule of rules) {
    const problem = rule(record);
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * The link's fast check: the variant named by the first identifying key present, in the vendor's
 * Union order. Each variant is closed (extra="forbid"), so a link with two identifiers fails the
 * variant picked and goes to the diagnosis; the outcome is pydantic's, without ajv trying (and
 * allocating errors for) every variant of an anyOf in turn.
 */
function fastLinkCheck(): (link: unknown) => boolean {
  const compiled = new Map<string, ValidateFunction>();
  return (link) => {
    if (link === null || typeof link !== 'object' || Array.isArray(link)) return false;
    for (const variant of LINK_VARIANTS) {
      if (!Object.hasOwn(link, variant.key)) continue;
      let validate = compiled.get(variant.key);
      if (!validate) {
        validate = fastAjv().compile(variant.schema);
        compiled.set(variant.key, validate);
      }
      return validate(link);
    }
    return false;
  };
}

/** The schema without `link` (checked apart): any link passes, and none is required. */
function withoutLink(schema: SchemaNode): SchemaNode {
  return { ...schema, properties: { ...schema.properties, link: {} }, required: (schema.required ?? []).filter((k) => k !== 'link') };
}

/** The check function for one record schema and its extra rules. */
export function compileCheck(schema: SchemaNode, rules: readonly ExtraRule[]): (record: unknown) => RecordCheck {
  const hasLink = schema.properties !== undefined && 'link' in schema.properties;
  const linkOk = hasLink ? fastLinkCheck() : null;
  let fast: ValidateFunction | undefined;
  let body: ValidateFunction | undefined;

  const diagnose = (record: unknown): RecordCheck => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      return { ok: false, problems: [{ field: '', rule: 'not an object', message: `the record is ${jsonKind(record)}, not an object` }] };
    }
    // The link is explained by checkLink; the body check accepts any link.
    body ??= detailedAjv().compile(hasLink ? withoutLink(schema) : schema);
    const warnings: string[] = [];
    const problems: RecordProblem[] = [];
    if (hasLink) {
      const link = checkLink((record as Record<string, unknown>).link);
      if ('problems' in link) problems.push(...link.problems);
      else warnings.push(...link.warnings);
    }
    const copy = structuredClone(record) as Record<string, unknown>;
    const result = detailedCheck(body, copy, '');
    if ('problems' in result) problems.push(...result.problems);
    else warnings.push(...result.warnings);
    problems.push(...runExtraRules(rules, copy));
    return problems.length > 0 ? { ok: false, problems } : { ok: true, warnings };
  };

  return (record) => {
    fast ??= fastAjv().compile(hasLink ? withoutLink(schema) : schema);
    if (!fast(record) || (linkOk && !linkOk((record as Record<string, unknown>).link))) return diagnose(record);
    const problems = runExtraRules(rules, record as Record<string, unknown>);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, warnings: [] };
  };
}
