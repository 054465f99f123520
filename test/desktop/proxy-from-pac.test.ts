import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proxyUrlFromPac } from '../../main/desktop/proxy-from-pac.js';

test('the system proxy answer becomes one proxy URL, or none for DIRECT', () => {
  assert.equal(proxyUrlFromPac('DIRECT'), null);
  assert.equal(proxyUrlFromPac('PROXY proxy.corp:8080'), 'http://proxy.corp:8080');
  assert.equal(proxyUrlFromPac('PROXY proxy.corp:8080; DIRECT'), 'http://proxy.corp:8080');
  assert.equal(proxyUrlFromPac('HTTPS secure.corp:443'), 'https://secure.corp:443');
  assert.equal(proxyUrlFromPac('SOCKS5 socks.corp:1080; PROXY p:3128'), 'http://p:3128', 'SOCKS is skipped for the next usable entry');
  assert.equal(proxyUrlFromPac('SOCKS5 socks.corp:1080'), null);
  assert.equal(proxyUrlFromPac(''), null);
});
