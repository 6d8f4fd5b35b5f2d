// The half of `npm run bench:vscode` that runs inside the VS Code extension host (as its extensionTestsPath):
// it drives the extension as a user would and times what the user waits for. The other half (bench/vscode.mjs)
// watches the webview's DOM from Playwright and rewrites the notes on disk for the branch switch; the two talk
// through the files of COMPETITOR_SCOPE_BENCH_DIR and the host's console.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { CompetitorScopeApi } from '../../src/extension';
import { EMPTY_WEBVIEW_COMMAND } from '../../src/features/emptyWebview';
import { DIAGNOSTIC_SOURCE } from '../../src/workspace/convert';
import { activateExtension } from '../integration/helpers';

const WEBVIEW_RUNS = 5;
const EDIT_RUNS = 11;
const PATCH_RUNS = 7;
const COMPARE_RUNS = 3;

const dir = process.env.COMPETITOR_SCOPE_BENCH_DIR ?? '';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the Playwright side saw in the webview's frames, one JSON line each: {kind, time, painted?}. */
interface Seen {
  kind: string;
  time: number;
  painted?: number;
}

async function waitSeen(kind: string, after: number, timeoutMs = 120_000): Promise<Seen> {
  const deadline = Date.now() + timeoutMs;
  const file = path.join(dir, 'seen.jsonl');
  while (Date.now() < deadline) {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    const found = lines.map((line) => JSON.parse(line) as Seen).find((s) => s.kind === kind && s.time >= after);
    if (found) return found;
    await sleep(20);
  }
  throw new Error(`the webview showed no ${kind} within ${timeoutMs / 1000} s`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await sleep(500);
}

/** From running the command to the first marker element in the webview's DOM (seen from Playwright). */
async function timeWebview(command: string, kind: string): Promise<number> {
  const start = Date.now();
  await vscode.commands.executeCommand(command);
  return (await waitSeen(kind, start)).time - start;
}

/** The heap that analysis keeps: after a full garbage collection, not with whatever garbage is still uncollected. */
function retainedMemory(): NodeJS.MemoryUsage {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage();
}

/**
 * With COMPETITOR_SCOPE_BENCH_PROFILE set, a CPU profile of the extension host over `during` is written to that
 * file (open it in Chrome's DevTools or VS Code): where a branch switch's time goes.
 */
async function profiled<T>(during: () => Promise<T>): Promise<T> {
  const file = process.env.COMPETITOR_SCOPE_BENCH_PROFILE;
  if (!file) return during();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await during();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * CPU time, in milliseconds, from Linux's /proc (undefined elsewhere): the whole machine's, busy and in all, and
 * this process's (every thread of the extension host, a worker thread's included). Over a branch switch it says
 * whether the machine's cores, shared with the VS Code server and the browser, were the limit.
 */
function cpuTimes(): { busy: number; total: number; host: number } | undefined {
  try {
    const tick = 10; // USER_HZ is 100 on Linux
    const machine = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = machine[3] + machine[4];
    const total = machine.reduce((a, b) => a + b, 0);
    const own = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ').map(Number);
    return { busy: (total - idle) * tick, total: total * tick, host: (own[11] + own[12]) * tick };
  } catch {
    return undefined;
  }
}

/**
 * The longest gap between the ticks of a 10 ms interval timer: how long the host's event loop was blocked. On a
 * loaded machine a gap is also time the process waited for a core: `longestCpu` is the most CPU time the host's
 * process used within one gap, what the extension's own work can account for.
 */
function stallMeter(): { stop(): number; longestCpu(): number } {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let longest = 0;
  let longestCpu = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    longest = Math.max(longest, now - last);
    longestCpu = Math.max(longestCpu, (cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return longest;
    },
    longestCpu: () => longestCpu,
  };
}

const signature = (uri: vscode.Uri) => JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [d.message, d.range.start.line]));

/**
 * Resolves with the time at which the note's diagnostics are those of its text with `headings` headings (polled
 * each millisecond): the index holds that version's analysis, and this extension's diagnostics of the note are its
 * findings. Neither a publication of the text before the edit nor another extension's diagnostics count.
 */
