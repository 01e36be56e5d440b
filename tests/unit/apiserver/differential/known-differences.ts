/**
 * Lines of the differential corpus where the page's kubectl and the real kubectl 1.35 (against
 * `kubesim serve`) are known to print differently, each with the reason. The suite checks that each
 * still differs, so a fix shows up as a failure here until the entry goes.
 *
 * Left out of the corpus altogether (see corpus.ts): `kubectl run -i/-it/--rm` and `kubectl attach`
 * (the real kubectl waits for the attached pod to complete, and the simulator's kubelet keeps a
 * container with stdin running), and lines that need a shell (pipes, `$(...)`, redirects).
 */
import type { DifferentialCase } from './run-both.ts';

export interface KnownDifference {
  /** `generated`, `lesson SLUG` or `exercise ID`. */
  source: string;
  command: string;
  reason: string;
}

const ROLLOUT_STATUS =
  'rollout status prints a line for every change of the Deployment it watches; headless, the page samples the rollout at the controllers\' deadlines and prints fewer "Waiting for deployment" lines (same final line, same exit code)';

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    source: 'generated',
    command: 'kubectl create configmap cfg --from-literal=a=b',
    reason: "the page's kubectl create configmap has no --from-literal flag yet (unknown flag error)",
  },
  {
    source: 'exercise three-ports-move-the-app',
    command: 'kubectl rollout status deployment web',
    reason: ROLLOUT_STATUS,
  },
  {
    source: 'exercise troubleshoot-selector',
    command: 'kubectl rollout status deploy/web',
    reason: ROLLOUT_STATUS,
  },
  {
    source: 'exercise troubleshoot-pods-not-ready',
    command: 'kubectl rollout status deployment/web',
    reason: ROLLOUT_STATUS,
  },
];

export function knownDifference(testCase: DifferentialCase): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((d) => d.source === testCase.source && d.command === testCase.command);
}
