import { InvalidArgumentError } from 'commander';
import { toLexerError } from '../engine/errors.js';
import { parsePartSize } from '../engine/parts/part-size.js';
import { RECORD_TYPE_NAMES, isRecordTypeName, type RecordTypeName } from '../engine/schemas/record-type-names.js';
import { TEXT_ENCODINGS, isTextEncoding, type TextEncoding } from '../engine/pipeline/csv/text-encodings.js';

/** Parses --record-type; an unknown name is a usage error that lists the 12 types. */
export function parseRecordType(value: string): RecordTypeName {
  if (isRecordTypeName(value)) return value;
  throw new InvalidArgumentError(`"${value}" is not one of Lexer's record types: ${RECORD_TYPE_NAMES.join(', ')}.`);
}

/** Parses --encoding: one of the encodings a file can be read in. */
export function parseEncoding(value: string): TextEncoding {
  const name = value.trim().toLowerCase();
  if (isTextEncoding(name)) return name;
  throw new InvalidArgumentError(`"${value}" is not an encoding this tool reads: ${TEXT_ENCODINGS.join(', ')}.`);
}

/** A parser for a whole number between `min` and `max` (for --port, --rows, --concurrency). */
export function integerBetween(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got "${value}".`);
    }
    return n;
  };
}

/** Parses a YYYYMMDD date option (check-name --date) into a local Date. */
export function parseYmd(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const date = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  if (!m || !date || date.getDate() !== Number(m[3]) || date.getMonth() !== Number(m[2]) - 1) {
    throw new InvalidArgumentError(`expected a real date written YYYYMMDD, got "${value}".`);
  }
  return date;
}

/** Parses --part-size (`1GB`, `500MiB`, bytes) as the engine does, its refusal a usage error. */
export function parsePartSizeOption(value: string): number {
  try {
    return parsePartSize(value);
  } catch (error) {
    const e = toLexerError(error);
    throw new InvalidArgumentError(e.hint ? `${e.message} ${e.hint}` : e.message);
  }
}
