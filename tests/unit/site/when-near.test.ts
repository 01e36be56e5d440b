// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenNear } from '../../../src/components/site/when-near.ts';

/** An IntersectionObserver the test moves: `scroll(true)` brings the observed element near. */
class FakeObserver {
  static last: FakeObserver;
  observed: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: (entries: { isIntersecting: boolean }[]) => void,
    readonly options: { rootMargin: string },
  ) {
    FakeObserver.last = this;
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.disconnected = true;
  }
  scroll(near: boolean) {
    if (!this.disconnected) this.callback([{ isIntersecting: near }]);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('whenNear', () => {
  it('starts once, when the element comes within the margin, and stops watching', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const element = document.createElement('div');
    const start = vi.fn();
    whenNear(element, '200px', start);
    const observer = FakeObserver.last;
    expect([observer.observed, observer.options.rootMargin]).toEqual([[element], '200px']);
    observer.scroll(false);
    expect(start).not.toHaveBeenCalled();
    observer.scroll(true);
    observer.scroll(true);
    expect(start).toHaveBeenCalledTimes(1);
    expect(observer.disconnected).toBe(true);
  });

  it('starts at once where the browser has no IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    delete (window as { IntersectionObserver?: unknown }).IntersectionObserver;
    const start = vi.fn();
    whenNear(document.createElement('div'), '200px', start);
    expect(start).toHaveBeenCalledTimes(1);
  });
});
