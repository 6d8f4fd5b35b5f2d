// Bundles the extension and the command line into dist/, one file each.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The command line is minified in every build: a CI job pays for loading it on each run.
  esbuild.build({ ...common, minify: true, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The matrix webview's script runs in the browser, loaded by the page that src/shared/matrixPage.ts builds.
  esbuild.build({ ...common, entryPoints: ['src/webview/main.ts'], outfile: 'media/matrix.js', platform: 'browser', target: 'es2022', format: 'iife' }),
]);
