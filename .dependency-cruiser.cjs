// The floors of the code, checked by `npm run lint` (dependency-cruiser): imports run one way,
//   cli, host, desktop  ->  services  ->  sandbox  ->  engine  ->  engine/schemas
// with main/contract (the typed channels between the window and main) beside them, imported by
// services, the faces, the preload and the renderer, and importing only engine types. No import
// circles anywhere, type-only imports included: a circle is where a newcomer cannot tell which
// module comes first.
const FACES = '^main/(cli|host|desktop)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Move the shared types or helpers both sides need into their own module.', from: {}, to: { circular: true } },
    {
      name: 'engine-imports-no-face', severity: 'error',
      comment: 'The engine is plain Node code every face runs: it never reaches up into services, faces, the sandbox or the contract.',
      from: { path: '^main/engine/' }, to: { path: ['^main/(services|cli|host|desktop|sandbox|contract)/', '^preload/', '^renderer/'] },
    },
    {
      name: 'schemas-are-the-floor', severity: 'error',
      comment: 'Record-type schemas sit under the rest of the engine and import only themselves and the error type.',
      from: { path: '^main/engine/schemas/' }, to: { path: '^main/engine/', pathNot: ['^main/engine/schemas/', '^main/engine/errors\\.ts$'] },
    },
    {
      name: 'contract-imports-engine-types-only', severity: 'error',
      comment: 'The contract is shared by main, the preload and the renderer: it may name engine types, nothing above them.',
      from: { path: '^main/contract/' }, to: { path: ['^main/(services|cli|host|desktop|sandbox)/', '^preload/', '^renderer/'] },
    },
    {
      name: 'sandbox-below-services', severity: 'error',
      comment: 'The sandbox is started by services and faces; it never imports them.',
      from: { path: '^main/sandbox/' }, to: { path: ['^main/(services|cli|host|desktop|contract)/'] },
    },
    {
      name: 'services-below-faces', severity: 'error',
      comment: 'Services answer the contract for every face; a face wires them up, never the other way.',
      from: { path: '^main/services/' }, to: { path: FACES },
    },
    {
      name: 'faces-apart', severity: 'error',
      comment: 'The desktop shell, the browser host and the command do not import one another (the command starts the host for `ui`).',
      from: { path: FACES, pathNot: '^main/cli/' }, to: { path: FACES, pathNot: '^main/$1/' },
    },
    {
      name: 'preload-is-the-bridge', severity: 'error',
      comment: 'The preload imports only the contract (and electron).',
      from: { path: '^preload/' }, to: { path: '^main/', pathNot: '^main/contract/' },
    },
    {
      name: 'renderer-talks-to-the-contract', severity: 'error',
      comment: 'The renderer knows main only through the contract and the preload API type.',
      from: { path: '^renderer/' }, to: { path: ['^main/', '^preload/(preload|ipc-transport)\\.ts$'], pathNot: '^main/contract/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
