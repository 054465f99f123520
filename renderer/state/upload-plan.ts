/**
 * What a card would send, worked out from its choices: the file itself, or the NDJSON a CSV was
 * converted to; with a destination only when a dataset ID is given (only NDJSON loads by itself).
 */
import type { ConversionReport, FileInfo, FileKind, RecordTypeName, UploadRequest } from '../../preload/contract.js';
import { defaultDatasetFileName } from './send-names.js';

export type CsvMode = 'as-is' | 'convert';

/** What the card would send now, or why it cannot yet. */
export type Plan = { readonly ready: true; readonly request: Omit<UploadRequest, 'id'> } | { readonly ready: false; readonly reason: string };

/** NDJSON and gzip (gzipped NDJSON) can load into a dataset. */
export function isDatasetKind(kind: FileKind): boolean {
  return kind === 'ndjson' || kind === 'gzip';
}

export interface PlanInput {
  readonly file: FileInfo;
  readonly sendName: string;
  readonly recordType: RecordTypeName;
  readonly datasetId: string;
  readonly csvMode: CsvMode;
  readonly conversion: ConversionReport | null;
  readonly validateFirst: boolean;
}

/** Works out the upload request from the card's choices. */
export function planUpload({ file, sendName, recordType, datasetId, csvMode, conversion, validateFirst }: PlanInput): Plan {
  if (file.blocker) return { ready: false, reason: file.blocker.message };
  const dataset = datasetId.trim();
  const destination = dataset ? { datasetId: dataset, recordType } : null;
  const name = sendName.trim();
  switch (file.kind) {
    case 'csv':
      if (csvMode === 'as-is') return name ? { ready: true, request: { path: file.path, filename: name, destination: null, validateFirst: false } } : noName();
      if (!conversion) return { ready: false, reason: 'Convert the file first (Convert and validate).' };
      if (conversion.written === 0) return { ready: false, reason: 'No row could be converted; fix the mapping or the file.' };
      if (!name) return noName();
      return { ready: true, request: { path: conversion.output, filename: name, destination, validateFirst: false } };
    case 'ndjson':
    case 'gzip': {
      const filename = name || (dataset ? defaultDatasetFileName(dataset, recordType) : '');
      if (!filename) return noName();
      // A cleaned copy (the NDJSON panel's clean step) is sent in place of the file.
      return { ready: true, request: { path: conversion?.output ?? file.path, filename, destination, validateFirst: destination !== null && validateFirst } };
    }
    case 'json':
    case 'other':
      return name ? { ready: true, request: { path: file.path, filename: name, destination: null, validateFirst: false } } : noName();
    default: {
      const _exhaustive: never = file.kind;
      return _exhaustive;
    }
  }
}

function noName(): Plan {
  return { ready: false, reason: 'Type the name to send the file under.' };
}
