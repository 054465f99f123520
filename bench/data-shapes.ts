/**
 * The two data shapes the convert and validate benchmarks run on, as CSV and as NDJSON, the same
 * every run (no randomness):
 * - narrow: 7 columns, ~70 bytes a row (1,000,000 rows: ~70 MB of CSV), a plain e-mail list;
 * - wide: 18 columns, ~163 bytes a row (1,000,000 rows: ~160 MB), a CRM customer export with
 *   dotted headers, quoted cells, a boolean and four custom fields.
 * The NDJSON holds the records `convert` makes of the CSV; with `spoil`, 1 row in 100 is invalid
 * in a way people send (a bad e-mail, a US date, two links, "maybe" for a boolean).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export type ShapeName = 'narrow' | 'wide';
export const SHAPES: readonly ShapeName[] = ['narrow', 'wide'];

interface Shape {
  header: readonly string[];
  /** Row i as CSV cells (already quoted where needed). */
  cells(i: number): string[];
  /** Row i as the record `convert` makes of it. */
  record(i: number): Record<string, unknown>;
  /** Makes row i's record invalid. */
  spoil(rec: Record<string, unknown>, i: number): void;
}

const FIRST = ['Jane', 'John', 'Aroha', 'Mei', 'Liam', 'Olivia', 'Noah', 'Ava', 'Chloé', 'Zoë', 'Mohammed', 'Priya'];
const LAST = ['Doe', 'Smith', 'Nguyen', 'Patel', "O'Brien", 'García', 'Brown', 'Wilson', 'Taylor', 'Murphy'];
const CITIES = ['Melbourne', 'Sydney', 'Brisbane', 'Perth', 'Adelaide', 'Hobart', 'St Kilda', 'Darwin'];
const STATES = ['VIC', 'NSW', 'QLD', 'WA', 'SA', 'TAS', 'VIC', 'NT'];
const SEGMENTS = ['gold', 'silver', 'bronze'];

const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const first = (i: number): string => at(FIRST, i);
const last = (i: number): string => at(LAST, i * 7);
const ascii = (text: string): string => text.toLowerCase().normalize('NFD').replace(/[^a-z0-9.@]/g, '');
const mm = (i: number): string => String(1 + (i % 12)).padStart(2, '0');
const dd = (i: number): string => String(1 + (i % 28)).padStart(2, '0');
const birth = (i: number): string => `${1950 + (i % 55)}-${mm(i)}-${dd(i)}`;

const narrow: Shape = {
  header: ['link.email', 'first_name', 'last_name', 'gender', 'date_of_birth', 'city', 'postcode'],
  cells: (i) => [ascii(`${first(i)}${last(i)}${i}@example.com`), first(i), last(i), i % 3 ? 'Female' : 'Male', birth(i), at(CITIES, i), String(3000 + (i % 900))],
  record(i) {
    const [email, first_name, last_name, gender, date_of_birth, city, postcode] = this.cells(i);
    return { link: { email }, first_name, last_name, gender, date_of_birth, city, postcode };
  },
  spoil(rec, i) {
    if (i % 2) rec.link = { email: 'jane at example.com' };
    else rec.date_of_birth = '03/06/1990';
  },
};

const wide: Shape = {
  header: [
    'link.customer_id', 'first_name', 'last_name', 'email', 'mobile', 'gender', 'date_of_birth', 'city', 'state', 'postcode', 'address_1',
    'employee_flag', 'customer_type', 'custom_fields.loyalty_points', 'custom_fields.signup_date', 'custom_fields.lifetime_value',
    'custom_fields.segment', 'link.system_name',
  ],
  cells: (i) => [
    `C-${1_000_000 + i}`, first(i), last(i), ascii(`${first(i)}.${last(i)}${i}@example.com`), `+614${String(10_000_000 + i).slice(-8)}`,
    i % 3 ? 'Female' : 'Male', birth(i), at(CITIES, i), at(STATES, i), String(3000 + (i % 900)),
    // Every 20th address holds a comma, so it is quoted.
    i % 20 === 0 ? `"Unit ${i % 40}, ${i % 300} Chapel St"` : `${i % 300} Chapel St`,
    i % 50 === 0 ? 'yes' : 'no', i % 10 === 0 ? 'VIP' : 'Regular', String((i * 37) % 10_000), `2021-${mm(i)}-${dd(i)}`,
    String(((i * 13) % 100_000) / 100), at(SEGMENTS, i), 'pos',
  ],
  record(i) {
    const c = this.cells(i);
    const cell = (name: string): string => c[this.header.indexOf(name)] ?? '';
    return {
      link: { customer_id: cell('link.customer_id'), system_name: cell('link.system_name') },
      first_name: cell('first_name'), last_name: cell('last_name'), email: cell('email'), mobile: cell('mobile'), gender: cell('gender'),
      date_of_birth: cell('date_of_birth'), city: cell('city'), state: cell('state'), postcode: cell('postcode'),
      address_1: cell('address_1').replace(/^"(.*)"$/, '$1'), employee_flag: cell('employee_flag') === 'yes', customer_type: cell('customer_type'),
      custom_fields: {
        loyalty_points: cell('custom_fields.loyalty_points'), signup_date: cell('custom_fields.signup_date'),
        lifetime_value: cell('custom_fields.lifetime_value'), segment: cell('custom_fields.segment'),
      },
    };
  },
  spoil(rec, i) {
    const kind = i % 4;
    if (kind === 0) rec.email = 'jane at example.com';
    else if (kind === 1) rec.date_of_birth = '03/06/1990';
    else if (kind === 2) rec.link = { email: 'jane@example.com', customer_id: 'C-1' };
    else rec.employee_flag = 'maybe';
  },
};

const BY_NAME: Record<ShapeName, Shape> = { narrow, wide };

/** Whether row i is one of the 1 in 100 made invalid (spread through the file). */
const spoiled = (i: number): boolean => i % 100 === 37;

async function writeLines(path: string, rows: number, line: (i: number) => string, first = ''): Promise<void> {
  const out = createWriteStream(path);
  let buffer = first;
  for (let i = 1; i <= rows; i += 1) {
    buffer += line(i);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** Writes `rows` rows of a shape as CSV (header first). */
export function writeCsv(shape: ShapeName, path: string, rows: number): Promise<void> {
  const s = BY_NAME[shape];
  return writeLines(path, rows, (i) => `${s.cells(i).join(',')}\n`, `${s.header.join(',')}\n`);
}

/** Writes `rows` records of a shape as NDJSON; returns how many were made invalid. */
export async function writeNdjson(shape: ShapeName, path: string, rows: number, o: { spoil: boolean }): Promise<number> {
  const s = BY_NAME[shape];
  let invalid = 0;
  await writeLines(path, rows, (i) => {
    const rec = s.record(i);
    if (o.spoil && spoiled(i)) {
      s.spoil(rec, i);
      invalid += 1;
    }
    return `${JSON.stringify(rec)}\n`;
  });
  return invalid;
}

/** How many columns a shape has, for the report. */
export function columnCount(shape: ShapeName): number {
  return BY_NAME[shape].header.length;
}

/** Parses --shape: `both` or one name. */
export function parseShapes(value: string): ShapeName[] {
  if (value === 'both') return [...SHAPES];
  if ((SHAPES as readonly string[]).includes(value)) return [value as ShapeName];
  throw new Error(`--shape must be narrow, wide or both, not "${value}"`);
}
