// The interactive comments of one lesson, loaded on demand by <kube-comments>: list with sort and
// "load more", post, reply, edit, delete, report. Text comes in through textContent; only the
// server's sanitized `html` goes in as HTML.
import {
  CommentsApiError,
  deleteComment,
  editComment,
  fetchComments,
  postComment,
  reportComment,
  type CommentOrder,
  type CommentView,
} from './comments-api.ts';
import { isTransient, keepPendingComment, pendingComments, sendPendingComments } from './pending-comments.ts';
import { commentAnchor, commentArticleHtml } from './comment-markup.ts';

type Child = Node | string | false | null | undefined;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

let uniqueId = 0;
const nextId = (prefix: string) => `${prefix}-${++uniqueId}`;

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function mountComments(root: HTMLElement, slug: string): void {
  let order: CommentOrder = 'newest';
  let cursor: string | null = null;
  let displayName: string | null = null;
  let total = 0;

  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const count = h('p', { class: 'kc-count' });
  const list = h('ol', { class: 'kc-list', 'aria-label': 'Comments' });
  const more = h(
    'button',
    { type: 'button', class: 'kc-button kc-more', hidden: true },
    'Load more comments',
  );
  const orderName = nextId('kc-order');
  const orderControl = h(
    'fieldset',
    { class: 'kc-order' },
    h('legend', { class: 'visually-hidden' }, 'Sort comments'),
    ...(['newest', 'oldest'] as const).map((value) =>
      h(
        'label',
        {},
        h('input', { type: 'radio', name: orderName, value, checked: value === order }),
        value === 'newest' ? ' Newest first' : ' Oldest first',
      ),
    ),
  );
  const newComment = h('div', { class: 'kc-new' });
  const waiting = h('p', { class: 'kc-pending', hidden: true });
  root.replaceChildren(
    h(
      'div',
      { class: 'kc' },
      h('div', { class: 'kc-bar' }, count, orderControl),
      newComment,
      waiting,
      status,
      list,
      more,
    ),
  );

  const announce = (message: string) => {
    status.textContent = '';
    // A fresh text node makes screen readers announce the same message twice in a row.
    requestAnimationFrame(() => (status.textContent = message));
  };
  const setTotal = (value: number) => {
    total = value;
    count.textContent = total === 0 ? 'No comments yet.' : total === 1 ? '1 comment' : `${total} comments`;
  };

  function renderNewCommentForm() {
    newComment.replaceChildren(
      commentForm({
        label: 'Add a comment',
        submitLabel: 'Post comment',
        needsName: displayName === null,
        onSubmit: async (body, name, website) => {
          const posted = await postOrKeep({ body, website, ...(name ? { displayName: name } : {}) });
          if (!posted) return renderNewCommentForm();
          const { comment } = posted;
          afterPost(comment);
          renderNewCommentForm();
          if (order === 'newest' || cursor === null) {
            const item = commentItem(comment);
            if (order === 'newest') list.prepend(item);
            else list.append(item);
            focusComment(item);
          }
          announce('Your comment was posted.');
        },
      }),
    );
  }

  /** Offline (or the server down), the comment is kept and posted when the network is back: undefined. */
  async function postOrKeep(input: {
    body: string;
    parentId?: string;
    displayName?: string;
    website: string;
  }) {
    try {
      return await postComment(slug, input);
    } catch (error) {
      if (!isTransient(error)) throw error;
      keepPendingComment({ slug, ...input });
      showWaiting();
      announce('You are offline: your comment is kept and will be posted when you are back online.');
      return undefined;
    }
  }

  function showWaiting() {
    const kept = pendingComments().filter((comment) => comment.slug === slug).length;
    waiting.hidden = kept === 0;
    waiting.textContent =
      kept === 1
        ? 'You are offline: 1 comment is kept and will be posted when you are back online.'
        : `You are offline: ${kept} comments are kept and will be posted when you are back online.`;
  }

  async function sendKept(reload = false) {
    const { posted, refused } = await sendPendingComments(postComment);
    showWaiting();
    if (posted.length > 0 || reload) await load(true);
    if (posted.length > 0) {
      announce(
        posted.length === 1 ? 'Your kept comment was posted.' : `${posted.length} kept comments were posted.`,
      );
    }
    for (const { reason } of refused) announce(`A kept comment was not posted: ${reason}`);
  }

  function afterPost(comment: CommentView) {
    if (displayName === null && comment.author) displayName = comment.author;
    setTotal(total + 1);
  }

  async function load(reset: boolean) {
    more.disabled = true;
    try {
      const page = await fetchComments(slug, order, reset ? null : cursor);
      displayName = page.viewer.displayName;
      setTotal(page.total);
      if (reset) {
        list.replaceChildren();
        renderNewCommentForm();
      }
      const items = page.comments.map(commentItem);
      list.append(...items);
      cursor = page.nextCursor;
      more.hidden = cursor === null;
      if (!reset && items[0]) focusComment(items[0]);
    } catch (error) {
      announce(messageOf(error));
      if (reset) {
        count.textContent = `Comments could not be loaded: ${messageOf(error)}`;
        // Offline, a comment can still be written: it waits for the network.
        if (isTransient(error)) renderNewCommentForm();
      }
    } finally {
      more.disabled = false;
    }
  }

  function commentItem(comment: CommentView): HTMLLIElement {
    const item = h('li', { class: 'kc-item', id: commentAnchor(comment.id) });
    renderComment(item, comment);
    return item;
  }

  function renderComment(item: HTMLLIElement, comment: CommentView) {
    const isTopLevel = comment.parentId === null;
    // Re-rendering a comment (after an edit or a delete) keeps its live list of replies.
    const replies =
      item.querySelector<HTMLOListElement>(':scope > .kc-replies') ??
      h('ol', { class: 'kc-replies', 'aria-label': 'Replies' }, ...comment.replies.map(commentItem));
    const replySlot = h('div', { class: 'kc-reply-slot' });
    const markup = document.createElement('template');
    markup.innerHTML = commentArticleHtml(comment, (iso) => timeFormat.format(new Date(iso)));
    const article = markup.content.firstElementChild as HTMLElement;
    if (comment.state !== 'visible') {
      item.replaceChildren(article, replies);
      return;
    }
    const body = article.querySelector<HTMLElement>('.kc-body')!;
    const actions = h('div', { class: 'kc-actions' });
    article.append(actions);
    const editable = comment.editableUntil !== null && new Date(comment.editableUntil) > new Date();

    if (isTopLevel) {
      const reply = h('button', { type: 'button', class: 'link-button kc-link' }, 'Reply');
      reply.addEventListener('click', () => {
        if (replySlot.firstChild) return replySlot.querySelector('textarea')?.focus();
        replySlot.replaceChildren(
          commentForm({
            label: `Reply to ${comment.author ?? 'this comment'}`,
            submitLabel: 'Post reply',
            needsName: displayName === null,
            onCancel: () => {
              replySlot.replaceChildren();
              reply.focus();
            },
            onSubmit: async (text, name, website) => {
              const answer = await postOrKeep({
                body: text,
                parentId: comment.id,
                website,
                ...(name ? { displayName: name } : {}),
              });
              if (!answer) {
                replySlot.replaceChildren();
                return reply.focus();
              }
              const { comment: posted } = answer;
              afterPost(posted);
              replySlot.replaceChildren();
              const postedItem = commentItem(posted);
              replies.append(postedItem);
              focusComment(postedItem);
              announce('Your reply was posted.');
            },
          }),
        );
        replySlot.querySelector('textarea')?.focus();
      });
      actions.append(reply);
    }
    if (editable && comment.markdown !== undefined) {
      const edit = h('button', { type: 'button', class: 'link-button kc-link' }, 'Edit');
      edit.addEventListener('click', () => {
        const form = commentForm({
          label: 'Edit your comment',
          submitLabel: 'Save',
          initialText: comment.markdown ?? '',
          needsName: false,
          onCancel: () => {
            form.replaceWith(body);
            actions.hidden = false;
            edit.focus();
          },
          onSubmit: async (text) => {
            const { comment: edited } = await editComment(comment.id, text);
            renderComment(item, { ...edited, replies: comment.replies });
            focusComment(item);
            announce('Your comment was saved.');
          },
        });
        body.replaceWith(form);
        actions.hidden = true;
        form.querySelector('textarea')?.focus();
      });
      const remove = h('button', { type: 'button', class: 'link-button kc-link' }, 'Delete');
      remove.addEventListener('click', async () => {
        if (!window.confirm('Delete this comment?')) return;
        try {
          await deleteComment(comment.id);
          setTotal(total - 1);
          const next = item.nextElementSibling ?? item.previousElementSibling;
          if (replies.childElementCount > 0) {
            renderComment(item, { ...comment, state: 'deleted', replies: [] });
            focusComment(item);
          } else {
            item.remove();
            if (next instanceof HTMLElement) focusComment(next);
            else count.focus();
          }
          announce('Your comment was deleted.');
        } catch (error) {
          announce(messageOf(error));
        }
      });
      actions.append(edit, remove);
    }
    if (!comment.mine) {
      const report = h('button', { type: 'button', class: 'link-button kc-link' }, 'Report');
      report.addEventListener('click', async () => {
        const reason = window.prompt('Why should a moderator look at this comment? (optional)');
        if (reason === null) return;
        try {
          await reportComment(comment.id, reason);
          report.disabled = true;
          report.textContent = 'Reported';
          announce('Thank you: a moderator will look at this comment.');
        } catch (error) {
          announce(messageOf(error));
        }
      });
      actions.append(report);
    }
    if (isTopLevel) item.replaceChildren(article, replySlot, replies);
    else item.replaceChildren(article, replies);
  }

  orderControl.addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement).value;
    if (value !== 'newest' && value !== 'oldest') return;
    order = value;
    cursor = null;
    void load(true).then(() => announce(`Showing ${order} comments first.`));
  });
  more.addEventListener('click', () => void load(false));
  count.tabIndex = -1;
  addEventListener('online', () => void sendKept());
  showWaiting();
  void (pendingComments().length > 0 ? sendKept(true) : load(true));
}

