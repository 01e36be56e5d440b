/**
 * Events have no describer of their own in kubectl: the generic one prints every field of the
 * object as nested `Key:  value` lines (describe.go printUnstructuredContent), keys capitalised.
 */
import { PrefixWriter, LEVEL_0 } from './writer.ts';
import type { Describer } from './describer.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './common.ts';

export const describeEvent: Describer = (object) => {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  const skip = new Set(['metadata']);
  printContent(w, 0, object as Record<string, unknown>, skip, true);
  w.write(LEVEL_0, 'Events:\t<none>\n');
  return w.toString();
};

function title(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1).replace(/([a-z])([A-Z])/g, '$1 $2');
}

function printContent(
  w: PrefixWriter,
  level: number,
  value: Record<string, unknown>,
  skip: ReadonlySet<string>,
  top: boolean,
): void {
  for (const key of Object.keys(value).sort()) {
    if (top && skip.has(key)) continue;
    const child = value[key];
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
      w.write(level, `${title(key)}:\n`);
      printContent(w, level + 1, child as Record<string, unknown>, skip, false);
    } else if (Array.isArray(child)) {
      w.write(level, `${title(key)}:\n`);
      for (const item of child) {
        if (item !== null && typeof item === 'object')
          printContent(w, level + 1, item as Record<string, unknown>, skip, false);
        else w.write(level + 1, `${String(item)}\n`);
      }
    } else {
      w.write(level, `${title(key)}:\t${String(child)}\n`);
    }
  }
}
