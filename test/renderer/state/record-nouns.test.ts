import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { recordsSent } from '../../../renderer/state/record-nouns.js';

describe('what the result and History say a converted file carried', () => {
  test('rows left out are rows; with rows grouped into orders, orders, and the lines they came from', () => {
    const none = { fieldsLeftOut: 0, leftOutFields: [] };
    assert.equal(recordsSent({ sent: 4, leftOut: 3, lines: null, ...none }), '4 records sent; 3 rows left out');
    assert.equal(recordsSent({ sent: 2, leftOut: 1, lines: 5, ...none }), '2 records sent (one per order, from 5 lines); 1 order left out');
    assert.equal(recordsSent({ sent: 1, leftOut: 0, lines: 1, ...none }), '1 record sent (one per order, from 1 line)');
  });

  test('invalid fields left out are named, the most frequent three and a count of the rest', () => {
    const r = recordsSent({ sent: 3, leftOut: null, lines: null, fieldsLeftOut: 9, leftOutFields: ['email', 'gender', 'date_of_birth', 'mobile', 'city'] });
    assert.equal(r, '3 records sent; 9 fields left out (email, gender, date_of_birth and 2 more)');
  });
});