function focusComment(item: Element) {
  const target = item.querySelector<HTMLElement>('.kc-comment') ?? (item as HTMLElement);
  target.focus();
}

function messageOf(error: unknown): string {
  return error instanceof CommentsApiError ? error.message : 'Something went wrong. Try again.';
}

interface CommentFormOptions {
  label: string;
  submitLabel: string;
  needsName: boolean;
  initialText?: string;
  onSubmit(body: string, displayName: string | undefined, website: string): Promise<void>;
  onCancel?(): void;
}

/** A comment form whose text survives a refused post, with the server's reason shown beside it. */
function commentForm(options: CommentFormOptions): HTMLFormElement {
  const textId = nextId('kc-text');
  const hintId = nextId('kc-hint');
  const errorId = nextId('kc-error');
  const nameId = nextId('kc-name');
  const textarea = h('textarea', {
    id: textId,
    name: 'body',
    rows: '4',
    required: true,
    'aria-describedby': `${hintId} ${errorId}`,
  });
  textarea.value = options.initialText ?? '';
  const nameInput = options.needsName
    ? h('input', {
        id: nameId,
        name: 'displayName',
        type: 'text',
        maxlength: '40',
        required: true,
        autocomplete: 'nickname',
      })
    : undefined;
  const honeypot = h('input', { name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' });
  const error = h('p', { id: errorId, class: 'kc-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'kc-button' }, options.submitLabel);
  const cancel =
    options.onCancel && h('button', { type: 'button', class: 'kc-button kc-secondary' }, 'Cancel');
  cancel?.addEventListener('click', () => options.onCancel?.());

  const form = h(
    'form',
    { class: 'kc-form', novalidate: true },
    nameInput &&
      h(
        'div',
        { class: 'kc-field' },
        h('label', { for: nameId }, 'Display name'),
        h('span', { class: 'kc-hint' }, 'Shown with your comments; you choose it once.'),
        nameInput,
      ),
    h(
      'div',
      { class: 'kc-field' },
      h('label', { for: textId }, options.label),
      h(
        'span',
        { class: 'kc-hint', id: hintId },
        'Markdown works: **bold**, `code`, ```yaml blocks, [links](https://…).',
      ),
      textarea,
    ),
    h('div', { class: 'kc-honeypot', 'aria-hidden': 'true' }, h('label', {}, 'Leave this empty ', honeypot)),
    error,
    h('div', { class: 'kc-form-actions' }, submit, cancel),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (nameInput && nameInput.value.trim() === '') {
      error.textContent = 'Choose a display name first.';
      nameInput.focus();
      return;
    }
    if (textarea.value.trim() === '') {
      error.textContent = 'Write something before posting.';
      textarea.focus();
      return;
    }
    submit.disabled = true;
    try {
      await options.onSubmit(textarea.value, nameInput?.value.trim(), honeypot.value);
    } catch (failure) {
      error.textContent = messageOf(failure);
      (failure instanceof CommentsApiError && failure.code.startsWith('display_name')
        ? nameInput
        : textarea
      )?.focus();
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
