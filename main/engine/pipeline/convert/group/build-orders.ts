/**
 * Grouping rows into orders, second step: the spill lines of one partition (spill-rows.ts) are
 * gathered by their order's key, in the order each key first appears, and each order becomes one
 * record: every line's row built as any row is (typed, dated, constants added), merged
 * (merge-order.ts), its e-mails hashed when asked, checked once, written or refused whole. A
 * refused order is reported on the line each problem comes from, naming the order and its lines.
 */
import type { RecordCheck, RecordProblem } from '../../../schemas/field-types.js';
import type { WarningGroup } from '../../validation/types.js';
import { groupWarnings } from '../../validation/validate-batch.js';
import { groupNotes } from '../build-notes.js';
import { buildRecord, type BuildOptions, type TypingIssue } from '../build-record.js';
import { ByteSink } from '../byte-sink.js';
import { approximated, stringifyExact } from '../exact-number.js';
import { LINE_ITEMS } from '../field-lookup.js';
import { EmailHashTally, hashEmails, type EmailHashPlan, type HashChange } from '../hash-emails.js';
import { leaveOutInvalidFields } from '../leave-out-fields.js';
import { emptyResult, type ChunkConfig, type ChunkProblem, type ChunkResult } from '../process-csv-chunk.js';
import { identifierColumns, identifierOf } from '../row-identifier.js';
import { mergeOrder, shownValue, type MergedOrder } from './merge-order.js';

type Json = Record<string, unknown>;
/** A spill line's payload: [line, cells] or [line, null, rule, message] for a row whose shape is broken. */
type Payload = [number, string[]] | [number, null, string, string];

interface Gathered { base: number[]; payload: string[] }

// A column no field was chosen for goes to custom_fields, which belong to the order.
const LINE_COLUMN_HINT = '; a column that differs from line to line (an item\'s name) belongs to no field of the order: map it to a products.* field, or leave it out';

/** The spill lines of a partition by their key's JSON, each key in the order it first appears. */
function gather(text: string): Map<string, Gathered> {
  const orders = new Map<string, Gathered>();
  let base = 0;
  let from = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
    if (text.charCodeAt(from) === 64 /* @ */) {
      base = Number(text.slice(from + 1, nl));
    } else {
      const tab = text.indexOf('\t', from + 8);
      const next = text.indexOf('\t', tab + 1);
      const key = text.slice(tab + 1, next);
      let order = orders.get(key);
      if (!order) orders.set(key, (order = { base: [], payload: [] }));
      order.base.push(base);
      order.payload.push(text.slice(next + 1, nl));
    }
    from = nl + 1;
  }
  return orders;
}

