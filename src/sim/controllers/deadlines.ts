/**
 * Per-object deadlines of one controller (a pod's image pull ends, a back-off expires): a min-heap
 * with lazy removal, so the manager's "when is the next thing due?" stays cheap with thousands of
 * pods waiting.
 */
interface Entry {
  time: number;
  key: string;
}

export class Deadlines {
  readonly #heap: Entry[] = [];
  readonly #due = new Map<string, number>();

  /** Set (or replace) the deadline of `key`; undefined clears it. */
  set(key: string, time: number | undefined): void {
    if (time === undefined) {
      this.#due.delete(key);
      return;
    }
    if (this.#due.get(key) === time) return;
    this.#due.set(key, time);
    this.#push({ time, key });
  }

  /** The earliest deadline still set. */
  next(): number | undefined {
    this.#dropStale();
    return this.#heap[0]?.time;
  }

  /** Remove and return the keys due at or before `now`. */
  takeDue(now: number): string[] {
    const keys: string[] = [];
    for (;;) {
      this.#dropStale();
      const top = this.#heap[0];
      if (!top || top.time > now) return keys;
      this.#pop();
      this.#due.delete(top.key);
      keys.push(top.key);
    }
  }

  #dropStale(): void {
    for (;;) {
      const top = this.#heap[0];
      if (!top || this.#due.get(top.key) === top.time) return;
      this.#pop();
    }
  }

  #push(entry: Entry): void {
    const heap = this.#heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Entry, heap[parent] as Entry)) break;
      [heap[i], heap[parent]] = [heap[parent] as Entry, heap[i] as Entry];
      i = parent;
    }
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop() as Entry;
    if (heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left] as Entry, heap[smallest] as Entry)) smallest = left;
      if (right < heap.length && before(heap[right] as Entry, heap[smallest] as Entry)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest] as Entry, heap[i] as Entry];
      i = smallest;
    }
  }
}

/** Earlier first; equal times in key order, so the same state always replays the same way. */
function before(a: Entry, b: Entry): boolean {
  return a.time < b.time || (a.time === b.time && a.key < b.key);
}
