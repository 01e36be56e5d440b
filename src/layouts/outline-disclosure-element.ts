// <outline-disclosure>: the course outline beside a lesson, open on wide screens and folded away on
// narrow ones, following the window as it is resized.
export class OutlineDisclosure extends HTMLElement {
  connectedCallback() {
    const details = this.querySelector('details')!;
    const wide = matchMedia('(min-width: 100rem)');
    const follow = () => (details.open = wide.matches);
    follow();
    wide.addEventListener('change', follow);
  }
}
if (!customElements.get('outline-disclosure')) customElements.define('outline-disclosure', OutlineDisclosure);
