/** Store locations (lexer_schemas/common.py GeoCoordinate, GeoLocation). */
import { Num, Obj, Opt, Str } from './json-schema.js';

// confloat(ge=-90, lt=90) and confloat(ge=-180, lt=180): the upper bound is exclusive.
export const GeoCoordinate = Obj({
  latitude: Num({ minimum: -90, exclusiveMaximum: 90 }),
  longitude: Num({ minimum: -180, exclusiveMaximum: 180 }),
});

export const GeoLocation = Obj({ name: Opt(Str()), coordinate: Opt(GeoCoordinate) });
