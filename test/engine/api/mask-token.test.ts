// The token is masked in every form a message could quote it in: as sent, JSON-escaped (an error
// body, or an object the service's words hold) and percent-encoded (a URL), for tokens holding
// the characters that make those forms differ from the token itself.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { maskToken, TOKEN_MASK } from '../../../main/engine/api/mask-token.js';

const TOKENS = ['ab"cd\\ef+gh/ij=kl', 'Zm9vYmFy+/==+"quoted"\\back', 'plain-token_0123456789'];

describe('maskToken', () => {
  for (const token of TOKENS) {
    const forms = { 'as sent': token, 'JSON-escaped': JSON.stringify(token).slice(1, -1), 'percent-encoded': encodeURIComponent(token) };
    for (const [form, text] of Object.entries(forms)) {
      test(`masks ${JSON.stringify(token)} ${form}`, () => {
        const masked = maskToken(`Lexer said: the token ${text} was refused (again: ${text}).`, token);
        assert.equal(masked, `Lexer said: the token ${TOKEN_MASK} was refused (again: ${TOKEN_MASK}).`);
      });
    }
  }

  test('masks every form in one text, and leaves the rest of it as it was', () => {
    const token = TOKENS[0] as string;
    const text = `body {"error":"bad token ${JSON.stringify(token).slice(1, -1)}"} url https://x.example/t/${encodeURIComponent(token)}/ raw ${token}`;
    assert.equal(maskToken(text, token), `body {"error":"bad token ${TOKEN_MASK}"} url https://x.example/t/${TOKEN_MASK}/ raw ${TOKEN_MASK}`);
  });

  test('leaves text alone without a token, or with one too short to search for (it would mask ordinary words)', () => {
    assert.equal(maskToken('the token abc was refused', 'abc'), 'the token abc was refused');
    assert.equal(maskToken('nothing to hide', null), 'nothing to hide');
    assert.equal(maskToken('nothing to hide', ''), 'nothing to hide');
    assert.equal(maskToken('seven77 and eight888', 'eight888'), `seven77 and ${TOKEN_MASK}`);
  });
});
