import * as assert from 'node:assert/strict';
import { Disposable, LatestRun } from '../../src/workspace/lifecycle';
import { coalesced } from '../../src/workspace/timeSlices';

/** Timers that run only when the test moves the clock: what a debounce does is then known, not raced. */
function fakeTimers(): { tick(ms: number): void; restore(): void } {
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout };
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  Object.assign(globalThis, {
    setTimeout: (run: () => void, delay = 0) => {
      timers.set(next, { at: now + delay, run });
      return next++;
    },
    clearTimeout: (id: number | undefined) => id !== undefined && timers.delete(id),
  });
  return {
    tick(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = end;
    },
    restore: () => Object.assign(globalThis, real),
  };
}

class Owner extends Disposable {
  own(...disposables: { dispose(): void }[]): void {
    this.registerAll(...disposables);
  }
}

describe('lifecycle: disposal, coalescing, the latest run', () => {
  let clock: ReturnType<typeof fakeTimers>;
  beforeEach(() => (clock = fakeTimers()));
  afterEach(() => clock.restore());

  it('disposes what it owns once, in order, and at once what is registered after', () => {
    const disposed: string[] = [];
    const owner = new Owner();
    owner.own({ dispose: () => disposed.push('a') }, { dispose: () => disposed.push('b') });
    assert.equal(owner.isDisposed, false);
    owner.dispose();
    owner.dispose();
    assert.deepEqual(disposed, ['a', 'b'], 'a second dispose does nothing');
    assert.equal(owner.isDisposed, true);
    owner.own({ dispose: () => disposed.push('late') });
    assert.deepEqual(disposed, ['a', 'b', 'late'], 'nothing outlives its owner');
  });

  it('runs once after a burst, not during it, and never after it is disposed', () => {
    let runs = 0;
    const later = coalesced(() => runs++, 20);
    for (let i = 0; i < 5; i++) {
      later.schedule();
      clock.tick(10);
    }
    assert.equal(runs, 0, 'each call of the burst puts the run off');
    clock.tick(10);
    assert.equal(runs, 1);
    later.schedule();
    later.dispose();
    clock.tick(100);
    assert.equal(runs, 1);
  });

  it('takes the delay the last call asks for, and drops a cancelled run', () => {
    let runs = 0;
    const later = coalesced(() => runs++, 400);
    later.schedule();
    later.schedule(0);
    clock.tick(0);
    assert.equal(runs, 1, 'the active editor is dated at once, not after the typing delay');
    later.schedule();
    later.cancel();
    clock.tick(1000);
    assert.equal(runs, 1);
  });

  it('lets the latest run win: an older one is aborted and no longer current', async () => {
    const runs = new LatestRun();
    const results: string[] = [];
    const work = async (name: string, done: Promise<void>) => {
      const run = runs.start();
      await done;
      if (run.current()) results.push(name);
      return run;
    };
    let finishFirst!: () => void;
    const first = work('first', new Promise((resolve) => (finishFirst = resolve)));
    const second = work('second', Promise.resolve());
    assert.equal((await second).current(), true);
    finishFirst();
    assert.equal((await first).signal.aborted, true);
    assert.deepEqual(results, ['second'], 'the older result is dropped although it came last');
    runs.dispose();
    assert.equal((await second).current(), false, 'disposing cancels the run under way');
  });
});
