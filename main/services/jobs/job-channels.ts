/** The job channels: column mapping suggestions and choices, validation and conversion jobs. */
import { mappingLookup, suggestMapping } from '../../engine/pipeline/column-mapping.js';
import { LINE_ITEMS } from '../../engine/pipeline/convert/field-lookup.js';
import type { ChannelsOf } from '../channels/handler-types.js';
import { asFilePath, parseConvertRequest } from '../channels/request-parsers.js';
import { asBoolean, asId, asRecordType, asString, asStringArray, expectArgs as n } from '../channels/validators.js';
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
      n(a, 3, 'mapping:suggest');
      const groupBy = a[2] === null ? undefined : asString(a[2], 'groupBy', 1000);
      const m = suggestMapping(asStringArray(a[0], 'headers'), asRecordType(a[1]), groupBy);
      return {
        columns: { ...m.columns }, unknownColumns: m.unknownColumns, inferCustomTypes: m.inferCustomTypes,
        ...(m.groupBy !== undefined ? { groupBy: m.groupBy } : {}), ...(m.constants ? { constants: { ...m.constants } } : {}),
      };
    },
    'schema:fields': async (...a) => {
      n(a, 2, 'schema:fields');
      // Array items (`products[].sku`) cannot come from one CSV column unless rows are grouped
      // into orders (then `products.sku`, one row per item); custom_fields is offered per column
      // by the renderer. Both the list itself and objects are left out of the choices.
      const lineItems = asBoolean(a[1], 'lineItems');
      return mappingLookup(asRecordType(a[0]), lineItems).fields
        .filter((f) => f.path !== 'custom_fields' && f.kind !== 'object' && !(lineItems && f.path === LINE_ITEMS))
        .map((f) => ({ path: f.path, required: f.required, description: f.description ?? null, kind: f.kind, ...(f.enumValues ? { enumValues: [...f.enumValues] } : {}) }));
    },
    'jobs:validate': async (...a) => (n(a, 3, 'jobs:validate'), d.jobs.validate(asId(a[0], 'jobId'), await d.allowed(asFilePath(a[1])), asRecordType(a[2]))),
    'jobs:convert': async (...a) => (n(a, 2, 'jobs:convert'), d.jobs.convert(asId(a[0], 'jobId'), await d.allowed(parseConvertRequest(a[1])))),
    'jobs:cancel': async (...a) => (n(a, 1, 'jobs:cancel'), d.jobs.cancel(asId(a[0], 'jobId'))),
    'jobs:export-errors': async (...a) => (n(a, 1, 'jobs:export-errors'), d.jobs.exportErrors(asId(a[0], 'jobId'))),
  };
}
