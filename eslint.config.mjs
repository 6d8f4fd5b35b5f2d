// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeImport = {
  name: 'vscode',
  message: 'src/core, src/node, src/cli, src/mcp, src/git and the note engine must not depend on VS Code.',
};
const nodeModules = builtinModules
  .flatMap((name) => [name, `node:${name}`])
  .map((name) => ({
    name,
    message:
      'The web build runs this in a web worker, where there is no Node: use workspace.fs, URIs and Web APIs, or inject it from src/extension.ts.',
  }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'media/**', 'node_modules/**', 'example/**', '.vscode-test/**', 'bench/.work/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // A file is read in one sitting: past this, it holds more than one idea (ARCHITECTURE.md).
    files: ['src/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 350 }] },
  },
  {
    // Everything the web build bundles runs in a web worker too, where there is no Node: scripts/build.mjs
    // fails that bundle on a Node module, and this says so where the import is written.
    files: ['src/core/**/*.ts', 'src/features/**/*.ts', 'src/workspace/**/*.ts', 'src/shared/**/*.ts', 'src/activate.ts', 'src/web.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeModules }],
    },
  },
  {
    // The engine is pure: it takes text and returns data, and runs in plain Node and on the command line.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [vscodeImport, ...nodeModules] }],
    },
  },
  {
    // The note engine and its port run in plain Node too, where the unit tests drive them with an in-memory port.
    files: ['src/workspace/noteSync.ts', 'src/workspace/notesPort.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [vscodeImport, ...nodeModules] }],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/node/**/*.ts', 'src/mcp/**/*.ts', 'src/git/**/*.ts', 'src/commandLine.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [vscodeImport] }],
    },
  },
  {
    // The web suite loads mocha's browser build and then its tests at run time, in that order (see the file).
    files: ['test/web/index.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
