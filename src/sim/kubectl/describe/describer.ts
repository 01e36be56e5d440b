/** One kind's `kubectl describe` text for one object, read from the cluster as the describer's GETs would. */
import type { KubeObject } from '../../api/types.ts';
import type { Runtime } from '../../runtime.ts';

export interface DescribeContext {
  runtime: Runtime;
  nowMs: number;
  /** --show-events (default true). */
  showEvents: boolean;
}

export type Describer = (object: Readonly<KubeObject>, context: DescribeContext) => string;
