/**
 * kubectl's generic describer, used for kinds without one of their own (Events here): Name,
 * Namespace, Labels, Annotations, then every other field of the object, sorted, nested by
 * indentation, with describe.go's "smart labels" (`apiVersion` → `API Version`).
 */
import { PrefixWriter, LEVEL_0 } from './writer.ts';
import type { Describer } from './describer.ts';
import { describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import { goValue } from '../printers/custom-columns.ts';

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);

export const describeGeneric: Describer = (object, context) => {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  printUnstructuredContent(w, LEVEL_0, object as Record<string, unknown>, '');
  if (context.showEvents) describeEvents(w, eventsFor(context.runtime, object), context.nowMs);
  return w.toString();
};

function printUnstructuredContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort()) {
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    const value = content[field];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
          printUnstructuredContent(w, level + 1, child as Record<string, unknown>, path);
        } else {
          w.write(level + 1, `${goValue(child)}\n`);
        }
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
    }
  }
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** smartLabelFor: camel case split into capitalised words, acronyms upper-cased; other names as they are. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelCaseSplit(field)
    .filter((part) => part !== '_')
    .map((part) =>
      ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join(' ');
}

/** fatih/camelcase Split: runs of one character class, an upper-case run's last letter moved to a following lower-case run. */
function camelCaseSplit(text: string): string[] {
  const classOf = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\d/.test(c) ? 3 : 4);
  const runs: string[] = [];
  let last = 0;
  for (const c of text) {
    const kind = classOf(c);
    if (kind === last && runs.length > 0) runs[runs.length - 1] += c;
    else runs.push(c);
    last = kind;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const run = runs[i] as string;
    const next = runs[i + 1] as string;
    if (classOf(run[0] as string) === 2 && classOf(next[0] as string) === 1) {
      runs[i + 1] = run.slice(-1) + next;
      runs[i] = run.slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0);
}
