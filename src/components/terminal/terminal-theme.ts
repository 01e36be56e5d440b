/**
 * xterm's colours from the design tokens (`--term-*` in tokens.css), so that the page's CSS is the
 * one place they are written.
 */
import type { ITheme } from '@xterm/xterm';

const ansiNames = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

/** `read('red')` gives the value of `--term-red` (empty when the token is missing). */
export function terminalTheme(read: (token: string) => string): ITheme {
  const theme: ITheme = {
    background: read('bg'),
    foreground: read('fg'),
    cursor: read('cursor'),
    cursorAccent: read('bg'),
    selectionBackground: read('selection'),
  };
  for (const name of ansiNames) {
    theme[name] = read(name);
    const bright = `bright${name[0]!.toUpperCase()}${name.slice(1)}` as `bright${Capitalize<typeof name>}`;
    theme[bright] = read(`bright-${name}`);
  }
  return theme;
}

/** The theme from an element's computed style. */
export function terminalThemeOf(element: Element): ITheme {
  const style = getComputedStyle(element);
  return terminalTheme((token) => style.getPropertyValue(`--term-${token}`).trim());
}
