import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getRecordType, type FieldInfo } from '../../../main/engine/schemas/record-types.js';
import { RECORD_TYPE_NAMES, isRecordTypeName, type RecordTypeName } from '../../../main/engine/schemas/record-type-names.js';

// The vendor's reference material sits beside the repository (../shared/lexer-schemas).
const REFERENCE = fileURLToPath(new URL('../../../../shared/lexer-schemas/', import.meta.url));
if (!existsSync(REFERENCE)) throw new Error(`Reference schemas not found at ${REFERENCE}: these tests need ../shared/lexer-schemas`);

function exampleType(file: string): RecordTypeName {
  if (file === 'example.csv.ndjson') return 'customer_record';
  const name = file.replace(/^batch_(profile|commerce|marketing)_/, '').replace(/\.ndjson$/, '');
  assert.ok(isRecordTypeName(name), `example ${file} maps to no record type`);
  return name;
}

describe('vendor examples', () => {
  const files = readdirSync(`${REFERENCE}examples`).filter((f) => f.endsWith('.ndjson'));
  test('there is an example for every record type', () => {
    assert.deepEqual(new Set(files.map(exampleType)), new Set(RECORD_TYPE_NAMES));
  });
  for (const file of files) {
    test(`${file} is valid`, () => {
      const type = getRecordType(exampleType(file));
      const lines = readFileSync(`${REFERENCE}examples/${file}`, 'utf8').split('\n').filter((l) => l.trim() !== '');
      assert.ok(lines.length > 0);
      for (const [i, line] of lines.entries()) {
        const result = type.check(JSON.parse(line));
        assert.deepEqual(result, { ok: true, warnings: [] }, `${file} line ${i + 1}`);
      }
    });
  }
});

// Walks a reference JSON Schema and yields each field path (project notation) with its enum and required flag.
interface RefNode { $ref?: string; allOf?: RefNode[]; anyOf?: RefNode[]; properties?: Record<string, RefNode>; required?: string[]; items?: RefNode; enum?: string[]; type?: string }
function* referenceFields(root: RefNode & { definitions?: Record<string, RefNode> }): Generator<{ path: string; enum?: string[]; required: boolean }> {
  const resolve = (node: RefNode): RefNode => {
    if (node.$ref) return resolve(root.definitions?.[node.$ref.replace('#/definitions/', '')] ?? {});
    if (node.allOf?.length === 1 && node.allOf[0]) return { ...resolve(node.allOf[0]), ...node, allOf: undefined };
    return node;
  };
  function* walk(node: RefNode, prefix: string, required: boolean): Generator<{ path: string; enum?: string[]; required: boolean }> {
    for (const [key, raw] of Object.entries(node.properties ?? {})) {
      const child = resolve(raw);
      const path = prefix ? `${prefix}.${key}` : key;
      const isRequired = required && (node.required ?? []).includes(key);
      yield { path, required: isRequired, ...(child.enum ? { enum: child.enum } : {}) };
      if (child.anyOf) for (const variant of child.anyOf) yield* walk(resolve(variant), path, false);
      else if (child.type === 'array' && child.items) yield* walk(resolve(child.items), `${path}[]`, isRequired);
      else if (child.properties) yield* walk(child, path, isRequired);
    }
  }
  yield* walk(root, '', true);
}

describe('cross-check against the reference JSON Schemas', () => {
  for (const name of RECORD_TYPE_NAMES) {
    test(`${name}: every reference field, enum value and required field is known`, () => {
      const reference = JSON.parse(readFileSync(`${REFERENCE}jsonschema/${name}.json`, 'utf8'));
      const fields = new Map<string, FieldInfo>(getRecordType(name).fields.map((f) => [f.path, f]));
      const referenceRequired = new Set<string>();
      let count = 0;
      for (const ref of referenceFields(reference)) {
        count += 1;
        const field = fields.get(ref.path);
        assert.ok(field, `${name}: reference field ${ref.path} is unknown to the project`);
        for (const value of ref.enum ?? []) assert.ok(field.enumValues?.includes(value), `${name}: ${ref.path} lacks enum value ${value}`);
        if (ref.required) referenceRequired.add(ref.path);
      }
      assert.ok(count > 3, `${name}: walked only ${count} reference fields`);
      const ours = new Set(getRecordType(name).fields.filter((f) => f.required).map((f) => f.path));
      assert.deepEqual(ours, referenceRequired, `${name}: required fields differ from the reference`);
    });
  }
});

describe('fields for the converter', () => {
  test('customer_record lists typed paths, link variants and the open custom_fields', () => {
    const byPath = new Map(getRecordType('customer_record').fields.map((f) => [f.path, f]));
    assert.equal(byPath.get('link')?.required, true);
    assert.equal(byPath.get('link.email')?.kind, 'email');
    assert.equal(byPath.get('link.customer_id')?.required, false);
    assert.equal(byPath.get('date_of_birth')?.kind, 'date');
    assert.equal(byPath.get('employee_flag')?.kind, 'boolean');
    assert.equal(byPath.get('custom_fields')?.kind, 'object');
    assert.equal(byPath.get('first_name')?.kind, 'string');
  });
  test('purchase lists enums, array item kinds and item fields', () => {
    const byPath = new Map(getRecordType('purchase').fields.map((f) => [f.path, f]));
    assert.deepEqual(byPath.get('type')?.enumValues, ['physical', 'ecommerce']);
    assert.equal(byPath.get('action_at')?.kind, 'date-time');
    assert.equal(byPath.get('products')?.itemKind, 'object');
    assert.equal(byPath.get('products[].quantity')?.kind, 'integer');
    assert.equal(byPath.get('products[].quantity')?.required, true);
    assert.equal(byPath.get('store.name')?.required, false);
    assert.equal(getRecordType('product').fields.find((f) => f.path === 'images')?.itemKind, 'string');
  });
});