async function diagnosticsOf(api: CompetitorScopeApi, uri: vscode.Uri, path: string, headings: number): Promise<number> {
  const ours = () =>
    JSON.stringify(
      vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.source === DIAGNOSTIC_SOURCE)
        .map((d) => [d.message, d.range.start.line]),
    );
  // The bench's scope turns no finding off: the diagnostics are the findings, in their order.
  const findings = () =>
    JSON.stringify(
      api
        .notes()
        .findings(path)
        .map((f) => [f.message, f.range.start.line]),
    );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (api.notes().note(path)?.parsed.headings.length === headings && ours() === findings()) return Date.now();
    await sleep(1);
  }
  throw new Error(`${path}: no diagnostics for its text with ${headings} headings within 30 s`);
}

/**
 * One edit in the editor (a second heading for the note's first axis, then its removal) → the note's diagnostics
 * for the edited text: from the edit's call (`editRoundTrip`, which includes the workbench applying it and telling
 * the host) and from the arrival of that version of the document in the extension host (`edit`, what the extension
 * does). Not less the 300 ms debounce: the workbench asks for the note's code actions after an edit, and answering
 * that analyzes the note at once, often before the debounce ends.
 */
async function timeEdits(api: CompetitorScopeApi, folder: vscode.Uri, path: string): Promise<{ edit: number[]; editRoundTrip: number[] }> {
  const uri = vscode.Uri.joinPath(folder, path);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const heading = editor.document
    .getText()
    .split('\n')
    .find((line) => line.startsWith('## '));
  if (!heading) throw new Error(`${uri.fsPath} has no section`);
  await api.ready();
  await sleep(1000);
  const edit: number[] = [];
  const editRoundTrip: number[] = [];
  // When each version of the document reached the extension host.
  const arrived = new Map<number, number>();
  const listener = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() === uri.toString() && e.contentChanges.length > 0) arrived.set(e.document.version, Date.now());
  });
  for (let i = 0; i < EDIT_RUNS; i++) {
    const document = editor.document;
    const headings = api.notes().note(path)!.parsed.headings.length + (i % 2 === 0 ? 1 : -1);
    const end = document.lineAt(document.lineCount - 1).range.end;
    const start = Date.now();
    const added = `\n\n${heading}\n\nMore.\n`;
    await editor.edit((e) =>
      i % 2 === 0 ? e.insert(end, added) : e.delete(new vscode.Range(document.positionAt(document.getText().length - added.length), end)),
    );
    const version = editor.document.version;
    const changed = await diagnosticsOf(api, uri, path, headings);
    const reached = arrived.get(version);
    if (reached === undefined) throw new Error(`the edit's version ${version} of ${path} never reached the extension host`);
    edit.push(changed - reached);
    editRoundTrip.push(changed - start);
    await sleep(200);
  }
  listener.dispose();
  await vscode.commands.executeCommand('workbench.action.files.revert');
  return { edit, editRoundTrip };
}

/** With the matrix open: a note rewritten on disk → the patch in the webview (received → painted, and end to end). */
async function timePatches(uri: vscode.Uri): Promise<{ paint: number[]; endToEnd: number[] }> {
  const original = readFileSync(uri.fsPath, 'utf8');
  const heading = original.split('\n').find((line) => line.startsWith('## '))!;
  const paint: number[] = [];
  const endToEnd: number[] = [];
  for (let i = 0; i < PATCH_RUNS; i++) {
    const start = Date.now();
    // The section stops answering its axis (a typo in its heading), then answers it again.
    writeFileSync(uri.fsPath, i % 2 === 0 ? original.replace(heading, `${heading}x`) : original);
    const seen = await waitSeen('patch', start);
    paint.push(seen.painted! - seen.time);
    endToEnd.push(seen.painted! - start);
    await sleep(600);
  }
  writeFileSync(uri.fsPath, original);
  return { paint, endToEnd };
}

