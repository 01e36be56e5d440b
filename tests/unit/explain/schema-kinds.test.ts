/**
 * The editor's JSON schema covers the kinds the simulator serves: a kind added to the simulator without
 * a schema (or the reverse) fails here until the schema is regenerated (`npm run schema`).
 */
import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES, apiVersionOf } from '../../../src/sim/api/resources.ts';
import { EDITOR_KINDS } from '../../../src/schema/kinds.ts';
import schema from '../../../src/schema/kubernetes.schema.json' with { type: 'json' };

/** Served kinds a learner never writes in the editor, and why. */
const NOT_IN_EDITOR: Record<string, string> = {
  Event: 'written by controllers and kubelet to report what happened, read with get/describe',
  Node: 'the nodes are the simulated machines themselves; kubelet registers them, no lesson creates one',
};

interface KindDefinition {
  properties: { apiVersion?: { const?: string }; kind?: { const?: string } };
  required?: string[];
}

const definitions = schema.definitions as unknown as Record<string, KindDefinition>;

function schemaKinds(): { apiVersion: string; kind: string }[] {
  return schema.oneOf.map(({ $ref }) => {
    const definition = definitions[$ref.replace('#/definitions/', '')];
    return {
      apiVersion: definition?.properties.apiVersion?.const ?? '',
      kind: definition?.properties.kind?.const ?? '',
    };
  });
}

const byName = (a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind);

describe('editor schema kinds', () => {
  it('are the simulator’s kinds, less the justified exclusions', () => {
    const served = RESOURCE_TYPES.filter((type) => !(type.kind in NOT_IN_EDITOR)).map((type) => ({
      apiVersion: apiVersionOf(type),
      kind: type.kind,
    }));
    expect(schemaKinds().sort(byName)).toEqual(served.sort(byName));
  });

  it('excludes only kinds the simulator serves', () => {
    for (const kind of Object.keys(NOT_IN_EDITOR))
      expect(RESOURCE_TYPES.map((type) => type.kind)).toContain(kind);
  });

  it('are listed by src/schema/kinds.ts', () => {
    expect([...EDITOR_KINDS].sort(byName)).toEqual(schemaKinds().sort(byName));
  });

  it('require apiVersion and kind in every kind', () => {
    for (const { kind } of EDITOR_KINDS) {
      expect(definitions[kind]?.required).toEqual(expect.arrayContaining(['apiVersion', 'kind']));
    }
  });
});
