/**
 * The first in path order of a changing set of note paths (the notes about one product), found in logarithmic time
 * per change: a binary heap whose removed paths leave it only when they reach its top. A sort per change would make
 * thousands of notes about one product (a branch switch) cost the square of their number.
 */
export class FirstPath {
  private readonly heap: string[] = [];
  /** The paths in the heap, removed from the set or not: each is pushed once. */
  private readonly inHeap = new Set<string>();

  /** `paths`: the set as it is now, that `add` follows. */
  constructor(private readonly paths: ReadonlySet<string>) {}

  /** Follows a path added to the set. */
  add(path: string): void {
    if (this.inHeap.has(path)) return;
    this.inHeap.add(path);
    const heap = this.heap;
    let at = heap.push(path) - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heap[parent] <= path) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = path;
  }

  /** The first path of the set, as `[...paths].sort()[0]`. */
  first(): string | undefined {
    const heap = this.heap;
    while (heap.length > 0 && !this.paths.has(heap[0])) {
      this.inHeap.delete(heap[0]);
      const last = heap.pop() as string;
      if (heap.length > 0) this.siftDown(last);
    }
    return heap[0];
  }

  /** Puts `path` at the top and moves it down to its place. */
  private siftDown(path: string): void {
    const heap = this.heap;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const child = left + 1 < heap.length && heap[left + 1] < heap[left] ? left + 1 : left;
      if (heap[child] >= path) break;
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = path;
  }
}
