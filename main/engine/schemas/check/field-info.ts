/** Lists every field of a record type with its kind, so a converter can type CSV values. */
import type { FieldInfo } from '../field-types.js';
import { kindOf, typesOf, type SchemaNode } from './field-kind.js';

function info(node: SchemaNode, path: string, required: boolean): FieldInfo {
  const k = kindOf(node);
  return {
    path,
    kind: k.kind,
    required,
    ...(k.enumValues ? { enumValues: k.enumValues } : {}),
    ...(k.itemKind ? { itemKind: k.itemKind } : {}),
    ...(typeof node.additionalProperties === 'object' ? { valuesKind: kindOf(node.additionalProperties).kind } : {}),
    ...(node.description ? { description: node.description } : {}),
  };
}

function walk(node: SchemaNode, prefix: string, required: boolean, out: FieldInfo[]): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const isRequired = required && (node.required ?? []).includes(key);
    out.push(info(child, path, isRequired));
    if (child.anyOf) {
      // link: each variant's keys, none required on its own (which ones depends on the variant).
      const seen = new Set<string>();
      for (const variant of child.anyOf) {
        for (const [sub, subNode] of Object.entries(variant.properties ?? {})) {
          if (seen.has(sub)) continue;
          seen.add(sub);
          out.push(info(subNode, `${path}.${sub}`, false));
        }
      }
    } else if (typesOf(child).includes('array') && child.items?.properties) {
      walk(child.items, `${path}[]`, isRequired, out);
    } else if (child.properties && Object.keys(child.properties).length > 0) {
      walk(child, path, isRequired, out);
    }
  }
}

/** Every field path of a record schema, parents before children. */
export function listFields(schema: SchemaNode): FieldInfo[] {
  const out: FieldInfo[] = [];
  walk(schema, '', true, out);
  return out;
}
