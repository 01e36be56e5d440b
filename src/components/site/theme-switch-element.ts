// <theme-switch>: cycles the page's theme (system, light, dark), remembers the choice and tells the
// page (kube101:theme) so that the terminal, the editor and the map follow.
const order = ['system', 'light', 'dark'] as const;
type Theme = (typeof order)[number];

export class ThemeSwitch extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button')!;
    const label = this.querySelector('.label')!;
    const icon = this.querySelector('.icon')!;
    const show = (theme: Theme) => {
      label.textContent = `Theme: ${theme}`;
      icon.textContent = theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐';
    };
    const stored = localStorage.getItem('kube101:theme');
    let theme: Theme = stored === 'light' || stored === 'dark' ? stored : 'system';
    show(theme);
    button.hidden = false;
    button.addEventListener('click', () => {
      theme = order[(order.indexOf(theme) + 1) % order.length]!;
      if (theme === 'system') {
        localStorage.removeItem('kube101:theme');
        delete document.documentElement.dataset.theme;
      } else {
        localStorage.setItem('kube101:theme', theme);
        document.documentElement.dataset.theme = theme;
      }
      show(theme);
      window.dispatchEvent(new CustomEvent('kube101:theme'));
    });
  }
}
if (!customElements.get('theme-switch')) customElements.define('theme-switch', ThemeSwitch);
