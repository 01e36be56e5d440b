/** The machines of the cluster a learner starts with: one control-plane node and two workers on one LAN. */
export interface NodeDefinition {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
}

export const DEFAULT_NODES: readonly NodeDefinition[] = [
  { name: 'control-plane', ip: '192.168.49.2', podCIDR: '10.244.0.0/24', controlPlane: true },
  { name: 'worker-1', ip: '192.168.49.3', podCIDR: '10.244.1.0/24', controlPlane: false },
  { name: 'worker-2', ip: '192.168.49.4', podCIDR: '10.244.2.0/24', controlPlane: false },
];

export const API_SERVER_ADDRESS = 'https://192.168.49.2:6443';
