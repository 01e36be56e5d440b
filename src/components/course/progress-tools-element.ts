// <progress-tools>: the buttons of /progress/ — make, copy and cancel a restore code, redeem one
// (typed, or carried by a link, which fills the form but never restores by itself), delete the
// progress after a confirmation. Each outcome is said in the element's status line.
import { forgetLocalProgress, resyncProgress } from './progress-store.ts';
import { restoreLink, readRestoreFragment, describeApiError } from './restore-link.ts';

export class ProgressTools extends HTMLElement {
  connectedCallback(): void {
    this.#on('make-code', () => void this.#makeCode());
    this.#on('copy-link', () => void this.#copyLink());
    this.#on('cancel-code', () => void this.#cancelCode());
    this.#on('delete', () => this.#askToDelete(true));
    this.#on('keep', () => this.#askToDelete(false));
    this.#on('confirm-delete', () => void this.#delete());
    const form = this.querySelector<HTMLFormElement>('.restore-form')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#restore(new FormData(form).get('code')?.toString() ?? '');
    });
    const fromLink = readRestoreFragment(location.hash);
    if (fromLink) {
      // A link does not restore by itself: someone else's link must not take this browser over unseen.
      const input = this.querySelector<HTMLInputElement>('#restore-code')!;
      input.value = fromLink;
      history.replaceState(null, '', location.pathname);
      this.#say('This link carries a restore code. Press Restore to bring that progress into this browser.');
      this.querySelector<HTMLElement>('#restore-heading')!.scrollIntoView();
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
    }
  }

  #on(action: string, run: () => void): void {
    this.querySelector(`[data-action="${action}"]`)!.addEventListener('click', run);
  }

  #say(message: string): void {
    this.querySelector('.status')!.textContent = message;
  }

  async #send(method: string, path: string, body?: unknown): Promise<Response | undefined> {
    try {
      return await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      this.#say('The server could not be reached. Check your connection and try again.');
      return undefined;
    }
  }

  async #makeCode(): Promise<void> {
    const response = await this.#send('POST', '/api/restore-codes');
    if (!response) return;
    const body = (await response.json().catch(() => undefined)) as
      { code?: string; expiresAt?: string } | undefined;
    if (!response.ok || !body?.code) {
      this.#say(describeApiError(response.status, body));
      return;
    }
    const card = this.querySelector<HTMLElement>('.code-card')!;
    card.querySelector('.code')!.textContent = body.code;
    const link = card.querySelector<HTMLAnchorElement>('.code-link')!;
    link.href = restoreLink(location.origin, body.code);
    link.textContent = link.href;
    const expires = new Date(body.expiresAt ?? Date.now()).toLocaleDateString(undefined, {
      dateStyle: 'long',
    });
    card.querySelector('.expiry')!.textContent = `It works until ${expires}.`;
    card.hidden = false;
    this.#say(`Restore code made: ${body.code}. Enter it in the other browser.`);
  }

  async #copyLink(): Promise<void> {
    const href = this.querySelector<HTMLAnchorElement>('.code-link')!.href;
    try {
      await navigator.clipboard.writeText(href);
      this.#say('Link copied.');
    } catch {
      this.#say('Copying is not allowed here: select the link and copy it yourself.');
    }
  }

  async #cancelCode(): Promise<void> {
    const response = await this.#send('DELETE', '/api/restore-codes');
    if (!response?.ok) return;
    this.querySelector<HTMLElement>('.code-card')!.hidden = true;
    this.#say('The restore code was cancelled: it no longer works anywhere.');
  }

  async #restore(code: string): Promise<void> {
    const response = await this.#send('POST', '/api/restore', { code });
    if (!response) return;
    const body = (await response.json().catch(() => undefined)) as
      { progress?: { passed: boolean }[] } | undefined;
    if (!response.ok) {
      this.#say(describeApiError(response.status, body));
      return;
    }
    const passed = body?.progress?.filter((row) => row.passed).length ?? 0;
    forgetLocalProgress();
    await resyncProgress();
    this.#say(
      `Progress restored: ${passed} exercise${passed === 1 ? '' : 's'} passed. This browser now shares it.`,
    );
  }

  #askToDelete(asking: boolean): void {
    this.querySelector<HTMLElement>('.confirm')!.hidden = !asking;
    this.querySelector<HTMLElement>(asking ? '[data-action="keep"]' : '[data-action="delete"]')!.focus();
  }

  async #delete(): Promise<void> {
    const response = await this.#send('DELETE', '/api/progress');
    if (!response) return;
    if (!response.ok) {
      this.#say(describeApiError(response.status, await response.json().catch(() => undefined)));
      return;
    }
    forgetLocalProgress();
    this.#askToDelete(false);
    this.#say('Your progress was deleted.');
  }
}
if (!customElements.get('progress-tools')) customElements.define('progress-tools', ProgressTools);
