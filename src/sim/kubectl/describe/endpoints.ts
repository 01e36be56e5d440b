/** describeEndpoints (subsets with their ports) and describeEndpointSlice (each endpoint's conditions and target). */
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { PrefixWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from './writer.ts';
import { describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common.ts';
import type { Describer } from './describer.ts';

export const describeEndpoints: Describer = (object, context) => {
  const ep = object as unknown as Endpoints;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const subset of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(
      LEVEL_1,
      `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`,
    );
    if ((subset.ports ?? []).length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const port of subset.ports ?? [])
        w.write(LEVEL_2, `${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  if (context.showEvents) describeEvents(w, eventsFor(context.runtime, object), context.nowMs);
  return w.toString();
};

export const describeEndpointSlice: Describer = (object, context) => {
  const slice = object as unknown as EndpointSlice;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  w.write(LEVEL_0, `AddressType:\t${slice.addressType}\n`);
  const ports = slice.ports ?? [];
  if (ports.length === 0) {
    w.write(LEVEL_0, 'Ports: <unset>\n');
  } else {
    w.write(LEVEL_0, 'Ports:\n');
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const port of ports) {
      w.write(LEVEL_1, `${port.name || '<unset>'}\t${port.port ?? '<unset>'}\t${port.protocol ?? ''}\n`);
    }
  }
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length === 0) {
    w.write(LEVEL_0, 'Endpoints: <none>\n');
  } else {
    w.write(LEVEL_0, 'Endpoints:\n');
    for (const endpoint of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${endpoint.addresses.join(', ') || '<none>'}\n`);
      w.write(LEVEL_2, 'Conditions:\n');
      const ready = endpoint.conditions?.ready;
      w.write(LEVEL_3, `Ready:\t${ready === undefined ? '<unset>' : String(ready)}\n`);
      w.write(LEVEL_2, `Hostname:\t${endpoint.hostname ?? '<unset>'}\n`);
      if (endpoint.targetRef)
        w.write(LEVEL_2, `TargetRef:\t${endpoint.targetRef.kind ?? ''}/${endpoint.targetRef.name ?? ''}\n`);
      w.write(LEVEL_2, `NodeName:\t${endpoint.nodeName ?? '<unset>'}\n`);
      w.write(LEVEL_2, `Zone:\t${endpoint.zone ?? '<unset>'}\n`);
    }
  }
  if (context.showEvents) describeEvents(w, eventsFor(context.runtime, object), context.nowMs);
  return w.toString();
};
