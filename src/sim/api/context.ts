/** What the API server's strategies and the controllers share: clock, randomness, allocators, store. */
import type { VirtualClock } from '../clock.ts';
import type { SeededRandom } from '../random.ts';
import type { ObjectStore } from './store.ts';
import type { ClusterIPAllocator } from './allocators/cluster-ip.ts';
import type { NodePortAllocator } from './allocators/node-port.ts';

export interface ApiContext {
  clock: VirtualClock;
  random: SeededRandom;
  store: ObjectStore;
  clusterIPs: ClusterIPAllocator;
  nodePorts: NodePortAllocator;
}
