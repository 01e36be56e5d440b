/**
 * Runs `start` once, when `element` comes within `margin` of the viewport: how the page's heavy
 * parts (Monaco, the cluster map, the comments) wait until a reader scrolls towards them. Where the
 * browser cannot tell, at once.
 */
export function whenNear(element: Element, margin: string, start: () => void): void {
  if (!('IntersectionObserver' in window)) return start();
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      start();
    },
    { rootMargin: margin },
  );
  observer.observe(element);
}
