import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { repoRoot } from './paths';
import type { SessionDirs } from './session';
import { writeUserSettings } from './settings';

/** A running VS Code server (code-server), by default on a free loopback port, in a process group of its own. */
export interface CodeServer {
  origin: string;
  port: number;
  /** The address under which the workbench reaches a path of this machine (for the URL's payload), as `host` opens it. */
  remoteUri(fsPath: string, host?: string): string;
  /** The workbench opened on `folder`, at `host` (the origin's by default); payload entries are e.g. extensionDevelopmentPath. */
  workbenchUrl(folder: string, payload: [string, string][], host?: string): string;
  /** Rejects when the server dies, or when an extension host dies and no test result followed. */
  crashed: Promise<never>;
  /** The server's last lines of output, for the report of a failed run. */
  logTail(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  folder: string;
  /** User settings on top of the harness's quiet defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment; the extension host inherits the server's. */
  env?: Record<string, string>;
  /** The address to listen on (default 127.0.0.1) and the port (default a free one). */
  host?: string;
  port?: number;
  /** Asked in the browser when set; the tests' loopback servers need none. */
  password?: string;
}

/** code-server's entry script: from COMPETITOR_SCOPE_CODE_SERVER, else installed (once, cached) by the project's script. */
export function locateCodeServer(): string {
  const folder =
    process.env.COMPETITOR_SCOPE_CODE_SERVER ||
    execFileSync('bash', [path.join(repoRoot, 'scripts', 'install-vscode-server.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
      .trim()
      .split('\n')
      .pop()!;
  const entry = path.join(folder, 'out', 'node', 'entry.js');
  if (!existsSync(entry)) throw new Error(`no code-server in ${folder} (${entry} is missing)`);
  return entry;
}

/** No extension gallery: this machine has no way out, and a failing gallery query only adds errors to the log. */
const offline = { EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }) };

export async function startCodeServer(dirs: SessionDirs, options: CodeServerOptions): Promise<CodeServer> {
  const entry = locateCodeServer();
  writeUserSettings(dirs.userData, options.settings ?? {});
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  // Every interface answers on the loopback one too.
  const localHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  const origin = `http://${localHost}:${port}`;
  // The config file would otherwise be written into the home folder.
  const args = [
    entry,
    '--auth',
    options.password ? 'password' : 'none',
    '--bind-addr',
    `${host}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--config',
    path.join(dirs.root, 'code-server.yaml'),
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    options.folder,
  ];
  // detached: a group of its own, so that stopping it also ends its extension hosts and helpers.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...offline, ...options.env, ...(options.password ? { PASSWORD: options.password } : {}) },
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const killOnExit = () => killGroup('SIGKILL');
  process.once('exit', killOnExit);
  exitOnSignals();

  const tail: string[] = [];
  let stopping = false;
  let exited = false;
  const crashed = new Promise<never>((_, reject) => {
    const onOutput = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        tail.push(line);
        if (tail.length > 200) tail.shift();
        const hostExit = /Extension Host Process exited with code: (\d+), signal: (\w+)/.exec(line);
        if (hostExit && (hostExit[1] !== '0' || hostExit[2] !== 'null')) {
          // A failing test run also ends its host; the test result arrives soon after, and wins the race.
          setTimeout(() => reject(new Error(`the extension host died: ${hostExit[0]}`)), 5000).unref();
        }
      }
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', onOutput);
    child.on('exit', (code, signal) => {
      exited = true;
      process.removeListener('exit', killOnExit);
      if (!stopping) reject(new Error(`code-server exited (code ${code}, signal ${signal})`));
    });
  });
  crashed.catch(() => undefined);

  const server: CodeServer = {
    origin,
    port,
    remoteUri: (fsPath, at = localHost) => `vscode-remote://${at}:${port}${fsPath}`,
    workbenchUrl: (folder, payload, at = localHost) =>
      `http://${at}:${port}/?${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    crashed,
    logTail: () => tail.join('\n'),
    async stop() {
      stopping = true;
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
      killGroup('SIGKILL'); // helpers that outlived the server itself
    },
  };
  try {
    await Promise.race([waitUntilAnswering(origin), crashed]);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n${server.logTail()}`, { cause: error });
  }
  return server;
}

async function waitUntilAnswering(origin: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer at ${origin} within ${timeoutMs / 1000} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

let signalsHandled = false;
/** Turns Ctrl-C and kills into a normal exit, so that the 'exit' hooks end the server's process group. */
function exitOnSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => process.exit(code));
  }
}
