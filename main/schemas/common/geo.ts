/** Store locations (lexer_schemas/common.py GeoCoordinate, GeoLocation). */
import { Type } from '@sinclair/typebox';
import { Opt } from './schema-helpers.js';

// confloat(ge=-90, lt=90) and confloat(ge=-180, lt=180): the upper bound is exclusive.
export const GeoCoordinate = Type.Object({
  latitude: Type.Number({ minimum: -90, exclusiveMaximum: 90 }),
  longitude: Type.Number({ minimum: -180, exclusiveMaximum: 180 }),
});

export const GeoLocation = Type.Object({ name: Opt(Type.String()), coordinate: Opt(GeoCoordinate) });
