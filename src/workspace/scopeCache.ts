import * as vscode from 'vscode';
import { cachedScopeFile, MAX_SCOPE_CACHE_BYTES, scopeCacheText } from '../core/scope/scopeCache';
import type { ScopeFile } from '../core/scope/scopeSchema';
import { readText, statOf } from './workspaceFiles';

/** More entries than this (one per scope file ever opened) and the least recently written go. */
const MAX_ENTRIES = 64;

/**
 * The scope files' checked models between activations (see core/scope/scopeCache.ts), one file per scope file in
 * the extension's global storage, which survives reloads: an entry is used only for the same text under the same
 * build of the extension. Failing to read or write it is never an error: the scope file is then parsed, as without it.
 */
export class ScopeCache {
  constructor(
    private readonly folder: vscode.Uri,
    private readonly build: string,
  ) {}

  /** The checked model of `text`, the scope file at `fileUri`, if this text's is stored. */
  async get(fileUri: vscode.Uri, text: string): Promise<{ file?: ScopeFile; hash: string }> {
    const hash = await sha256(text);
    const entry = await this.entryUri(fileUri);
    const stat = await statOf(entry);
    if (!stat || stat.size > MAX_SCOPE_CACHE_BYTES) return { hash };
    const stored = await readText(entry);
    const file = stored === undefined ? undefined : cachedScopeFile(stored, this.build, hash);
    return file ? { file, hash } : { hash };
  }

  /** Stores the checked model of the text of hash `hash` (see get) in place of the scope file's last one. */
  async set(fileUri: vscode.Uri, hash: string, file: ScopeFile): Promise<void> {
    const bytes = new TextEncoder().encode(scopeCacheText(this.build, hash, file));
    if (bytes.length > MAX_SCOPE_CACHE_BYTES) return this.forget(fileUri);
    await quietly(async () => {
      await vscode.workspace.fs.createDirectory(this.folder);
      await vscode.workspace.fs.writeFile(await this.entryUri(fileUri), bytes);
      await this.prune();
    });
  }

  /** Drops the scope file's entry: its text is not a valid scope. */
  async forget(fileUri: vscode.Uri): Promise<void> {
    await quietly(async () => vscode.workspace.fs.delete(await this.entryUri(fileUri)));
  }

  /** An entry's file: named by a hash of the scope file's URI. */
  private async entryUri(fileUri: vscode.Uri): Promise<vscode.Uri> {
    return vscode.Uri.joinPath(this.folder, `scope-${(await sha256(fileUri.toString())).slice(0, 32)}.json`);
  }

  /** Keeps the MAX_ENTRIES entries written last. */
  private async prune(): Promise<void> {
    const entries = (await vscode.workspace.fs.readDirectory(this.folder)).filter(([name]) => /^scope-[0-9a-f]{32}\.json$/.test(name));
    if (entries.length <= MAX_ENTRIES) return;
    const dated = await Promise.all(
      entries.map(async ([name]) => {
        const uri = vscode.Uri.joinPath(this.folder, name);
        return { uri, mtime: (await statOf(uri))?.mtime ?? 0 };
      }),
    );
    dated.sort((a, b) => a.mtime - b.mtime);
    for (const { uri } of dated.slice(0, dated.length - MAX_ENTRIES)) await vscode.workspace.fs.delete(uri);
  }
}

/** SHA-256 of the text's UTF-8 bytes, in hex (Web Crypto: in Node's extension host and in a web worker alike). */
async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function quietly(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch {
    // The cache is an optimization: a storage that cannot be written leaves the scope file to be parsed each time.
  }
}