/** "line 4", "lines 4, 9 and 12", "lines 4, 5, 6, 7, 8 (and 20 more)". */
export function linesText(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 5);
  return lines.length > shown.length ? `lines ${shown.join(', ')} (and ${lines.length - shown.length} more)` : `lines ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** The concrete path a check's message names first ("products[1].quantity: ..." -> "products[1].quantity"). */
function concretePath(problem: RecordProblem): string {
  const m = /^([\w.[\]]+): /.exec(problem.message);
  return m?.[1] ?? problem.field;
}

/** The line a problem is about: its item's line, else the first line giving its field a value, else the order's first. */
function problemLine(path: string, merged: MergedOrder, first: number): number {
  const item = new RegExp(`^${LINE_ITEMS}\\[(\\d+)\\]`).exec(path);
  if (item) return merged.itemLines[Number(item[1])] ?? first;
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const line = merged.fieldLines.get(p);
    if (line !== undefined) return line;
  }
  for (const [field, line] of merged.fieldLines) if (field.startsWith(`${path}.`)) return line;
  return first;
}

/** Builds, checks and writes the orders of one partition's spill text. */
export function buildOrders(text: string, config: ChunkConfig, check: (record: unknown) => RecordCheck, hashPlan: EmailHashPlan | null): ChunkResult {
  const result = emptyResult();
  const out = new ByteSink(text.length);
  const warnings = new Map<string, WarningGroup>();
  const notes = new Map<number, WarningGroup>();
  const hashed = new EmailHashTally();
  const idColumns = identifierColumns(config.plan);
  const byColumn = new Map(config.plan.map((t) => [t.column, t]));
  const itemIndex = new Map<number, number>();
  const header = config.headers[config.group?.column ?? 0] ?? '';
  for (const [keyJson, gathered] of gather(text)) {
    const key = JSON.parse(keyJson) as string;
    const rows = gathered.payload.map((p, i) => {
      const payload = JSON.parse(p) as Payload;
      return { line: (gathered.base[i] ?? 0) + payload[0], payload };
    });
    const lines = rows.map((r) => r.line);
    const problems: ChunkProblem[] = [];
    const refuse = (identifier: string | undefined): void => {
      result.rejected += rows.length;
      // A line with no order number is a record that could not be made, as a refused order is.
      result.orders.refused += key === '' ? rows.length : 1;
      if (identifier !== undefined) for (const p of problems) p.identifier = identifier;
      result.problems.push(...problems);
      if (config.stopOnFirstInvalid) result.stopped = true;
    };
    if (key === '') {
      for (const { line } of rows) problems.push({ line, field: '(order)', rule: 'no order', message: `column "${header}" is empty, so the line belongs to no order` });
      refuse(undefined);
      if (result.stopped) break;
      continue;
    }
    const named = `order ${JSON.stringify(key)} (${linesText(lines)})`;
    const broken = rows.filter((r) => r.payload[1] === null);
    if (broken.length > 0) {
      for (const { line, payload } of broken) problems.push({ line, field: '(row)', rule: payload[2] ?? '', message: `${named}: ${payload[3] ?? ''}` });
      refuse(undefined);
      if (result.stopped) break;
      continue;
    }
    // Each line built as any row is.
    const built: Array<{ line: number; cells: string[]; record: Json; issues: TypingIssue[]; notes: number[] }> = [];
    let exact = false;
    for (const { line, payload } of rows) {
      const cells = payload[1] as string[];
      if (config.constants.length > 0) cells.push(...config.constants);
      const build: BuildOptions = { infer: config.infer, decimalComma: config.decimalComma, exact: false, issues: [], notes: [] };
      const record = buildRecord(cells, config.plan, build);
      const conflict = build.issues.find((i) => i.problem.conflict && byColumn.get(i.column)?.dateSource !== 'chosen');
      if (conflict) {
        const target = byColumn.get(conflict.column);
        result.dateConflict = { line, column: conflict.column, field: conflict.field, header: target?.header ?? '', value: conflict.problem.raw, order: target?.dateOrder ?? null };
        result.stopped = true;
        return finish(result, out, warnings, notes, hashed);
      }
      exact ||= build.exact;
      built.push({ line, cells, record, issues: build.issues, notes: build.notes });
    }
    const merged = mergeOrder(built, LINE_ITEMS);
    const first = lines[0] ?? 0;
    const identifier = identifierOf(built[0]?.cells ?? [], idColumns);
    for (const d of merged.disagreements) {
      problems.push({
        line: d.other.line, field: d.field, rule: 'differs between the lines of an order',
        message: `${named}: ${d.field}: ${shownValue(d.first.value)} on line ${d.first.line}, ${shownValue(d.other.value)} on line ${d.other.line}; `
          + `a column of the order must hold the same value on each of its lines (or be empty)${d.field.startsWith('custom_fields.') ? LINE_COLUMN_HINT : ''}`,
      });
    }
    if (problems.length > 0) {
      refuse(identifier);
      if (result.stopped) break;
      continue;
    }
    let record = merged.record;
    const changes: readonly HashChange[] = hashPlan ? hashEmails(record, hashPlan) : [];
    const checkRecord = (r: unknown) => check(exact ? approximated(r) : r);
    const checked = checkRecord(record);
    const typing = typingProblems(built, merged, itemIndex);
    let rowWarnings: readonly string[] = checked.ok ? checked.warnings : [];
    if (!checked.ok || typing.size > 0) {
      const all = withTyping(checked.ok ? [] : checked.problems, typing);
      const kept = config.leaveOutInvalidFields ? leaveOutInvalidFields(record, all, checkRecord) : null;
      const located = all.map((p) => ({ line: problemLine(concretePath(p), merged, first), field: p.field, rule: p.rule, message: `${named}: ${p.message}`, ...(identifier ? { identifier } : {}) }));
      if (!kept) {
        problems.push(...located);
        refuse(identifier);
        if (result.stopped) break;
        continue;
      }
      result.leftOut.push(...located);
      result.keptRecords++;
      record = kept.record;
      rowWarnings = kept.warnings;
    }
    groupWarnings(warnings, rowWarnings, first);
    for (const row of built) if (row.notes.length > 0) groupNotes(notes, row.notes, config.plan, row.cells, row.record, row.line);
    if (changes.length > 0) hashed.add(changes, first);
    out.pushLine(exact ? stringifyExact(record) : JSON.stringify(record));
    result.written++;
    result.orders.written++;
  }
  return finish(result, out, warnings, notes, hashed);
}

function finish(result: ChunkResult, out: ByteSink, warnings: Map<string, WarningGroup>, notes: Map<number, WarningGroup>, hashed: EmailHashTally): ChunkResult {
  result.output = out.bytes();
  result.warnings = [...warnings.values()];
  result.notes = [...notes.values(), ...hashed.notes()];
  result.emails = { hashed: hashed.hashed, leftOut: hashed.leftOut };
  return result;
}

/** The cells that could not be typed, by the concrete path they name in the merged order (products[2].quantity). */
function typingProblems(built: ReadonlyArray<{ line: number; issues: TypingIssue[] }>, merged: MergedOrder, itemIndex: Map<number, number>): Map<string, RecordProblem> {
  const found = new Map<string, RecordProblem>();
  itemIndex.clear();
  merged.itemLines.forEach((line, i) => itemIndex.set(line, i));
  for (const { line, issues } of built) {
    for (const issue of issues) {
      const inItem = issue.field.startsWith(`${LINE_ITEMS}.`);
      const index = itemIndex.get(line);
      const concrete = inItem ? `${LINE_ITEMS}[${index ?? 0}]${issue.field.slice(LINE_ITEMS.length)}` : issue.field;
      const field = inItem ? `${LINE_ITEMS}[]${issue.field.slice(LINE_ITEMS.length)}` : issue.field;
      if (!found.has(concrete)) found.set(concrete, { field, rule: issue.problem.rule, message: `${concrete}: ${issue.problem.message}` });
    }
  }
  return found;
}

/** The check's problems, each field a cell could not be typed for explained by the typing's reason. */
function withTyping(problems: readonly RecordProblem[], typing: Map<string, RecordProblem>): RecordProblem[] {
  const left = new Map(typing);
  const merged = problems.map((p) => {
    const concrete = concretePath(p);
    const issue = left.get(concrete);
    if (!issue) return p;
    left.delete(concrete);
    return issue;
  });
  return [...merged, ...left.values()];
}
