// Flat config: typescript-eslint's recommended rules, plus the project's bans that keep the
// layers apart (only main/desktop imports electron; the renderer never sees Node) and files
// small enough to read in one sitting. Which floor may import which is checked beside this, by
// dependency-cruiser (.dependency-cruiser.cjs), as part of `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/desktop/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only the desktop shell imports electron; wire it in main/desktop/.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'electron'], message: 'The renderer never sees Node or Electron; it talks to the preload API.' },
        { regex: '(^|/)main/(?!contract/)', allowTypeImports: true, message: 'The renderer only talks to the preload API and the contract (main/contract/).' },
      ] }],
    },
  },
);
