/**
 * What a card would send, worked out from its choices: the file itself, or the NDJSON a CSV (or
 * a JSON array) was converted to; with a destination only when a dataset ID is given (only NDJSON
 * loads by itself). Upload stays off until the name passes Lexer's rules and
 * there is somewhere to send to (a token, or the sandbox).
 */
import type { FileInfo, FileKind } from '../../main/contract/files.js';
import type { ConversionReport, RecordTypeName } from '../../main/contract/jobs.js';
import type { UploadRequest } from '../../main/contract/uploads.js';
import { defaultDatasetFileName, isDatasetDefaultName } from './send-names.js';

/** How a CSV or JSON file goes: as it is (for Lexer staff), or converted to NDJSON. */
export type CsvMode = 'as-is' | 'convert';

/** The records a conversion left out (rows, or orders when rows were grouped), which the person confirms before sending. */
export interface LeftOut {
  readonly sent: number;
  readonly total: number;
  readonly leftOut: number;
}

/** What the card would send now, or why it cannot yet. */
export type Plan =
  | { readonly ready: true; readonly request: Omit<UploadRequest, 'id'>; readonly leftOut: LeftOut | null }
  | { readonly ready: false; readonly reason: string; readonly badName?: boolean };

/** NDJSON and gzip (gzipped NDJSON) can load into a dataset. */
export function isDatasetKind(kind: FileKind): boolean {
  return kind === 'ndjson' || kind === 'gzip';
}

/** CSV files and JSON arrays can be converted to NDJSON. */
export function isConvertibleKind(kind: FileKind): boolean {
  return kind === 'csv' || kind === 'json';
}

export interface PlanInput {
  readonly file: FileInfo;
  readonly sendName: string;
  /** main's verdict on a name (null while it is being checked). */
  readonly nameCheck: { readonly name: string; readonly valid: boolean } | null;
  readonly recordType: RecordTypeName;
  readonly datasetId: string;
  readonly csvMode: CsvMode;
  readonly conversion: ConversionReport | null;
  readonly validateFirst: boolean;
  /** A token is saved or the sandbox is on; null while not known yet. */
  readonly connectionReady: boolean | null;
  /** The card's "Compress (gzip)" box; unset leaves it to main (Settings' choice for NDJSON). */
  readonly gzip?: boolean;
  /** Settings: e-mail addresses leave only hashed, so only a conversion that hashed them is sent. */
  readonly hashEmails?: boolean;
}

/** Why a card cannot go while e-mail addresses leave only hashed, or null. */
function notHashed(p: PlanInput, converting: boolean): string | null {
  if (!p.hashEmails || p.conversion?.emails) return null;
  const setting = 'Settings say e-mail addresses leave only hashed';
  if (converting && p.conversion) return `${setting}, and this conversion was made before: Convert and validate again.`;
  if (converting) return null;
  return isDatasetKind(p.file.kind)
    ? `${setting}: make the hashed copy first (Hash e-mail addresses, below Validate).`
    : `${setting}: convert the file to NDJSON (as it is, it would carry them in clear).`;
}

/** Works out the upload request from the card's choices. */
export function planUpload(p: PlanInput): Plan {
  const plan = planRequest(p);
  return plan.ready && p.gzip !== undefined ? { ...plan, request: { ...plan.request, gzip: p.gzip } } : plan;
}

function planRequest(p: PlanInput): Plan {
  const { file, recordType, csvMode, conversion } = p;
  if (file.blocker) return { ready: false, reason: file.blocker.message };
  const dataset = p.datasetId.trim();
  const destination = dataset ? { datasetId: dataset, recordType } : null;
  const typed = p.sendName.trim();
  const converting = isConvertibleKind(file.kind) && csvMode === 'convert';
  const hashing = notHashed(p, converting);
  if (hashing) return { ready: false, reason: hashing };
  if (converting) {
    if (!conversion) return { ready: false, reason: 'Convert the file first (Convert and validate).' };
    if (conversion.written === 0) return { ready: false, reason: 'No row could be converted; fix the mapping or the file.' };
  }
  // The vendor's own default name for NDJSON into a dataset needs no check: Lexer made it (also
  // when typed, or kept by History's Retry of a `lexer-upload` dataset upload).
  const fallback = isDatasetKind(file.kind) && dataset ? defaultDatasetFileName(dataset, recordType) : '';
  const name = typed || fallback;
  if (!name) return { ready: false, reason: 'Type the name to send the file under.' };
  if (typed && !(dataset && (converting || isDatasetKind(file.kind)) && isDatasetDefaultName(typed, recordType))) {
    if (p.nameCheck?.name !== typed) return { ready: false, reason: 'Checking the name against Lexer’s rules…' };
    if (!p.nameCheck.valid) return { ready: false, reason: 'The name breaks Lexer’s file-name rules (see above); Lexer would refuse it.', badName: true };
  }
  if (p.connectionReady === false) return { ready: false, reason: 'Paste your API token in Settings first, or try the local sandbox.' };
  if (converting && conversion) {
    const leftOut = recordsLeftOut(conversion);
    return { ready: true, request: { path: conversion.output, filename: name, destination, validateFirst: false }, leftOut };
  }
  switch (file.kind) {
    case 'csv':
    case 'json':
    case 'other':
      return { ready: true, request: { path: file.path, filename: name, destination: null, validateFirst: false }, leftOut: null };
    case 'ndjson':
    case 'gzip': {
      // A cleaned copy (the NDJSON panel's clean step) is sent in place of the file.
      const leftOut = conversion ? recordsLeftOut(conversion) : null;
      return { ready: true, request: { path: conversion?.output ?? file.path, filename: name, destination, validateFirst: destination !== null && p.validateFirst }, leftOut };
    }
    default: {
      const _exhaustive: never = file.kind;
      return _exhaustive;
    }
  }
}

/** The records a conversion left out, for the confirmation: rows, or orders when rows were grouped into them. */
function recordsLeftOut(c: ConversionReport): LeftOut | null {
  const counts = c.orders ? { sent: c.orders.written, total: c.orders.written + c.orders.refused, leftOut: c.orders.refused } : { sent: c.written, total: c.rows, leftOut: c.rejected };
  return counts.leftOut > 0 ? counts : null;
}
