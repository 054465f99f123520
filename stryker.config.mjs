// Mutation testing (StrykerJS), run by hand like the benchmarks: `npm run mutation` for every
// module below, `npm run mutation -- names api` for some (scripts/mutation.mjs runs them one at a
// time and prints the scores; docs/mutation.md keeps them). Scoped to the modules that guard
// data and secrets. Each module is one Stryker run over its own sources, with only the test files
// that exercise them, so the first (dry) run stays short on a two-core machine.
//
// The tap runner runs each test file as `node --import tsx <file>`: the node test runner prints
// TAP when its output is not a terminal, and tsx runs the TypeScript (with the mutants in it) as
// the tests do. A "test" for Stryker is one test file, so coverage analysis picks the files
// that reach a mutant, not single tests.

/** @typedef {{ mutate: string[]; tests: string[] }} MutationModule */

/** @type {Record<string, MutationModule>} */
export const MODULES = {
  names: {
    mutate: ['main/engine/names/*.ts'],
    tests: ['test/engine/names/*.test.ts'],
  },
  // The API client against stand-in servers; its tests against the sandbox (real waits for
  // Retry-After, an S3 behind it) made a run of this module take over an hour, and reach the same
  // code. Proxies are exercised by the upload's tests, so they are mutated there.
  api: {
    mutate: ['main/engine/api/*.ts', '!main/engine/api/{default-api-url,proxy-agents}.ts'],
    tests: ['test/engine/api/{api-errors,api-client-secrets,local-api-url,mask-token,upload-url,rate-limiter}.test.ts'],
  },
  upload: {
    mutate: ['main/engine/upload/*.ts', '!main/engine/upload/upload-events.ts', 'main/engine/api/proxy-agents.ts'],
    tests: ['test/engine/upload/*.test.ts'],
  },
  schemas: {
    mutate: [
      'main/engine/schemas/common/{formats,dates,http-url,python-text}.ts',
      'main/engine/schemas/check/*.ts',
    ],
    tests: ['test/engine/schemas/*.test.ts'],
  },
  csv: {
    mutate: ['main/engine/pipeline/csv/*.ts', '!main/engine/pipeline/csv/preview-types.ts'],
    // The real-export tests read whole files in every encoding and framing the detection meets;
    // without them most of the encoding code is reached by no test (40 % on 2026-12-06).
    tests: [
      'test/engine/pipeline/csv-preview.test.ts',
      'test/engine/pipeline/csv/*.test.ts',
      'test/engine/pipeline/real-exports/{encodings,framing,wide}.test.ts',
      'test/engine/pipeline/convert/date-order.test.ts',
    ],
  },
  convert: {
    mutate: [
      'main/engine/pipeline/convert/{type-value,build-record,date-order,date-columns,exact-number,custom-key,header-synonyms,field-lookup,leave-out-fields}.ts',
    ],
    tests: ['test/engine/pipeline/convert-to-ndjson.test.ts', 'test/engine/pipeline/convert/*.test.ts'],
  },
  parts: {
    mutate: ['main/engine/parts/*.ts'],
    tests: ['test/engine/parts/*.test.ts'],
  },
  dedupe: {
    mutate: ['main/engine/dedupe/*.ts'],
    tests: ['test/engine/dedupe/*.test.ts'],
  },
  'host-guard': {
    mutate: ['main/host/host-guard.ts', 'main/engine/net/local-request.ts'],
    tests: ['test/host/*.test.ts', 'test/sandbox/*.test.ts'],
  },
  'feed-moves': {
    mutate: ['main/engine/feeds/feed-moves.ts'],
    tests: ['test/engine/feeds/*.test.ts'],
  },
  // Where a watched folder's sent/ and failed/ are opened, checked to be the person's own, and
  // written in without following links: apart from feed-moves, so each keeps its own results.
  'feed-subfolder': {
    mutate: ['main/engine/feeds/feed-subfolder.ts'],
    tests: ['test/engine/feeds/*.test.ts'],
  },
};

const name = process.env.MUTATION_MODULE ?? 'names';
const chosen = MODULES[name];
if (!chosen) throw new Error(`stryker.config.mjs: no module "${name}"; choose one of ${Object.keys(MODULES).join(', ')}`);
const reports = `reports/mutation/${name}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  tap: { testFiles: chosen.tests, nodeArgs: ['--import', 'tsx', '-r', '{{hookFile}}', '{{testFile}}'], forceBail: true },
  mutate: chosen.mutate,
  coverageAnalysis: 'perTest',
  // Results are kept per module, and a later run tests only the mutants whose code or tests changed.
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // The machine has two shared cores; the tests start real servers, which must not race for them.
  concurrency: 1,
  timeoutMS: 10_000,
  // Built output and what other tools write are not needed to run the tests from source.
  ignorePatterns: ['dist', 'release', 'test-results', 'playwright-report', '.cache', 'docs/screenshots'],
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};
