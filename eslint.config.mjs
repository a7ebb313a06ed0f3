// Lint like Temporal's samples: floating promises are errors, and workflow code may not reach Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'process', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', '.planflow/', 'coverage/', 'dist/', 'bin/', 'scripts/*.mjs', 'test/helpers/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['eslint.config.mjs', 'jest.config.js'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.ts', 'model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: nodeBuiltins, message: 'Workflow and model code must stay deterministic: no Node I/O.' }] }],
    },
  },
  {
    files: ['model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: nodeBuiltins, message: 'model/ is pure: no Node I/O.' },
        { group: ['@temporalio/*'], message: 'model/ is shared by workflows, CLI and portal: no Temporal imports.' },
        { group: ['../workflows/*', '../activities/*', '../worker/*', '../client/*'], message: 'model/ imports nothing of ours.' },
      ] }],
    },
  },
  {
    files: ['store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@temporalio/*'], message: 'store/ never imports Temporal.' },
        { group: ['../workflows/*', '../activities/*', '../worker/*', '../client/*'], message: 'store/ may import only model/.' },
      ] }],
    },
  },
  {
    files: ['*.js', '*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    // Helper processes the tests start (an OIDC provider from an ES-module-only package).
    files: ['test/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false, project: false }, globals: { process: 'readonly', console: 'readonly' } },
  },
);
