// `npm run dist` on a Node too old for electron-builder's own dependencies says so in one line
// and what to install, instead of failing half-way; on Node 24 it goes on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { node24OrSkip } from '../desktop/node24.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHECK = join(ROOT, 'scripts', 'check-dist-node.mjs');
const required = (name: string): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
const below = (version: string, min: string): boolean => {
  const [a, b] = [version, min].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (a![i] !== b![i]) return a![i]! < b![i]!;
  return false;
};

test('npm run dist checks the Node version before building', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; engines: { node: string } };
  assert.match(pkg.scripts.dist!, /^node scripts\/check-dist-node\.mjs && /);
  assert.equal(pkg.engines.node, '>=20', 'the app, lexer-upload and the tests need Node 20');
});

test('on a Node older than electron-builder needs, one line says which Node to install', { skip: !below(process.versions.node, '22.12.0') && 'this Node is new enough' }, () => {
  const r = spawnSync(process.execPath, [CHECK], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  const min = /^>=\s*(\S+)$/.exec(required('@electron/rebuild'))?.[1] ?? '22.12.0';
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, new RegExp(`needs Node\\.js ${min.replace(/\./g, '\\.')} or later .* this is Node\\.js ${process.versions.node.replace(/\./g, '\\.')}\\. Install Node\\.js 22 LTS or 24`));
});

test('on Node 24 the check passes quietly', async (t) => {
  const n = await node24OrSkip();
  if (!n.node) return t.skip(n.skip ?? undefined);
  const r = spawnSync(n.node, [CHECK], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.equal(r.stderr, '');
});
