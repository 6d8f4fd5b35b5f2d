import * as fs from 'node:fs';
import * as path from 'node:path';
import { siteFiles } from '../core/site/buildSite';
import { SITE_ASSETS, type SiteBuild } from '../core/site/sitePage';
import { plainLines } from '../core/printable';
import { commitOf, inRepository, pathInRepository } from '../git/gitRefs';
import { parseCommandArgs } from '../node/commandArgs';
import { minisearchScript } from '../node/siteScripts';
import { UsageError } from '../node/usageError';
import {
  invalidScopeLines,
  loadWorkspace,
  outsideWarnings,
  shownPath,
  WORKSPACE_OPTIONS,
  workspaceOptions,
  type LoadOptions,
} from '../node/workspace';
import type { CommandResult } from './output';

export interface SiteOptions extends LoadOptions {
  /** The folder the site is written to; made when absent. */
  readonly output: string;
  /** The repository's web address: notes link to their lines at the commit. */
  readonly repoUrl?: string;
}

/** `site [FOLDER] -o DIR [--repo-url URL] [--scope FILE] [--as-of DAY] [--no-git]`, as options. */
export function parseSiteArgs(args: readonly string[], cwd: string): SiteOptions {
  const { values, positionals } = parseCommandArgs(args, {
    ...WORKSPACE_OPTIONS,
    output: { type: 'string', short: 'o' },
    'repo-url': { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError(`site takes one folder, not ${positionals.length}.`);
  if (values.output === undefined) throw new UsageError('site needs the folder to write the site to: -o DIR.');
  const repoUrl = values['repo-url'];
  if (repoUrl !== undefined && !/^https?:\/\/[^\s"'<>]+$/i.test(repoUrl)) {
    throw new UsageError(`--repo-url must be an http or https address, such as https://github.com/OWNER/REPO, not "${repoUrl}".`);
  }
  return {
    ...workspaceOptions(values, positionals, cwd),
    output: path.resolve(cwd, values.output),
    ...(repoUrl !== undefined ? { repoUrl } : {}),
  };
}

/** The static site of a folder's research, written to `options.output`. Exit 2 for an invalid scope file. */
export async function site(options: SiteOptions): Promise<CommandResult> {
  const workspace = await loadWorkspace(options);
  if (!workspace.ok) return { stdout: '', stderr: invalidScopeLines(options.folder, workspace), exitCode: 2 };
  const { index, notesRoot } = workspace;
  const { files } = siteFiles({ index, build: await siteBuild(notesRoot, options.repoUrl) });
  let pages = 0;
  try {
    fs.mkdirSync(options.output, { recursive: true });
    for (const file of files) {
      fs.writeFileSync(path.join(options.output, file.name), file.text);
      if (file.name.endsWith('.html')) pages++;
    }
    fs.writeFileSync(path.join(options.output, SITE_ASSETS.minisearch), minisearchScript());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`the site cannot be written to ${options.output} (${code}).`, { cause: error });
  }
  return {
    stdout: '',
    stderr: `${outsideWarnings(workspace)}${plainLines([`Wrote ${pages} pages to ${shownPath(options.folder, options.output)}`])}`,
    exitCode: 0,
  };
}

/** When the site is built and from which commit: git's objects only; outside a repository it says so. */
async function siteBuild(folder: string, repoUrl: string | undefined): Promise<SiteBuild> {
  const builtAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const inRepo = await inRepository(folder);
  const commit = inRepo ? ((await commitOf(folder, 'HEAD')) ?? null) : null;
  return {
    builtAt,
    commit,
    noCommit: inRepo ? 'in a repository with no commit yet' : 'outside any git repository (no commit to name)',
    repoPrefix: (inRepo ? await pathInRepository(folder) : undefined) ?? '',
    ...(repoUrl !== undefined ? { repoUrl } : {}),
  };
}
