/**
 * Lexer's own validator as an oracle: the vendor's pydantic models (lexerdev/lexer-schemas, the
 * `lexer_schemas` package) read NDJSON line by line as their upload example does
 * (vendor-oracle.py), and say what each record became. Parity tests compare that with what this
 * project wrote: a value is right when the vendor reads it as the value the file meant.
 *
 * The vendor's code is not part of this repository. Point LEXER_SCHEMAS_SRC at a checkout of
 * lexerdev/lexer-schemas (or its git directory); by default the snapshot under /work/.mirror is
 * used when there is one. Python 3 with pydantic (1.x, or 2.x with its bundled pydantic.v1) runs
 * it. Without either, the parity tests skip and say why.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./vendor-oracle.py', import.meta.url));
const DEFAULT_SOURCE = '/work/.mirror/lexerdev+lexer-schemas/repo';

/** What the vendor's validator made of one line. */
export type VendorReading = { line: number; ok: true; value: Record<string, unknown> } | { line: number; ok: false; error: string };

interface Oracle { python: string; packageDir: string }

let found: Oracle | string | undefined;

/** The folder holding `lexer_schemas/`: the checkout itself, or a copy taken from a git directory. */
function packageDir(source: string): string | null {
  if (existsSync(join(source, 'lexer_schemas', 'all.py'))) return source;
  const dir = mkdtempSync(join(tmpdir(), 'lexer-schemas-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const archive = spawnSync('sh', ['-c', `git --git-dir="$1" archive HEAD lexer_schemas | tar -x -C "$2"`, 'sh', source, dir]);
  return archive.status === 0 && existsSync(join(dir, 'lexer_schemas', 'all.py')) ? dir : null;
}

function locate(): Oracle | string {
  const source = process.env.LEXER_SCHEMAS_SRC ?? DEFAULT_SOURCE;
  if (!existsSync(source)) return `the vendor's validator is not here: set LEXER_SCHEMAS_SRC to a checkout of lexerdev/lexer-schemas (${source} does not exist)`;
  const dir = packageDir(source);
  if (!dir) return `no lexer_schemas package in ${source}`;
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(python, ['-c', 'import pydantic'], { encoding: 'utf8' });
    if (probe.status === 0) return { python, packageDir: dir };
  }
  return 'no python3 with pydantic installed, which the vendor\'s validator needs';
}

function oracle(): Oracle | string {
  found ??= locate();
  return found;
}

/** Why the oracle cannot run here (for `skip`), or false when it can. */
export function vendorSkip(): string | false {
  const o = oracle();
  return typeof o === 'string' ? o : false;
}

/** Reads NDJSON text (or a file's bytes) with the vendor's model for `recordType`, one reading per line. */
export function vendorRead(ndjson: string | Uint8Array, recordType: string): VendorReading[] {
  const o = oracle();
  if (typeof o === 'string') throw new Error(o);
  const dir = mkdtempSync(join(tmpdir(), 'lexer-oracle-'));
  try {
    const file = join(dir, 'records.ndjson');
    writeFileSync(file, ndjson);
    const run = spawnSync(o.python, [SCRIPT, o.packageDir, recordType, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`the vendor's validator failed: ${run.stderr}`);
    return run.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as VendorReading);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A running count of cases put to the oracle and how many it agreed with, printed at the end. */
export class Parity {
  cases = 0;
  agreements = 0;
  private readonly disagreements: string[] = [];

  /** Counts one case, `agrees` being whether the vendor's reading is what the file meant; a disagreement fails the test. */
  check(agrees: boolean, what: string): void {
    this.cases += 1;
    if (agrees) this.agreements += 1;
    else this.disagreements.push(what);
    assert.ok(agrees, `Lexer's validator disagrees: ${what}`);
  }

  /** "parity: 41 cases, 41 agreements", with what disagreed. */
  summary(): string {
    return `parity with Lexer's validator: ${this.cases} cases, ${this.agreements} agreements${this.disagreements.length ? ` (disagreed: ${this.disagreements.join('; ')})` : ''}`;
  }
}
