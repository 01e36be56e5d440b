/**
 * <progress-tools> on /progress/, on the markup ProgressTools.astro renders, against a fake API:
 * what the learner reads after each button.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import ProgressTools from '../../../src/components/course/ProgressTools.astro';
import { elementPage, mount, renderComponent } from './element-page.ts';

type Answer = { status: number; body?: unknown };
const answers = new Map<string, Answer>();
const requests: string[] = [];
let html: string;

elementPage(
  'http://localhost:4321/progress/',
  async () => {
    html = await renderComponent(ProgressTools);
  },
  async () => {
    vi.stubGlobal('fetch', async (path: string, init?: RequestInit) => {
      const request = `${init?.method ?? 'GET'} ${path}`;
      requests.push(`${request}${init?.body ? ` ${String(init.body)}` : ''}`);
      const answer = answers.get(request) ?? {
        status: 404,
        body: { error: { code: 'x', message: 'Not here.' } },
      };
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
      });
    });
    await import('../../../src/components/course/progress-tools-element.ts');
  },
);

afterEach(() => {
  answers.clear();
  requests.length = 0;
});

function tools(): HTMLElement {
  mount(html);
  return document.querySelector<HTMLElement>('progress-tools')!;
}
const status = (element: HTMLElement) => element.querySelector('.status')!.textContent;
const button = (element: HTMLElement, action: string) =>
  element.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;

describe('<progress-tools>', () => {
  it('makes a restore code and shows it with its link and expiry', async () => {
    answers.set('POST /api/restore-codes', {
      status: 201,
      body: { code: 'ABCD-EFGH-JKLM-NPQR', expiresAt: '2027-01-06T12:00:00.000Z' },
    });
    const element = tools();
    button(element, 'make-code').click();
    await vi.waitFor(() =>
      expect(status(element)).toBe('Restore code made: ABCD-EFGH-JKLM-NPQR. Enter it in the other browser.'),
    );
    const card = element.querySelector<HTMLElement>('.code-card')!;
    expect(card.hidden).toBe(false);
    expect(card.querySelector('.code')!.textContent).toBe('ABCD-EFGH-JKLM-NPQR');
    expect(card.querySelector('.code-link')!.textContent).toBe(
      'http://localhost:4321/progress/#restore=ABCD-EFGH-JKLM-NPQR',
    );
    expect(card.querySelector('.expiry')!.textContent).toMatch(/^It works until .*2027\.$/);
  });

  it("says the server's reason when it refuses", async () => {
    answers.set('POST /api/restore', {
      status: 404,
      body: {
        error: { code: 'restore_code_unknown', message: 'That restore code is unknown or has expired.' },
      },
    });
    const element = tools();
    element.querySelector<HTMLInputElement>('#restore-code')!.value = 'WXYZ';
    element.querySelector<HTMLFormElement>('.restore-form')!.requestSubmit();
    await vi.waitFor(() => expect(status(element)).toBe('That restore code is unknown or has expired.'));
    expect(requests).toEqual(['POST /api/restore {"code":"WXYZ"}']);
  });

  it('deletes only after the learner confirms, and forgets the copy kept here', async () => {
    answers.set('DELETE /api/progress', { status: 204 });
    localStorage.setItem('kube101:progress', '{"exercises":{"nodeport-30033":{"passed":true,"at":1}}}');
    const element = tools();
    const confirm = element.querySelector<HTMLElement>('.confirm')!;
    button(element, 'delete').click();
    expect(confirm.hidden).toBe(false);
    expect(document.activeElement).toBe(button(element, 'keep'));
    button(element, 'keep').click();
    expect(confirm.hidden).toBe(true);
    expect(requests).toEqual([]);
    button(element, 'delete').click();
    button(element, 'confirm-delete').click();
    await vi.waitFor(() => expect(status(element)).toBe('Your progress was deleted.'));
    expect(requests).toEqual(['DELETE /api/progress']);
    expect(localStorage.getItem('kube101:progress')).toBeNull();
  });

  it('fills the form from a restore link but does not restore by itself', async () => {
    location.hash = '#restore=ABCD-EFGH';
    const element = tools();
    expect(element.querySelector<HTMLInputElement>('#restore-code')!.value).toBe('ABCD-EFGH');
    expect(status(element)).toBe(
      'This link carries a restore code. Press Restore to bring that progress into this browser.',
    );
    expect(location.hash).toBe('');
    expect(requests).toEqual([]);
  });
});
