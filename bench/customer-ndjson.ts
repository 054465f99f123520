/**
 * The benchmarks' customer_record NDJSON: the same seeded rows as bench/validate.ts writes
 * (same generator, same seed, about 1% invalid), so bench/gzip.ts compresses the file the
 * validate figures were measured on. Kept here because validate.ts runs its benchmark when
 * imported; once its generator is exported, this file can go.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const FIRST = ['Jane', 'Bob', 'Aroha', 'Mei', 'Liam', 'Priya', 'Noah', 'Zoë', 'Olivia', 'Mohammed', 'Chloé', 'Kai'];
const LAST = ['Doe', 'Smith', 'Nguyen', "O'Brien", 'Garcia', 'Wang', 'Kowalski', 'Patel', 'Brown', 'Müller'];
const PLACES = [['Victoria', 'St Kilda', '3182'], ['New South Wales', 'Bondi', '2026'], ['Queensland', 'Fortitude Valley', '4006'], ['Western Australia', 'Fremantle', '6160']];
const TIERS = ['bronze', 'silver', 'gold', 'platinum'];

/** mulberry32: a small seeded generator, so every run writes the same bytes. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function customer(i: number, r: () => number): Record<string, unknown> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const first = pick(FIRST);
  const last = pick(LAST);
  const email = `${first}.${last}${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
  const roll = r();
  const link =
    roll < 0.6 ? { email } :
    roll < 0.85 ? { customer_id: `C-${100000 + i}`, system_name: r() < 0.5 ? 'super_pos_2000' : null } :
    roll < 0.95 ? { mobile: `614${String(Math.floor(r() * 1e8)).padStart(8, '0')}` } :
    { email_sha256: (i * 2654435761).toString(16).padStart(64, 'a') };
  const [state, city, postcode] = pick(PLACES);
  const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  return {
    link,
    email: r() < 0.8 ? email : null,
    first_name: first,
    last_name: last,
    gender: r() < 0.5 ? 'Female' : 'Male',
    date_of_birth: r() < 0.9 ? `${1940 + Math.floor(r() * 65)}-${month}-${day}` : null,
    country: 'Australia',
    state,
    city,
    postcode,
    address_1: `${1 + Math.floor(r() * 300)} Inkerman St`,
    employee_flag: r() < 0.02,
    customer_type: r() < 0.1 ? 'VIP' : 'Standard',
    custom_fields: { loyalty_tier: pick(TIERS), points: Math.floor(r() * 10000), tags: r() < 0.3 ? ['newsletter', 'app'] : [] },
  };
}

/** The kinds of mistakes people send: a bad email, a US-style date, a mixed link, "maybe". */
function spoil(rec: Record<string, unknown>, r: () => number): void {
  const kind = Math.floor(r() * 4);
  if (kind === 0) rec.link = { email: 'jane at example.com' };
  else if (kind === 1) rec.date_of_birth = '03/06/1990';
  else if (kind === 2) rec.link = { email: 'jane@example.com', customer_id: 'C-1' };
  else rec.employee_flag = 'maybe';
}

/** Writes `rows` customer records to `path` (1,000,000 rows: about 407 MB). */
export async function writeCustomerNdjson(path: string, rows: number): Promise<void> {
  const r = seeded(42);
  const out = createWriteStream(path);
  for (let i = 0; i < rows; i += 1) {
    const rec = customer(i, r);
    if (r() < 0.01) spoil(rec, r);
    if (!out.write(`${JSON.stringify(rec)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
