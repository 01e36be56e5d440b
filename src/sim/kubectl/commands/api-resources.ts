/**
 * `kubectl api-resources` and `kubectl api-versions`: the resource types the simulated API server
 * serves, printed from discovery as kubectl prints them (core group first, then groups by name).
 */
import type { KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { RESOURCE_TYPES, apiVersionOf, type ResourceType } from '../../api/resources.ts';
import { formatColumns } from '../printers/tabwriter.ts';

function byDiscoveryOrder(a: ResourceType, b: ResourceType): number {
  if (a.group !== b.group) return a.group === '' ? -1 : b.group === '' ? 1 : a.group < b.group ? -1 : 1;
  return a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0;
}

export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: flagsFromHelp('api-resources', {
    categories: { type: 'stringSlice', default: [] },
    verbs: { type: 'stringSlice', default: [] },
  }),
  run(context) {
    const output = context.flag<string>('output');
    if (!['', 'wide', 'name'].includes(output)) throw new CommandError(`--output ${output} is not available`);
    const sortBy = context.flag<string>('sort-by');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind')
      throw new CommandError('--sort-by accepts only name or kind');
    const group = context.flag<string>('api-group');
    const categories = context.flag<string[]>('categories');
    const verbs = context.flag<string[]>('verbs');
    let types = RESOURCE_TYPES.filter(
      (t) =>
        (!context.changed('api-group') || t.group === group) &&
        (!context.changed('namespaced') || t.namespaced === context.flag<boolean>('namespaced')) &&
        categories.every((c) => t.categories.includes(c)) &&
        verbs.every((v) => t.verbs.includes(v)),
    );
    types = [...types].sort(byDiscoveryOrder);
    if (sortBy === 'name')
      types.sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
    if (sortBy === 'kind') types.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    if (output === 'name') {
      context.stdout(types.map((t) => `${t.group ? `${t.resource}.${t.group}` : t.resource}\n`).join(''));
      return 0;
    }
    const wide = output === 'wide';
    const rows: string[][] = [];
    if (!context.flag<boolean>('no-headers')) {
      rows.push([
        'NAME',
        'SHORTNAMES',
        'APIVERSION',
        'NAMESPACED',
        'KIND',
        ...(wide ? ['VERBS', 'CATEGORIES'] : []),
      ]);
    }
    for (const t of types) {
      const row = [t.resource, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind];
      if (wide) row.push([...t.verbs].sort().join(','), t.categories.join(','));
      rows.push(row);
    }
    context.stdout(formatColumns(rows));
    return 0;
  },
};

export const apiVersionsCommand: KubectlCommand = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  run(context) {
    const versions = [...new Set(RESOURCE_TYPES.map(apiVersionOf))].sort();
    context.stdout(versions.map((v) => `${v}\n`).join(''));
    return 0;
  },
};
