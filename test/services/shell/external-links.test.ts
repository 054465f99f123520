import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllowedExternalUrl } from '../../../main/services/shell/external-links.js';

test('only https links to Lexer’s own sites may open in the system browser', () => {
  for (const url of ['https://hub.lexer.io', 'https://hub.lexer.io/logs?x=1', 'https://learn.lexer.io/en/articles/x', 'https://docs.lexer.io/', 'https://github.com/lexerdev/lexer-schemas']) {
    assert.equal(isAllowedExternalUrl(url), true, url);
  }
  for (const url of [
    'http://hub.lexer.io', 'https://hub.lexer.io.evil.com', 'https://evil.com/?https://hub.lexer.io', 'https://user@hub.lexer.io',
    'https://hub.lexer.io:8443/', 'file:///etc/passwd', 'javascript:alert(1)', 'ms-settings:', 'https://github.com/someone/else', 'not a url', 42,
  ]) {
    assert.equal(isAllowedExternalUrl(url), false, String(url));
  }
});
