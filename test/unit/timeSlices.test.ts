import * as assert from 'node:assert/strict';
import { inSlices, SLICE_MS, stepsInSlices } from '../../src/workspace/timeSlices';

/** A clock that advances by `step` each time it is read: slices end after a known number of items. */
function steppingClock(step: number): () => number {
  let time = 0;
  return () => (time += step);
}

describe('work in time slices (a branch switch, a rescan)', () => {
  it('handles every item once and in order, publishing each slice before the event loop runs', async () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    const handled: number[] = [];
    const slices: { items: number[]; last: boolean }[] = [];
    let current: number[] = [];
    const timersRan: number[] = [];
    // A timer queued before the run: it must run between slices, not after the whole run.
    setTimeout(() => timersRan.push(handled.length), 0);
    await inSlices(
      items,
      (item) => {
        handled.push(item);
        current.push(item);
      },
      (last) => {
        slices.push({ items: current, last });
        current = [];
      },
      { budgetMs: 10, now: steppingClock(1) },
    );
    assert.deepEqual(handled, items);
    assert.deepEqual(
      slices.flatMap((s) => s.items),
      items,
      'every item published, in order, none twice',
    );
    assert.ok(slices.length > 2, `${slices.length} slices`);
    assert.deepEqual(
      slices.map((s) => s.last),
      slices.map((_, i) => i === slices.length - 1),
      'only the last slice says it is the last',
    );
    assert.equal(timersRan.length, 1);
    assert.ok(timersRan[0] > 0 && timersRan[0] < items.length, `the timer ran after ${timersRan[0]} of ${items.length} items`);
  });

  it('stops when a newer run has started, leaving the rest alone', async () => {
    let generation = 1;
    const mine = generation;
    const handled: number[] = [];
    const run = inSlices(
      Array.from({ length: 100 }, (_, i) => i),
      (item) => handled.push(item),
      () => undefined,
      {
        budgetMs: 5,
        now: steppingClock(1),
        stop: () => mine !== generation,
      },
    );
    setTimeout(() => generation++, 0);
    await run;
    assert.ok(handled.length > 0 && handled.length < 100, `${handled.length} items handled before the newer run took over`);
  });

  it('publishes a run shorter than one slice once, as the last', async () => {
    const calls: boolean[] = [];
    await inSlices(
      [1, 2, 3],
      () => undefined,
      (last) => calls.push(last),
    );
    assert.deepEqual(calls, [true]);
    await inSlices(
      [],
      () => undefined,
      (last) => calls.push(last),
    );
    assert.deepEqual(calls, [true], 'nothing to publish for no items');
  });
});

describe('a core computation in steps, run in time slices (Compare with… at 2,000 products)', () => {
  /** Steps of about 1 ms of work each; the number of steps taken so far is in `taken`. */
  function* busySteps(count: number, taken: { steps: number }): Generator<void, string, void> {
    for (let i = 0; i < count; i++) {
      const end = performance.now() + 1;
      while (performance.now() < end);
      taken.steps++;
      yield;
    }
    return 'done';
  }

  it('lets a timer run between slices, never holding the event loop much past a slice, and returns the result', async () => {
    const taken = { steps: 0 };
    const gaps: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      gaps.push(performance.now() - last);
      last = performance.now();
    }, 1);
    const result = await stepsInSlices(busySteps(20 * SLICE_MS, taken), () => false);
    clearInterval(timer);
    assert.equal(result, 'done');
    assert.equal(taken.steps, 20 * SLICE_MS);
    assert.ok(gaps.length >= 10, `the timer ran ${gaps.length} times during the run`);
    assert.ok(Math.max(...gaps) < 10 * SLICE_MS, `the longest the timer waited: ${Math.max(...gaps).toFixed(1)} ms`);
  });

  it('gives up, with no result, once a newer run has started', async () => {
    const taken = { steps: 0 };
    let newer = false;
    setTimeout(() => (newer = true), 0);
    assert.equal(await stepsInSlices(busySteps(20 * SLICE_MS, taken), () => newer), undefined);
    assert.ok(taken.steps < 20 * SLICE_MS, `${taken.steps} steps taken`);
  });
});
