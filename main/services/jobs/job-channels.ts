/** The job channels: column mapping suggestions and choices, validation and conversion jobs. */
import { suggestMapping } from '../../engine/pipeline/column-mapping.js';
import { getRecordType } from '../../engine/schemas/record-types.js';
import type { ChannelsOf } from '../channels/handler-types.js';
import { asFilePath, parseConvertRequest } from '../channels/request-parsers.js';
import { asId, asRecordType, asStringArray, expectArgs as n } from '../channels/validators.js';
import type { FileGate } from '../files/file-access.js';
import type { JobService } from './job-service.js';

export interface JobChannelDeps {
  readonly jobs: JobService;
  readonly allowed: FileGate;
}

/** Registers `jobs:*`, `mapping:*` and `schema:*`. */
export function jobChannels(d: JobChannelDeps): ChannelsOf<'jobs' | 'mapping' | 'schema'> {
  return {
    'mapping:suggest': async (...a) => {
      n(a, 2, 'mapping:suggest');
      const m = suggestMapping(asStringArray(a[0], 'headers'), asRecordType(a[1]));
      return { columns: { ...m.columns }, unknownColumns: m.unknownColumns, inferCustomTypes: m.inferCustomTypes };
    },
    'schema:fields': async (...a) => {
      n(a, 1, 'schema:fields');
      // Array items (`products[].sku`) cannot come from one CSV column, and custom_fields is
      // offered per column by the renderer, so both are left out of the choices.
      return getRecordType(asRecordType(a[0])).fields
        .filter((f) => !f.path.includes('[]') && f.path !== 'custom_fields' && f.kind !== 'object')
        .map((f) => ({ path: f.path, required: f.required, description: f.description ?? null, kind: f.kind }));
    },
    'jobs:validate': async (...a) => (n(a, 3, 'jobs:validate'), d.jobs.validate(asId(a[0], 'jobId'), await d.allowed(asFilePath(a[1])), asRecordType(a[2]))),
    'jobs:convert': async (...a) => (n(a, 2, 'jobs:convert'), d.jobs.convert(asId(a[0], 'jobId'), await d.allowed(parseConvertRequest(a[1])))),
    'jobs:cancel': async (...a) => (n(a, 1, 'jobs:cancel'), d.jobs.cancel(asId(a[0], 'jobId'))),
    'jobs:export-errors': async (...a) => (n(a, 1, 'jobs:export-errors'), d.jobs.exportErrors(asId(a[0], 'jobId'))),
  };
}
