// Bundles into dist/: the desktop entry (Node), the browser entry (web worker), the command line and its MCP server, and in a
// development build the web test suite; and the webview pages' scripts (matrix, battlecard) into media/.
import { builtinModules } from 'node:module';
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
// `--cli`: the command line's bundles alone, as `npm pack` ships them (the prepack script).
const cliOnly = process.argv.includes('--cli');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/**
 * Fails a browser bundle on any import of a Node module, even one that a package of the same name on disk
 * (`path`, `util`, `events`…) would otherwise have quietly stood in for.
 */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!nodeBuiltins.has(args.path.split('/')[0]) && !nodeBuiltins.has(args.path)) return undefined;
      return {
        errors: [
          {
            text: `"${args.path}" is a Node module (imported by ${args.importer}): the web build runs in a web worker, where there is none. Inject what it does from src/extension.ts instead.`,
          },
        ],
      };
    });
  },
};
/**
 * The command line's `import('./mcp/mcpServer')` loads dist/mcp.js, and its `import('./commands')` (every command
 * but check and help) dist/commands.js, next to dist/cli.js, at run time.
 */
const bundlesBesideCli = {
  name: 'bundles-beside-cli',
  setup(build) {
    build.onResolve({ filter: /^\.\/mcp\/mcpServer$/ }, () => ({ path: './mcp.js', external: true }));
    build.onResolve({ filter: /^\.\/commands$/ }, () => ({ path: './commands.js', external: true }));
  },
};
/** The desktop entry's `import … from './web'` loads dist/web.js, beside it, at run time: the features are bundled once. */
const featuresFromWebBundle = {
  name: 'features-from-web-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\/web$/ }, () => ({ path: './web.js', external: true }));
  },
};
/** The site's search library, MiniSearch's browser build, as text in the command line and the extension, which write it beside the pages (see src/node/siteScripts.ts, src/features/buildSite.ts). */
const minisearchScript = JSON.stringify(await readFile('node_modules/minisearch/dist/umd/index.js', 'utf8'));
// A webview page's script: one file for the browser, which its page loads with the render's nonce.
const page = { platform: 'browser', target: 'es2022', format: 'iife', plugins: [noNodeBuiltins] };
// A web worker: VS Code loads the bundle as CommonJS with only `vscode` to require.
const webWorker = { ...common, platform: 'browser', target: 'es2022', external: ['vscode'], plugins: [noNodeBuiltins] };

// The command line is minified in every build: a CI job pays for loading it on each run. dist/cli.js holds `check`
// alone (and the help); the other commands are a bundle of their own, dist/commands.js, and so are the MCP server
// and its SDK, dist/mcp.js, loaded by `competitor-scope mcp` alone; with all bundled, the npm package has no
// dependency to install.
const commandLine = [
  esbuild.build({
    ...common,
    minify: true,
    entryPoints: ['src/commandLine.ts'],
    outfile: 'dist/cli.js',
    plugins: [bundlesBesideCli],
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({
    ...common,
    minify: true,
    entryPoints: ['src/cli/commands.ts'],
    outfile: 'dist/commands.js',
    define: { MINISEARCH_SCRIPT: minisearchScript },
  }),
  esbuild.build({ ...common, minify: true, entryPoints: ['src/mcp/mcpServer.ts'], outfile: 'dist/mcp.js' }),
  // `check`'s worker threads (src/node/noteWorkers.ts) load it from beside dist/cli.js and dist/mcp.js.
  esbuild.build({ ...common, minify: true, entryPoints: ['src/node/noteWorker.ts'], outfile: 'dist/noteWorker.js' }),
];
await Promise.all(
  cliOnly
    ? commandLine
    : [
        ...commandLine,
        esbuild.build({
          ...common,
          entryPoints: ['src/extension.ts'],
          outfile: 'dist/extension.js',
          external: ['vscode'],
          plugins: [featuresFromWebBundle],
        }),
        // The worker thread that parses a commit's scope file for Compare with… (src/node/scopeWorkers.ts), beside dist/extension.js.
        esbuild.build({ ...common, minify: true, entryPoints: ['src/node/scopeWorker.ts'], outfile: 'dist/scopeWorker.js' }),
        esbuild.build({
          ...webWorker,
          entryPoints: ['src/web.ts'],
          outfile: 'dist/web.js',
          define: { MINISEARCH_SCRIPT: minisearchScript },
        }),
        // The matrix webview's script runs in the browser, loaded by the page that src/shared/webviewPage.ts builds.
        esbuild.build({ ...common, entryPoints: ['src/webview/matrixPage.ts'], outfile: 'media/matrix.js', ...page }),
        // The battlecard's, likewise (src/shared/webviewPage.ts builds both pages).
        esbuild.build({ ...common, entryPoints: ['src/webview/battlecard.ts'], outfile: 'media/battlecard.js', ...page }),
        // The web suite (test/web) runs in the web worker beside dist/web.js; it is never packaged.
        ...(production ? [] : [esbuild.build({ ...webWorker, entryPoints: ['test/web/index.ts'], outfile: 'dist/test-web.js' })]),
      ],
);
