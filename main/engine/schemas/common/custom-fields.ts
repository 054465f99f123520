import { Dict, Opt } from './json-schema.js';

/**
 * `custom_fields`: an open object (pydantic `Optional[Dict[str, Any]]`); any keys and values. A
 * dataset may later accept only some of them, but that is the dataset's rule, not the record type's.
 */
export const CustomFields = Opt(Dict(undefined, { description: 'Open object of extra attributes (any keys and values).' }));
