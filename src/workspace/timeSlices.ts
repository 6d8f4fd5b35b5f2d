/**
 * How long one slice of work may hold the extension host's event loop. The host also serves every other
 * extension and the editor's completions and hovers: a branch switch that rewrites thousands of notes must
 * leave it free every few milliseconds, not once at the end.
 */
export const SLICE_MS = 12;

/** Lets timers, messages and other extensions run before the next slice (setTimeout: the same in Node and a web worker). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `each` over the items in order, in slices of about `budgetMs`: after each slice `endSlice` is called
 * (to publish what the slice changed; `last` after the last item) and the event loop runs before the next
 * slice. `stop` ends the run early (a newer run has started): the items not yet handled are left alone.
 */
export async function inSlices<T>(
  items: readonly T[],
  each: (item: T) => void,
  endSlice: (last: boolean) => void,
  options: { readonly budgetMs?: number; readonly stop?: () => boolean; readonly now?: () => number } = {},
): Promise<void> {
  const { budgetMs = SLICE_MS, stop = () => false, now = () => performance.now() } = options;
  let started = now();
  for (let i = 0; i < items.length; i++) {
    if (stop()) return;
    each(items[i]);
    const last = i === items.length - 1;
    const spent = now() - started >= budgetMs;
    if (last || spent) endSlice(last);
    if (!last && spent) {
      await yieldToEventLoop();
      started = now();
    }
  }
}

/**
 * How long what runs in the background once the notes are first read (git's dates, the check of a scope served from
 * the cache) waits: the views' own refresh, which the window asks the extension host for right then, goes first.
 */
export const AFTER_SCAN_DELAY_MS = 1000;

/** How long a view that reads every note waits after a note's change: the note's own diagnostics go first. */
export const WHOLE_WORKSPACE_DELAY_MS = 50;

/** A burst of calls that becomes one run, `delayMs` after the last (or the delay a `schedule` asks for). */
export interface Coalesced {
  schedule(delayMs?: number): void;
  /** Drops the run that is waiting, if any. */
  cancel(): void;
  dispose(): void;
}

/**
 * `action` run once, `delayMs` after the last call of a burst: for what reads every note (counts, the scope
 * file's gaps), off the path from an edit to its note's diagnostics, and once for a run of keystrokes.
 */
export function coalesced(action: () => void, delayMs = WHOLE_WORKSPACE_DELAY_MS): Coalesced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => clearTimeout(timer);
  return {
    schedule: (delay = delayMs) => {
      cancel();
      timer = setTimeout(action, delay);
    },
    cancel,
    dispose: cancel,
  };
}

/**
 * Runs a core `…Steps` generator to its end in slices of about SLICE_MS, the event loop running between them; undefined
 * once `stop` says a newer run has started.
 */
export async function stepsInSlices<T>(steps: Generator<void, T, void>, stop: () => boolean): Promise<T | undefined> {
  let started = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - started < SLICE_MS) continue;
    await yieldToEventLoop();
    if (stop()) return undefined;
    started = performance.now();
  }
}
