import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { terminalTheme } from '../../../src/components/terminal/terminal-theme.ts';

const tokens = readFileSync('src/styles/tokens.css', 'utf8');

function token(name: string): string {
  return new RegExp(`--term-${name}:\\s*([^;]+);`).exec(tokens)?.[1]?.trim() ?? '';
}

describe("the terminal's theme", () => {
  it("takes xterm's 16 colours, cursor and selection from tokens.css", () => {
    const theme = terminalTheme(token);
    expect(Object.keys(theme)).toHaveLength(21);
    for (const [key, value] of Object.entries(theme))
      expect([key, value]).toEqual([key, expect.stringMatching(/^#[0-9a-f]{6}$/)]);
    expect(theme.background).toBe(theme.cursorAccent);
    expect(theme.brightRed).toBe(token('bright-red'));
    expect(theme.red).not.toBe(theme.brightRed);
  });
});
