// The course's exercises, bundled into the server at build time from content/exercises, so the
// built server needs no files beside it. Parsed once; a broken exercise fails the build's tests.
import { buildCatalog, type Exercise } from '../../grading/index.ts';

const files = import.meta.glob<string>('../../../content/exercises/*.{yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let catalog: Map<string, Exercise> | undefined;

export function exerciseCatalog(): Map<string, Exercise> {
  catalog ??= new Map(
    buildCatalog(
      Object.entries(files).map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, ''), text })),
    ).map((e) => [e.id, e]),
  );
  return catalog;
}
