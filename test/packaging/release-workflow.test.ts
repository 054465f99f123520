// The release workflow cannot run here (it needs GitHub's runners), so it is checked against
// GitHub's own workflow schema (@actions/workflow-parser, the parser behind GitHub's Actions
// language service), and for what a release must do: build on the three systems on a version
// tag, sign from secrets only, upload the installers and the update files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';

const FILE = resolve(import.meta.dirname, '../../.github/workflows/release.yml');
const text = readFileSync(FILE, 'utf8');

/** The schema errors GitHub's parser reports for `content`. */
function schemaErrors(content: string): string[] {
  const result = parseWorkflow({ name: '.github/workflows/release.yml', content }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}

test('release.yml passes GitHub’s workflow schema', () => {
  assert.deepEqual(schemaErrors(text), []);
});

test('the schema check does catch a broken workflow (so the check above can fail)', () => {
  assert.notDeepEqual(schemaErrors(text.replace('runs-on: ${{ matrix.os }}', 'runs_on: ${{ matrix.os }}')), []);
  assert.notDeepEqual(schemaErrors(text.replace("tags: ['v*.*.*']", "tagz: ['v*.*.*']")), []);
});

interface Workflow {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; env?: Record<string, string>; strategy?: { matrix: { include: Array<{ os: string; targets: string }> } }; steps: Array<{ name?: string; uses?: string; run?: string; with?: Record<string, string> }> }>;
}

test('on a version tag it builds on Ubuntu, macOS and Windows and uploads the installers to the release', () => {
  const w = parse(text) as Workflow;
  assert.deepEqual(w.on.push.tags, ['v*.*.*']);
  assert.equal(w.permissions.contents, 'write');
  const job = w.jobs.installers!;
  assert.deepEqual(job.strategy?.matrix.include.map((m) => m.os), ['ubuntu-latest', 'macos-latest', 'windows-latest']);
  assert.match(job.strategy!.matrix.include[1]!.targets, /--universal/);
  const dist = job.steps.find((s) => s.run?.includes('npm run dist'));
  assert.ok(dist, 'builds with npm run dist (the Node check, the build, electron-builder.yml)');
  assert.match(dist.run!, /--publish never/);
  const upload = job.steps.find((s) => s.uses?.startsWith('softprops/action-gh-release@'));
  for (const kind of ['deb', 'AppImage', 'dmg', 'zip', 'exe', 'blockmap']) assert.match(upload?.with?.files ?? '', new RegExp(`release/\\*\\.${kind}\\b`));
  assert.match(upload?.with?.files ?? '', /release\/latest\*\.yml/);
});

test('signing and notarization come from secrets only, each for its own system', () => {
  const env = (parse(text) as Workflow).jobs.installers!.env!;
  assert.equal(env.CSC_LINK, "${{ matrix.os == 'macos-latest' && secrets.MAC_CSC_LINK || '' }}");
  assert.equal(env.WIN_CSC_LINK, "${{ matrix.os == 'windows-latest' && secrets.WIN_CSC_LINK || '' }}");
  for (const name of ['CSC_KEY_PASSWORD', 'WIN_CSC_KEY_PASSWORD', 'APPLE_API_KEY_P8', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']) assert.match(env[name] ?? '', /secrets\./, name);
  // No secret is ever written to the log or passed on a command line.
  assert.doesNotMatch(text, /echo .*secrets\.|run:.*\$\{\{ secrets\./);
});
