/**
 * A diagram of content/diagrams prepared to sit inline in a lesson: inline, so that its shapes take
 * the page's theme colours through their classes; its title and description become the picture's
 * accessible name and description, with ids unique on the page.
 */
export function inlineDiagram(name: string, svg: string): string {
  const titleId = `diagram-${name}-title`;
  const descId = `diagram-${name}-desc`;
  return svg
    .replace(/<\?xml[^>]*>\s*/, '')
    .replace(/<svg\b/, `<svg role="img" aria-labelledby="${titleId}" aria-describedby="${descId}"`)
    .replace(/<title>/, `<title id="${titleId}">`)
    .replace(/<desc>/, `<desc id="${descId}">`);
}

/** What a diagram file must respect to be legible in both themes and readable without sight. */
export function diagramProblems(svg: string): string[] {
  const problems: string[] = [];
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  if (!/viewBox="0 0 \d+ \d+"/.test(root)) problems.push('the root <svg> needs viewBox="0 0 W H"');
  if (/\s(width|height)=/.test(root))
    problems.push('the root <svg> has no width or height: it scales to the column');
  if (
    !/^<svg\b[^>]*>\s*<title>[^<]{3,}<\/title>\s*<desc>[^<]{20,}<\/desc>/.test(
      svg.replace(/<\?xml[^>]*>\s*/, '').trim(),
    )
  ) {
    problems.push('<title> and <desc> come first inside <svg>, and the desc says what the picture shows');
  }
  if (/<style|\sstyle=/.test(svg)) problems.push('no <style> or style="": colours come from the classes');
  for (const [, attribute, value] of svg.matchAll(/\s(fill|stroke|color|stop-color)="([^"]*)"/g)) {
    if (value !== 'none' && value !== 'currentColor')
      problems.push(`${attribute}="${value}": use a class instead`);
  }
  if (/<image\b|<script\b|<foreignObject\b/.test(svg))
    problems.push('no <image>, <script> or <foreignObject>');
  return problems;
}
