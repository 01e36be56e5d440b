// <kube-comments data-slug="…">: shows the server-rendered fallback (a link, or the comments on the
// no-JS page) until it nears the viewport, then loads the interactive comments. Nothing but this
// small element ships with the lesson page; the rest is fetched when a reader scrolls down.
class KubeComments extends HTMLElement {
  connectedCallback() {
    const slug = this.dataset.slug;
    if (!slug) return;
    const start = () =>
      void import('./comments-app.ts').then(({ mountComments }) => mountComments(this, slug));
    if (!('IntersectionObserver' in window) || location.hash.startsWith('#comment')) return start();
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        start();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(this);
  }
}

if (!customElements.get('kube-comments')) customElements.define('kube-comments', KubeComments);