/**
 * A branch switch: the Playwright side rewrites a heading in every note at once; settled when every note's
 * diagnostics show the rewritten heading (an axis-typo on it). Diagnostics events are debounced by VS Code (50 ms).
 */
async function timeBranchSwitch(
  api: CompetitorScopeApi,
  folder: vscode.Uri,
): Promise<{
  settledMs?: number;
  stallMs: number;
  missed: number;
  lastEventMs: number;
  notesHeard: number;
  machineBusy?: number;
  hostCpuMs?: number;
}> {
  const pending = new Set(
    api
      .notes()
      .paths()
      .map((p) => vscode.Uri.joinPath(folder, p).toString()),
  );
  const rewritten = (uri: vscode.Uri) =>
    vscode.languages.getDiagnostics(uri).some((d) => typeof d.code === 'object' && d.code.value === 'axis-typo');
  let settled!: () => void;
  const done = new Promise<void>((resolve) => (settled = resolve));
  let settledAt = 0;
  const listener = vscode.languages.onDidChangeDiagnostics((event) => {
    for (const uri of event.uris) if (pending.has(uri.toString()) && rewritten(uri)) pending.delete(uri.toString());
    if (pending.size === 0 && settledAt === 0) {
      settledAt = Date.now();
      settled();
    }
  });
  // When VS Code's file watcher tells the extension host of the rewritten files: what the extension cannot be faster than.
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, 'research/*.md'), true, false, true);
  let lastEvent = 0;
  const heard = new Set<string>();
  watcher.onDidChange((uri) => {
    lastEvent = Date.now();
    heard.add(uri.toString());
  });
  const meter = stallMeter();
  const cpuBefore = cpuTimes();
  const asked = Date.now();
  console.log('bench:rewrite-all');
  const started = (await waitSeen('rewrite-start', asked)).time;
  await Promise.race([done, sleep(120_000)]);
  const cpuAfter = cpuTimes();
  await sleep(500);
  const stallMs = meter.stop();
  listener.dispose();
  watcher.dispose();
  // Reported, not thrown: the other figures of the run still count, and the table says how many were missed.
  if (pending.size > 0) {
    console.warn(`bench: ${pending.size} notes never showed their rewritten heading within 120 s:`);
    // Where each one stopped: the file on disk, the extension's analysis, or the diagnostics.
    for (const key of [...pending].slice(0, 10)) {
      const uri = vscode.Uri.parse(key);
      const onDisk = readFileSync(uri.fsPath, 'utf8').includes('extensibilit\n');
      const analyzed = api
        .notes()
        .note(vscode.workspace.asRelativePath(uri, false))
        ?.parsed.headings.some((h) => h.text.endsWith('extensibilit'));
      console.warn(`  ${uri.fsPath}: rewritten on disk ${onDisk}, analyzed ${analyzed}, diagnostics ${signature(uri)}`);
    }
  }
  return {
    ...(pending.size === 0 ? { settledMs: settledAt - started } : {}),
    stallMs,
    missed: pending.size,
    lastEventMs: lastEvent - started,
    notesHeard: heard.size,
    ...(cpuBefore && cpuAfter
      ? { machineBusy: (cpuAfter.busy - cpuBefore.busy) / (cpuAfter.total - cpuBefore.total), hostCpuMs: cpuAfter.host - cpuBefore.host }
      : {}),
  };
}

/**
 * Compare with HEAD with the matrix open, whose notes differ from HEAD in the working tree (bench/vscode.mjs commits
 * the workspace when asked, then revises some notes): from the command to the first changed cell in the webview's DOM, and the
 * longest extension-host stall from the command until a second after that cell (the rest of the changes posted).
 */
