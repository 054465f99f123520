/**
 * Explains a bad `link`. The vendor's Link is a Union of seven `extra="forbid"` models
 * (lexer_schemas/link.py): ajv's anyOf would report every variant's complaint, so instead we pick
 * the variant by the keys present and report only that variant's problem.
 */
import type { ValidateFunction } from 'ajv';
import type { RecordProblem } from '../field-types.js';
import { LINK_VARIANTS } from '../common/link.js';
import { detailedAjv } from './ajv-instances.js';
import { detailedCheck } from './detailed-check.js';
import { showValue } from './value-text.js';

const IDENTIFIERS = 'email, email_sha256, email_md5, customer_id, mobile, external_id, or link_type with link_value';

// The key that names each variant; link_value belongs with link_type.
const GROUP_OF: Readonly<Record<string, string>> = Object.fromEntries([
  ...LINK_VARIANTS.map((v) => [v.key, v.key]),
  ['link_value', 'link_type'],
]);
const KNOWN_KEYS = new Set(LINK_VARIANTS.flatMap((v) => Object.keys(v.schema.properties ?? {})));

let validators: Map<string, { validate: ValidateFunction; keys: Set<string> }> | undefined;

function variantValidators(): Map<string, { validate: ValidateFunction; keys: Set<string> }> {
  validators ??= new Map(
    LINK_VARIANTS.map((v) => [v.key, { validate: detailedAjv().compile(v.schema), keys: new Set(Object.keys(v.schema.properties ?? {})) }]),
  );
  return validators;
}

const problem = (field: string, rule: string, message: string): { problems: RecordProblem[] } => ({ problems: [{ field, rule, message }] });

/** The problems with a record's link, or the warnings about values Lexer will convert. */
export function checkLink(link: unknown): { problems: RecordProblem[] } | { warnings: string[] } {
  if (link === undefined || link === null) return problem('link', 'is required', 'link: is required');
  if (typeof link !== 'object' || Array.isArray(link)) {
    return problem('link', 'not an object', `link: ${showValue(link)} is not an object (e.g. {"email": "jane@example.com"})`);
  }
  const keys = Object.keys(link);
  if (keys.length === 0) return problem('link', 'is empty', `link: is empty; identify the customer with one of ${IDENTIFIERS}`);
  const unknown = keys.find((k) => !KNOWN_KEYS.has(k));
  if (unknown !== undefined) return problem('link', 'unknown field', `link: unknown field ${JSON.stringify(unknown)}`);
  const groups = [...new Set(keys.map((k) => GROUP_OF[k]).filter((g): g is string => g !== undefined))];
  const [group, other] = groups;
  if (group === undefined) {
    return problem('link', 'has no identifier', `link: has no identifier; ${JSON.stringify(keys[0])} needs one of ${IDENTIFIERS}`);
  }
  if (other !== undefined) {
    return problem(
      'link',
      'has more than one identifier',
      `link: has both ${JSON.stringify(group)} and ${JSON.stringify(other)}; use exactly one way to identify the customer`,
    );
  }
  const variant = variantValidators().get(group);
  if (!variant) return problem('link', 'has no identifier', `link: has no identifier; use one of ${IDENTIFIERS}`);
  const stray = keys.find((k) => !variant.keys.has(k));
  if (stray !== undefined) {
    return problem('link', 'field does not go with the identifier', `link: ${JSON.stringify(stray)} does not go with ${JSON.stringify(group)}`);
  }
  return detailedCheck(variant.validate, structuredClone(link), 'link');
}
