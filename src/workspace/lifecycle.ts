/** Anything that can be disposed: vscode.Disposable, an event subscription, a `coalesced` timer, a LatestRun. */
export interface DisposableLike {
  dispose(): unknown;
}

/**
 * What owns subscriptions, timers and runs: each registered with `register`, all disposed once, in the order
 * registered. Something registered after disposal is disposed at once, so nothing outlives its owner.
 * Structurally a vscode.Disposable, without importing vscode (this file runs in plain Node).
 */
export abstract class Disposable implements DisposableLike {
  private readonly owned: DisposableLike[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  protected register<T extends DisposableLike>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  protected registerAll(...disposables: readonly DisposableLike[]): void {
    for (const disposable of disposables) this.register(disposable);
  }

  /** Disposes what was registered; a second call does nothing. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const disposable of this.owned.splice(0)) disposable.dispose();
  }
}

/** One run of a LatestRun: current until a newer one starts or the runs are cancelled; its signal aborts then. */
export interface Run {
  readonly signal: AbortSignal;
  current(): boolean;
}

/**
 * The latest run wins: starting a run aborts the one before, which checks `current()` (or its signal) after
 * each await and drops its result. `cancel` aborts the run under way without starting another.
 */
export class LatestRun implements DisposableLike {
  private controller: AbortController | undefined;

  start(): Run {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    return { signal: controller.signal, current: () => !controller.signal.aborted };
  }

  cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}
