import { createRequire } from 'node:module';

export type Slugify = (text: string, options: { lowercase: boolean; separator: string }) => string;

// transliteration loads its character tables on import (~50 ms, a fifth of a preview's start-up);
// only a header that goes to custom_fields needs it, so it is loaded then.
let slugify: Slugify | undefined;

/** Hands over transliteration's slugify already loaded (the conversion worker's entry; see provideIconv). */
export function provideSlugify(fn: Slugify): void {
  slugify = fn;
}

function loadSlugify(): Slugify {
  slugify ??= (createRequire(import.meta.url)('transliteration') as { slugify: Slugify }).slugify;
  return slugify;
}

/**
 * A custom_fields key from a header: snake_case ASCII, so 'Loyalty Points' and 'LoyaltyPoints'
 * both become 'loyalty_points' and 'Café Größe' becomes 'cafe_grosse'. Keys taken already get a
 * numeric suffix, so two columns never overwrite each other.
 */
export function customFieldKey(header: string, column: number, taken: Set<string>): string {
  const spaced = header.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  const base = loadSlugify()(spaced, { lowercase: true, separator: '_' }).replace(/[^a-z0-9_]/g, '') || `column_${column + 1}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  taken.add(key);
  return key;
}
