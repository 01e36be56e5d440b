// <kube-comments data-slug="…">: shows the server-rendered fallback (a link, or the comments on the
// no-JS page) until it nears the viewport, then loads the interactive comments. Nothing but this
// small element ships with the lesson page; the rest is fetched when a reader scrolls down.
import { whenNear } from '../site/when-near.ts';

class KubeComments extends HTMLElement {
  connectedCallback() {
    const slug = this.dataset.slug;
    if (!slug) return;
    const start = () =>
      void import('./comments-app.ts').then(({ mountComments }) => mountComments(this, slug));
    // A link to one comment needs the comments now.
    if (location.hash.startsWith('#comment')) return start();
    whenNear(this, '600px 0px', start);
  }
}

if (!customElements.get('kube-comments')) customElements.define('kube-comments', KubeComments);
