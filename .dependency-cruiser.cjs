// The layering of src/ (ARCHITECTURE.md): `npm run lint` fails on an import that breaks it.
// Core's rooms are ranked: a room imports only rooms below it; the top rooms do not import each other.
const ranks = [
  ['charts'],
  ['scope'],
  ['notes'],
  ['evidence'],
  ['scoring'],
  ['index'],
  ['matrix'],
  ['assist', 'brief', 'scopeEdit', 'scopeImport', 'history', 'site'],
];
const rooms = ranks.flat().join('|');
const top = ranks.at(-1).join('|');
const rule = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    rule('no-cycle', 'No import cycle anywhere in src/.', { path: '^src/' }, { circular: true }),
    rule('core-is-the-ground', 'src/core imports nothing above it.', { path: '^src/core/' }, { path: '^src/(?!core/)' }),
    rule(
      'core-base',
      "core's loose files (text, dates, …) import no room.",
      { path: '^src/core/[^/]+\\.ts$' },
      { path: '^src/core/[^/]+/' },
    ),
    rule(
      'core-room-known',
      'Every folder of src/core is one of the ranked rooms.',
      { path: '^src/core/[^/]+/', pathNot: `^src/core/(${rooms})/` },
      { path: '^src/' },
    ),
    ...ranks.slice(0, -1).map((r, i) =>
      rule(
        `core-${r.join('-')}-below`,
        `core/${r.join(', ')} imports only rooms ranked below it.`,
        { path: `^src/core/(${r.join('|')})/` },
        {
          path: `^src/core/(${ranks
            .slice(i + 1)
            .flat()
            .join('|')})/`,
        },
      ),
    ),
    rule(
      'core-top-apart',
      "core's top rooms do not import each other.",
      { path: `^src/core/(${top})/` },
      { path: `^src/core/(${top})/`, pathNot: '^src/core/$1/' },
    ),
    rule('cli-not-mcp', 'cli and mcp share through src/node.', { path: '^src/cli/' }, { path: '^src/mcp/' }),
    rule('mcp-not-cli', 'cli and mcp share through src/node.', { path: '^src/mcp/' }, { path: '^src/cli/' }),
    rule(
      'node-below',
      'src/node serves cli and mcp, and imports neither them nor the editor.',
      { path: '^src/node/' },
      { path: '^src/(cli|mcp|features|workspace|webview|shared)/|^src/[^/]+\\.ts$' },
    ),
    rule('git-edge', 'src/git is an edge over core.', { path: '^src/git/' }, { path: '^src/(?!core/|git/)' }),
    rule(
      'feature-folder-alone',
      'Features do not import features.',
      { path: '^src/features/([^/]+)/' },
      { path: '^src/features/', pathNot: '^src/features/$1/' },
    ),
    rule('feature-file-alone', 'Features do not import features.', { path: '^src/features/[^/]+\\.ts$' }, { path: '^src/features/' }),
    rule(
      'workspace-below-features',
      'src/workspace and src/shared serve the features.',
      { path: '^src/(workspace|shared)/' },
      { path: '^src/(features|cli|mcp|node)/|^src/[^/]+\\.ts$' },
    ),
    rule(
      'webview-browser',
      'Webview pages import only shared messages and core.',
      { path: '^src/webview/' },
      { path: '^src/(?!webview/|shared/|core/)' },
    ),
  ],
  options: { includeOnly: '^src/', tsPreCompilationDeps: true, exclude: { path: '\\.d\\.ts$' } },
};
