/** Reading and typing into the lesson's terminal the way a learner does: keyboard in, screen text out. */
import type { Page } from 'playwright-core';

export async function openLesson(page: Page, slug: string): Promise<void> {
  await page.goto(`/lessons/${slug}/`);
  await page.locator('kube-terminal[data-ready]').waitFor({ timeout: 20_000 });
}

export async function focusTerminal(page: Page): Promise<void> {
  await page.locator('kube-terminal .xterm').click();
}

/** The terminal's screen as text, one row a line (xterm's DOM renderer keeps rows as text). */
export async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const rows = document.querySelectorAll('kube-terminal .xterm-rows > div');
    return [...rows].map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n');
  });
}

export async function waitForScreen(page: Page, pattern: RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = await screenText(page);
    if (pattern.test(text)) return text;
    await page.waitForTimeout(50);
  }
  throw new Error(`terminal never showed ${pattern}; it shows:\n${text}`);
}

/** Type a line and press Enter, then wait until the command has finished and the prompt is back. */
export async function run(page: Page, line: string): Promise<void> {
  const finished = await commandsFinished(page);
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  // xterm hands the key over a tick later, and the line may wait for the simulator to load: wait
  // until the terminal counts one more finished command, not merely until it is not busy.
  await page.waitForFunction(
    (before) =>
      Number(document.querySelector<HTMLElement>('kube-terminal')?.dataset['commands'] ?? 0) > before,
    finished,
    { timeout: 15_000 },
  );
}

async function commandsFinished(page: Page): Promise<number> {
  return page.evaluate(() =>
    Number(document.querySelector<HTMLElement>('kube-terminal')?.dataset['commands'] ?? 0),
  );
}
