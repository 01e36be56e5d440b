/**
 * kubectl's read commands against what the real kubectl 1.35 printed for the same objects: every
 * captured `get` and `describe` case, run on a runtime holding the capture's seed cluster, must
 * give the same stdout, stderr and exit code, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { fixtureIndex, fixtureNames, loadFixture } from '../../../fixtures/load.ts';
import { kubectl, seedRuntime } from './seed-runtime.ts';
import type { Runtime } from '../../../../src/sim/runtime.ts';
import { RESOURCE_TYPES, apiVersionOf } from '../../../../src/sim/api/resources.ts';
import { formatColumns } from '../../../../src/sim/kubectl/printers/tabwriter.ts';

const capturedAt = Date.parse(fixtureIndex().capturedAt);
/** The cases ran over a few seconds after the seed was made; ages in them are read at that time. */
const RUN_DELAY_MS = 10_000;

const READ_COMMANDS =
  /^(get|describe|cluster-info|config|version|explain-no-args|unknown-command|unknown-flag|no-args|options)/;

const cases = fixtureNames().filter((name) => READ_COMMANDS.test(name));

/** Values the simulator draws at random (a ClusterIP) are set to what the capture got. */
const PINNED: Record<string, (runtime: Runtime) => void> = {
  'describe-svc-no-endpoints': (runtime) => {
    const svc = runtime.api.store.get('services', 'default', 'lonely');
    if (!svc) return;
    const spec = svc['spec'] as { clusterIP: string; clusterIPs: string[] };
    spec.clusterIP = '10.96.10.100';
    spec.clusterIPs = ['10.96.10.100'];
    runtime.api.store.put('services', svc);
  },
};

describe('kubectl read commands match the captured kubectl 1.35 output', () => {
  it('has captured cases to compare with', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  for (const name of cases) {
    const fixture = loadFixture(name);
    it(`${name}: kubectl ${fixture.args.join(' ')}`, async () => {
      const runtime = seedRuntime(capturedAt + RUN_DELAY_MS);
      for (const setup of fixture.setup ?? []) await kubectl(runtime, setup);
      for (const [path, content] of Object.entries(fixture.files ?? {})) runtime.fs.write(path, content);
      PINNED[name]?.(runtime);
      const result = await kubectl(runtime, fixture.args, fixture.stdin);
      expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
        stdout: fixture.stdout,
        stderr: fixture.stderr,
        exitCode: fixture.exitCode,
      });
    });
  }
});

/**
 * The captured server serves every kind of a real cluster; the simulator serves fewer. Its
 * api-resources must equal the captured rows of the kinds it serves, in the same order and cells.
 */
describe('api-resources and api-versions match the captured rows of the kinds the simulator serves', () => {
  const served = (name: string, apiVersion: string) =>
    RESOURCE_TYPES.some(
      (t) =>
        (t.group ? `${t.resource}.${t.group}` : t.resource) === name ||
        (t.resource === name && apiVersionOf(t) === apiVersion),
    );

  for (const name of fixtureNames().filter((n) => n.startsWith('api-resources'))) {
    const fixture = loadFixture(name);
    it(`${name}: kubectl ${fixture.args.join(' ')}`, async () => {
      const result = await kubectl(seedRuntime(capturedAt), fixture.args);
      const lines = fixture.stdout.split('\n').filter((l) => l !== '');
      let expected: string;
      if (fixture.args.includes('name')) {
        expected = lines
          .filter((l) => served(l, ''))
          .map((l) => `${l}\n`)
          .join('');
      } else {
        const header = (lines[0] as string).trim().split(/ {2,}/);
        // Columns may be empty (SHORTNAMES, CATEGORIES): split on the header's column starts instead.
        const starts = [...(lines[0] as string).matchAll(/\S+/g)].map((m) => m.index);
        const cells = lines
          .slice(1)
          .map((l) => starts.map((start, i) => l.slice(start, starts[i + 1]).trim()));
        const kept = cells.filter(
          (c) =>
            served(c[0] as string, c[2] as string) &&
            RESOURCE_TYPES.some((t) => t.resource === c[0] && apiVersionOf(t) === c[2]),
        );
        expected = formatColumns([header, ...kept]);
      }
      expect(result.stdout).toBe(expected);
      expect(result.exitCode).toBe(0);
    });
  }

  it('api-versions lists the group versions served, sorted', async () => {
    const fixture = loadFixture('api-versions');
    const result = await kubectl(seedRuntime(capturedAt), ['api-versions']);
    const served = new Set(RESOURCE_TYPES.map(apiVersionOf));
    expect(result.stdout).toBe(
      fixture.stdout
        .split('\n')
        .filter((v) => served.has(v))
        .map((v) => `${v}\n`)
        .join(''),
    );
  });
});
