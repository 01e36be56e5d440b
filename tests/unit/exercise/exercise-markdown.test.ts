import { describe, expect, it } from 'vitest';
import { inlineMarkdownToHtml, markdownToHtml } from '../../../src/components/exercise/exercise-markdown.ts';

describe("an exercise's Markdown", () => {
  it('renders the intro as paragraphs with code and emphasis', () => {
    expect(markdownToHtml('Run `kubectl get svc`.\n\nPort **30033**.')).toBe(
      '<p>Run <code>kubectl get svc</code>.</p>\n<p>Port <strong>30033</strong>.</p>',
    );
  });

  it('renders a task title inline, without a paragraph around it', () => {
    expect(inlineMarkdownToHtml('Create a Service named `web` of type `NodePort`')).toBe(
      'Create a Service named <code>web</code> of type <code>NodePort</code>',
    );
  });

  it('shows raw HTML as text', () => {
    expect(inlineMarkdownToHtml('`curl http://<node-ip>:30033` answers <b>now</b>')).toBe(
      '<code>curl http://&lt;node-ip&gt;:30033</code> answers &lt;b&gt;now&lt;/b&gt;',
    );
  });
});
