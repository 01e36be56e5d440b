/**
 * The write commands' answers to mistakes and dry runs, against what the real kubectl 1.35 printed
 * for the same command lines (fixtures/kubectl-errors.json, from capture/capture-errors.ts). The
 * captured cluster's generated names (pod, ReplicaSet) are mapped to the simulator's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { courseCluster } from './helpers.ts';

const cases = JSON.parse(
  readFileSync(new URL('./fixtures/kubectl-errors.json', import.meta.url), 'utf8'),
) as {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}[];

const CAPTURED_POD = 'web-6d4cf56db6-8kxzq';
const CAPTURED_RS = 'web-6d4cf56db6';

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

describe('kubectl write commands answer mistakes as kubectl 1.35', () => {
  for (const captured of cases) {
    it(captured.args.join(' '), async () => {
      const cluster = await courseCluster();
      cluster.fs.write(
        'nothere.yaml',
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: nothere\nspec:\n  ports:\n  - port: 80\n',
      );
      const pods = cluster.api.list('pods', 'default').filter((p) => p.metadata.labels?.['app'] === 'web');
      const pod = pods.map((p) => p.metadata.name).sort()[0] as string;
      const rs = cluster.api.list('replicasets', 'default')[0]?.metadata.name as string;
      const rename = (text: string) => text.replaceAll(CAPTURED_POD, pod).replaceAll(CAPTURED_RS, rs);
      const result = await cluster.exec(`kubectl ${captured.args.map((a) => quote(rename(a))).join(' ')}`);
      expect(result).toEqual({
        stdout: rename(captured.stdout),
        stderr: rename(captured.stderr),
        exitCode: captured.exitCode,
      });
    });
  }
});
