import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';
import { HELP } from '../../../../src/sim/kubectl/help/index.ts';

/** A namespace of its own, holding one pod whose image does not exist, a minute after it was made. */
async function failingPod() {
  const cluster = createCluster({ seed: 1 });
  await cluster.exec('kubectl create namespace shop');
  await cluster.exec('kubectl run bad --image=nginxx -n shop');
  await cluster.exec('sleep 60');
  return cluster;
}

const PULL_FAILURE =
  'Failed to pull image "nginxx": failed to pull and unpack image "docker.io/library/nginxx:latest": ' +
  'failed to resolve image: pull access denied, repository does not exist or may require authorization: ' +
  'server message: insufficient_scope: authorization failed';

// kubectl/pkg/cmd/events: events.go (filters, sort by last time) and event_printer.go (columns, getInterval).
describe('kubectl events', () => {
  it('says so when a namespace has none', async () => {
    const cluster = createCluster({ seed: 1 });
    await cluster.exec('kubectl create namespace shop');
    expect(await cluster.exec('kubectl events -n shop')).toEqual({
      stdout: '',
      stderr: 'No events found in shop namespace.\n',
      exitCode: 0,
    });
  });

  it('lists the namespace oldest first, repeated events as "(xN over ...)"', async () => {
    const cluster = await failingPod();
    const result = await cluster.exec('kubectl events -n shop');
    expect(result.stdout).toBe(
      [
        'LAST SEEN           TYPE      REASON      OBJECT    MESSAGE',
        '60s                 Normal    Scheduled   Pod/bad   Successfully assigned shop/bad to worker-2',
        '28s (x3 over 60s)   Normal    Pulling     Pod/bad   Pulling image "nginxx"',
        '28s (x3 over 58s)   Warning   Failed      Pod/bad   Error: ErrImagePull',
        `28s (x3 over 58s)   Warning   Failed      Pod/bad   ${PULL_FAILURE}`,
        '27s (x3 over 57s)   Warning   Failed      Pod/bad   Error: ImagePullBackOff',
        '27s (x3 over 57s)   Normal    BackOff     Pod/bad   Back-off pulling image "nginxx"',
        '',
      ].join('\n'),
    );
  });

  it('filters by object and by type, any case, without headers when asked', async () => {
    const cluster = await failingPod();
    const warnings = await cluster.exec('kubectl events -n shop --for pods/bad --types=warning --no-headers');
    expect(warnings.stdout).toBe(
      [
        '28s (x3 over 58s)   Warning   Failed   Pod/bad   Error: ErrImagePull',
        `28s (x3 over 58s)   Warning   Failed   Pod/bad   ${PULL_FAILURE}`,
        '27s (x3 over 57s)   Warning   Failed   Pod/bad   Error: ImagePullBackOff',
        '',
      ].join('\n'),
    );
    expect((await cluster.exec('kubectl events -n shop --for pod/other')).stderr).toBe(
      'No events found in shop namespace.\n',
    );
  });

  it('adds a NAMESPACE column with -A', async () => {
    const cluster = await failingPod();
    const lines = (await cluster.exec('kubectl events -A')).stdout.split('\n');
    expect(lines[0]).toMatch(/^NAMESPACE {3}LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(lines.filter((l) => l.startsWith('shop '))).toHaveLength(6);
  });

  it("refuses what kubectl's options refuse", async () => {
    const cluster = createCluster({ seed: 1 });
    expect(await cluster.exec('kubectl events --types=Error')).toEqual({
      stdout: '',
      stderr: 'error: valid --types are Normal or Warning\n',
      exitCode: 1,
    });
    expect((await cluster.exec('kubectl events --for bad')).stderr).toBe(
      'error: --for must be in resource/name form\n',
    );
    expect((await cluster.exec('kubectl events --for pod/a/b')).stderr).toBe(
      'error: arguments in resource/name form may not have more than one slash\n',
    );
    expect((await cluster.exec('kubectl events --for foo/bad')).stderr).toBe(
      'error: the server doesn\'t have a resource type "foo"\n',
    );
  });

  it('prints the EventList kubectl builds: typed field order in JSON, names with -o name', async () => {
    const cluster = await failingPod();
    const json = JSON.parse((await cluster.exec('kubectl events -n shop --for pod/bad -o json')).stdout) as {
      items: Record<string, unknown>[];
    };
    expect(Object.keys(json)).toEqual(['kind', 'apiVersion', 'metadata', 'items']);
    expect(json.items).toHaveLength(6);
    expect(Object.keys(json.items[0] ?? {})).toEqual([
      'kind',
      'apiVersion',
      'metadata',
      'involvedObject',
      'reason',
      'message',
      'source',
      'firstTimestamp',
      'lastTimestamp',
      'count',
      'type',
      'eventTime',
      'reportingComponent',
      'reportingInstance',
    ]);
    const yaml = (await cluster.exec('kubectl events -n shop -o yaml')).stdout;
    expect(yaml.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  count: 1\n  eventTime: null\n')).toBe(
      true,
    );
    expect(yaml.endsWith('kind: EventList\nmetadata: {}\n')).toBe(true);
    const names = (await cluster.exec('kubectl events -n shop -o name')).stdout.trim().split('\n');
    expect(names).toHaveLength(6);
    for (const name of names) expect(name).toMatch(/^event\/bad\.[0-9a-f]{16}$/);
  });

  it('has the real help text and is listed and completed like the real command', async () => {
    const cluster = createCluster({ seed: 1 });
    expect((await cluster.exec('kubectl events --help')).stdout).toBe(HELP['events']);
    expect((await cluster.exec('kubectl --help')).stdout).toContain(
      '  debug           Create debugging sessions for troubleshooting workloads and nodes\n  events          List events\n',
    );
    expect(cluster.complete('kubectl ev', 10)).toEqual({ from: 8, items: ['events'] });
  });
});