async function timeCompare(api: CompetitorScopeApi): Promise<{ compare: number[]; compareStallMs: number; compareStallCpuMs: number }> {
  const asked = Date.now();
  console.log('bench:commit');
  await waitSeen('commit-done', asked);
  await api.ready();
  await sleep(3000);
  await timeWebview('competitorScope.showMatrix', 'cell');
  await sleep(1000);
  const compare: number[] = [];
  let compareStallMs = 0;
  let compareStallCpuMs = 0;
  for (let i = 0; i < COMPARE_RUNS; i++) {
    const meter = stallMeter();
    const start = Date.now();
    const compared = vscode.commands.executeCommand<boolean>('competitorScope.compareMatrix', 'HEAD');
    const seen = await waitSeen('change', start, 60_000);
    if (!(await compared)) throw new Error('Compare with HEAD did not compare');
    await sleep(1000);
    compareStallMs = Math.max(compareStallMs, meter.stop());
    compareStallCpuMs = Math.max(compareStallCpuMs, meter.longestCpu());
    compare.push(seen.time - start);
    await vscode.commands.executeCommand('competitorScope.stopComparing');
    await sleep(1000);
  }
  return { compare, compareStallMs, compareStallCpuMs };
}

export async function run(): Promise<void> {
  const api = (await activateExtension()).exports as CompetitorScopeApi;
  const { treeMs, notesMs, scopeFromCache } = await api.activation();
  await api.ready();
  // The first opening of the folder: activation alone, which caches the scope file's model for the full run.
  if (process.env.COMPETITOR_SCOPE_BENCH_ACTIVATION_ONLY) {
    writeFileSync(path.join(dir, 'result.json'), JSON.stringify({ treeMs, notesMs, scopeFromCache }));
    return;
  }
  await sleep(2000);
  const memory = retainedMemory();
  // COMPETITOR_SCOPE_BENCH_HEAP: a heap snapshot of the extension host after analysis, to that file (what holds the memory).
  if (process.env.COMPETITOR_SCOPE_BENCH_HEAP) writeHeapSnapshot(process.env.COMPETITOR_SCOPE_BENCH_HEAP);
  const folder = api.scope().folderUri!;
  const paths = api.notes().paths();
  const generated = paths.includes('research/product-7.md');
  const result: Record<string, unknown> = {
    notes: paths.length,
    treeMs,
    notesMs,
    scopeFromCache,
    heapMb: memory.heapUsed / 2 ** 20,
    rssMb: memory.rss / 2 ** 20,
  };

  // COMPETITOR_SCOPE_BENCH_ONLY=compare (`--compare-only`): the matrix opened once, then only Compare with….
  if (process.env.COMPETITOR_SCOPE_BENCH_ONLY === 'compare') {
    Object.assign(result, await profiled(() => timeCompare(api)));
    writeFileSync(path.join(dir, 'result.json'), JSON.stringify({ ...result, medians: { compare: median(result.compare as number[]) } }));
    return;
  }
  const floor: number[] = [];
  const matrix: number[] = [];
  for (let i = 0; i < WEBVIEW_RUNS; i++) {
    // Alternated, so that both see the same state of the machine; the first of each warms VS Code's webview code.
    floor.push(await timeWebview(EMPTY_WEBVIEW_COMMAND, 'floor'));
    await closeEditors();
    matrix.push(await timeWebview('competitorScope.showMatrix', 'cell'));
    if (i < WEBVIEW_RUNS - 1) await closeEditors();
  }
  Object.assign(result, { floor, matrix });
  if (generated) {
    await sleep(1000);
    Object.assign(result, await timePatches(vscode.Uri.joinPath(folder, 'research/product-1.md')));
    await closeEditors();
    Object.assign(result, await timeEdits(api, folder, 'research/product-7.md'));
    await closeEditors();
    Object.assign(result, await profiled(() => timeBranchSwitch(api, folder)));
    // Last: the workspace becomes a git repository only now (see bench/vscode.mjs).
    Object.assign(result, await timeCompare(api));
  }
  result.medians = Object.fromEntries(
    Object.entries(result)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => [k, median((v as number[]).slice(k === 'floor' || k === 'matrix' ? 1 : 0))]),
  );
  writeFileSync(path.join(dir, 'result.json'), JSON.stringify(result, null, 2));
}
