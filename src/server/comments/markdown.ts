// Comment Markdown to safe HTML. micromark with GFM never passes raw HTML through (it is escaped)
// and drops dangerous link protocols; a sanitize-html allowlist behind it is the gate that counts,
// applied to everything, Shiki's highlighted code included.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import sanitizeHtml from 'sanitize-html';
import { highlightCode } from './code-highlighter.ts';

const FENCED_CODE = /<pre><code class="language-([^"\s]+)">([\s\S]*?)<\/code><\/pre>/g;
const SHIKI_VALUE = [/^var\(--shiki-[a-z0-9-]+\)$/];
export const LINK_REL = 'nofollow ugc noopener';

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'del',
    'a',
    'code',
    'pre',
    'span',
    'blockquote',
    'ul',
    'ol',
    'li',
    'input',
    'h3',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sup',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    ol: ['start'],
    input: ['type', 'checked', 'disabled'],
    th: ['align'],
    td: ['align'],
    pre: ['class', 'style', 'tabindex'],
    code: ['class'],
    span: ['class', 'style'],
  },
  allowedClasses: { pre: ['shiki', 'kube101'], code: [/^language-[\w+#.-]+$/], span: ['line'] },
  allowedStyles: {
    pre: { 'background-color': SHIKI_VALUE, color: SHIKI_VALUE },
    span: {
      color: SHIKI_VALUE,
      'font-style': [/^(italic|normal)$/],
      'font-weight': [/^(bold|normal)$/],
      'text-decoration': [/^(underline|none)$/],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: {
    a: (_tagName, attribs) => ({ tagName: 'a', attribs: { ...pick(attribs, 'href'), rel: LINK_REL } }),
    // An image in a comment would load a third party's URL in every reader's browser: link to it.
    img: (_tagName, attribs) => ({
      tagName: 'a',
      attribs: { ...(attribs.src ? { href: attribs.src } : {}), rel: LINK_REL },
      text: attribs.alt || attribs.src || '',
    }),
    h1: 'h3',
    h2: 'h3',
    h4: 'h3',
    h5: 'h3',
    h6: 'h3',
    // GFM task list items are the only inputs micromark writes; keep them inert checkboxes.
    input: (_tagName, attribs) => ({
      tagName: 'input',
      attribs: { type: 'checkbox', disabled: '', ...('checked' in attribs ? { checked: '' } : {}) },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href && !frame.text.trim(),
};

export async function renderCommentMarkdown(markdown: string): Promise<string> {
  const html = micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const highlighted = await replaceAsync(
    html,
    FENCED_CODE,
    async (block, language: string, escaped: string) => {
      const code = decodeMicromarkEntities(escaped).replace(/\n$/, '');
      return (await highlightCode(code, language)) ?? block;
    },
  );
  return sanitizeHtml(highlighted, SANITIZE_OPTIONS);
}

// micromark escapes exactly these four characters in code.
function decodeMicromarkEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot);/g, (_entity, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : '"',
  );
}

async function replaceAsync(
  text: string,
  pattern: RegExp,
  replace: (match: string, ...groups: string[]) => Promise<string>,
): Promise<string> {
  const replacements = await Promise.all(
    [...text.matchAll(pattern)].map((match) =>
      replace(match[0], ...match.slice(1).map((group) => group ?? '')),
    ),
  );
  let index = 0;
  return text.replace(pattern, () => replacements[index++] ?? '');
}

function pick(attribs: Record<string, string>, name: string): Record<string, string> {
  return attribs[name] === undefined ? {} : { [name]: attribs[name] };
}
