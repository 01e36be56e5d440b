// Syntax highlighting for fenced code blocks in comments, with Shiki (Astro's own highlighter) on
// the server. The css-variables theme emits `var(--shiki-…)` colours, so the page's stylesheet picks
// the palette (light and dark) and the sanitizer only has to let those variables through.
import { createCssVariablesTheme, createHighlighter, type Highlighter } from 'shiki';

/** Languages people paste under a Kubernetes lesson; anything else stays plain, escaped text. */
export const HIGHLIGHTED_LANGUAGES = [
  'yaml',
  'json',
  'bash',
  'shellscript',
  'shellsession',
  'console',
  'sh',
  'shell',
  'javascript',
  'typescript',
  'python',
  'go',
  'dockerfile',
  'ini',
  'toml',
  'diff',
] as const;

const theme = createCssVariablesTheme({ name: 'kube101', variablePrefix: '--shiki-', fontStyle: true });
let highlighter: Promise<Highlighter> | undefined;

export async function highlightCode(code: string, language: string): Promise<string | undefined> {
  const lang = language.toLowerCase();
  if (!(HIGHLIGHTED_LANGUAGES as readonly string[]).includes(lang)) return undefined;
  highlighter ??= createHighlighter({ themes: [theme], langs: ['yaml', 'json', 'bash', 'shellsession'] });
  const instance = await highlighter;
  if (!instance.getLoadedLanguages().includes(lang)) await instance.loadLanguage(lang as 'yaml');
  return instance.codeToHtml(code, { lang, theme: 'kube101' });
}
