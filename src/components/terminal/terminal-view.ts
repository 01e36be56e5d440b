/**
 * The xterm.js view, kept thin: create it in an element, fit it to the element as the page resizes,
 * and dispose of it. xterm ships CommonJS and touches the DOM on import, so this module is only ever
 * imported dynamically in the browser. Its CSS comes with it, not in the page's head.
 */
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import '@xterm/xterm/css/xterm.css';
import { terminalThemeOf } from './terminal-theme.ts';

export interface TerminalView {
  terminal: Terminal;
  fit(): void;
  dispose(): void;
}

export function createTerminalView(
  element: HTMLElement,
  options: { screenReaderMode: boolean },
): TerminalView {
  const terminal = new Terminal({
    theme: terminalThemeOf(element),
    fontFamily: getComputedStyle(element).fontFamily,
    fontSize: 14,
    lineHeight: 1.15,
    cursorBlink: true,
    convertEol: false,
    scrollback: 5000,
    screenReaderMode: options.screenReaderMode,
    allowProposedApi: false,
  });
  const fitAddon = new FitAddon();
  terminal.loadAddon(fitAddon);
  terminal.loadAddon(new WebLinksAddon((_event, uri) => window.open(uri, '_blank', 'noopener')));
  terminal.open(element);
  const fit = () => {
    if (element.clientWidth > 0 && element.clientHeight > 0) fitAddon.fit();
  };
  fit();
  const observer = new ResizeObserver(() => fit());
  observer.observe(element);
  return {
    terminal,
    fit,
    dispose() {
      observer.disconnect();
      terminal.dispose();
    },
  };
}
