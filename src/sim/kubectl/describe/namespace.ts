/** describeNamespace and describeConfigMap. */
import type { ConfigMap, Namespace } from 'kubernetes-types/core/v1';
import { PrefixWriter, LEVEL_0 } from './writer.ts';
import { describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import type { Describer } from './describer.ts';

export const describeNamespace: Describer = (object) => {
  const ns = object as unknown as Namespace;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, '\nNo resource quota.\n');
  w.write(LEVEL_0, '\nNo LimitRange resource.\n');
  return w.toString();
};

export const describeConfigMap: Describer = (object, context) => {
  const cm = object as unknown as ConfigMap;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const key of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${key}:\n----\n`);
    w.write(LEVEL_0, `${cm.data?.[key] ?? ''}\n`);
    w.write(LEVEL_0, '\n');
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const key of Object.keys(cm.binaryData ?? {}).sort()) {
    w.write(LEVEL_0, `${key}: ${Math.floor(((cm.binaryData?.[key] ?? '').length * 3) / 4)} bytes\n`);
  }
  w.write(LEVEL_0, '\n');
  if (context.showEvents) describeEvents(w, eventsFor(context.runtime, object), context.nowMs);
  return w.toString();
};
