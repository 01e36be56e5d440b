import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderCommentMarkdown } from '../../../src/server/comments/markdown.ts';

interface Element {
  tag: string;
  attributes: Record<string, string>;
}

function elementsOf(html: string): Element[] {
  const elements: Element[] = [];
  const parser = new Parser(
    { onopentag: (tag, attributes) => elements.push({ tag, attributes }) },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return elements;
}

const SAFE_TAGS = new Set([
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
]);

/** What "inert" means: known tags only, no handlers, links only to http(s)/mailto, styles only Shiki's. */
function expectInert(html: string): void {
  for (const { tag, attributes } of elementsOf(html)) {
    expect(SAFE_TAGS.has(tag), `<${tag}> in ${html}`).toBe(true);
    for (const [name, value] of Object.entries(attributes)) {
      expect(name.startsWith('on'), `${name} in ${html}`).toBe(false);
      expect([
        'href',
        'rel',
        'class',
        'style',
        'tabindex',
        'type',
        'checked',
        'disabled',
        'start',
        'align',
      ]).toContain(name);
      // Resolved as a browser would against the page: relative links stay on the site.
      if (name === 'href')
        expect(['http:', 'https:', 'mailto:'], html).toContain(
          new URL(value, 'https://kube101.example/lessons/x').protocol,
        );
      if (name === 'style') {
        for (const declaration of value.split(';').filter(Boolean)) {
          expect(declaration, html).toMatch(
            /^(color|background-color):var\(--shiki-[a-z0-9-]+\)$|^font-(style|weight):(italic|bold|normal)$/,
          );
        }
      }
      if (name === 'type') expect(value).toBe('checkbox');
    }
    if (tag === 'a') expect(attributes.rel).toBe('nofollow ugc noopener');
  }
}

// The OWASP XSS filter evasion cases that a Markdown comment can carry: raw HTML, link and image
// destinations (javascript:, vbscript:, data: in many encodings), autolinks, and attribute breaking.
const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<svg/onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<BODY ONLOAD=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<details open ontoggle=alert(1)>',
  '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](  javascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](java\tscript:alert(1))',
  '[x](jav&#x09;ascript:alert(1))',
  '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[x](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))',
  '[x](&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1))',
  '[x](%6A%61%76%61%73%63%72%69%70%74:alert(1))',
  '[x](\\u006Aavascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](DATA:text/html,<script>alert(1)</script>)',
  '[x](//xss.example/%2e%2e)',
  '[x](javascript://%0aalert(1))',
  '[x](javascript:alert(1) "title")',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](https://example.com/a.png)',
  '![x](https://example.com/a.png"onerror="alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<javascript:alert(1)>',
  '<https://example.com/" onmouseover="alert(1)>',
  '[x](https://example.com/"onmouseover="alert(1))',
  '[<img src=x onerror=alert(1)>](https://example.com)',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '```"><img src=x onerror=alert(1)>\ncode\n```',
  '```yaml" onmouseover="alert(1)\nkind: Service\n```',
  '<style>body{display:none}</style>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<a href="https://example.com" onclick="alert(1)">x</a>',
  '<!-- --><script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '- [x] <input type="text" onfocus="alert(1)" autofocus>',
  '| a |\n|---|\n| <img src=x onerror=alert(1)> |',
];

describe('comment Markdown', () => {
  it('renders emphasis, links, lists, inline code and tables', async () => {
    expect(await renderCommentMarkdown('**bold** _em_ ~~gone~~ `kubectl get svc`')).toBe(
      '<p><strong>bold</strong> <em>em</em> <del>gone</del> <code>kubectl get svc</code></p>',
    );
    expect(await renderCommentMarkdown('[docs](https://kubernetes.io/docs/)')).toBe(
      '<p><a href="https://kubernetes.io/docs/" rel="nofollow ugc noopener">docs</a></p>',
    );
    expect(await renderCommentMarkdown('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(await renderCommentMarkdown('see https://example.com/x')).toBe(
      '<p>see <a href="https://example.com/x" rel="nofollow ugc noopener">https://example.com/x</a></p>',
    );
  });

  it('highlights fenced YAML and shell with Shiki, coloured by CSS variables', async () => {
    const html = await renderCommentMarkdown('```yaml\nkind: Service\nspec:\n  type: NodePort\n```');
    expect(html).toMatch(
      /^<pre class="shiki kube101" style="background-color:var\(--shiki-background\);color:var\(--shiki-foreground\)" tabindex="0"><code>/,
    );
    expect(html).toContain('<span style="color:var(--shiki-token-keyword)">kind</span>');
    expect(html.replace(/<[^>]+>/g, '')).toBe('kind: Service\nspec:\n  type: NodePort');
    expect(await renderCommentMarkdown('```bash\nkubectl get svc web -o yaml\n```')).toContain(
      '<span class="line">',
    );
  });

  it('leaves code in other languages escaped, with its language class', async () => {
    expect(await renderCommentMarkdown('```brainfuck\n<b>&</b>\n```')).toBe(
      '<pre><code class="language-brainfuck">&lt;b&gt;&amp;&lt;/b&gt;\n</code></pre>',
    );
    expect(await renderCommentMarkdown('```\nplain\n```')).toBe('<pre><code>plain\n</code></pre>');
  });

  it('turns images into links instead of loading them, and headings into h3', async () => {
    expect(await renderCommentMarkdown('![diagram](https://example.com/d.png)')).toBe(
      '<p><a href="https://example.com/d.png" rel="nofollow ugc noopener">diagram</a></p>',
    );
    expect(await renderCommentMarkdown('# Title')).toBe('<h3>Title</h3>');
  });

  it.each(XSS_CORPUS)('renders %j inert', async (attack) => {
    const html = await renderCommentMarkdown(attack);
    expectInert(html);
    // The attack may stay visible as text (escaped); it never becomes markup.
    expect(html).not.toMatch(/<(script|img|iframe|svg|object|embed|form|meta|style|math|details|body)/i);
  });

  it('keeps the text of raw HTML visible, escaped', async () => {
    expect(await renderCommentMarkdown('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>');
  });
});
