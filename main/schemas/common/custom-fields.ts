import { Type } from '@sinclair/typebox';
import { Opt } from './schema-helpers.js';

/**
 * `custom_fields`: an open object (pydantic `Dict[str, Any]`); any keys and values. A dataset may
 * later accept only some of them, but that is the dataset's rule, not the record type's.
 */
export const CustomFields = Opt(
  Type.Object({}, { additionalProperties: true, description: 'Open object of extra attributes (any keys and values).' }),
);
