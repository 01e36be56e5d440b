/** kubectl's global flags (`kubectl options`), accepted by every command. */
import type { FlagSpec } from './flags.ts';

export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  {
    name: 'namespace',
    shorthand: 'n',
    type: 'string',
    default: '',
    usage: 'If present, the namespace scope for this CLI request',
  },
  { name: 'context', type: 'string', default: '', usage: 'The name of the kubeconfig context to use' },
  {
    name: 'kubeconfig',
    type: 'string',
    default: '',
    usage: 'Path to the kubeconfig file to use for CLI requests.',
  },
  { name: 'cluster', type: 'string', default: '', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', default: '', usage: 'The name of the kubeconfig user to use' },
  {
    name: 'server',
    shorthand: 's',
    type: 'string',
    default: '',
    usage: 'The address and port of the Kubernetes API server',
  },
  {
    name: 'request-timeout',
    type: 'string',
    default: '0',
    usage: 'The length of time to wait before giving up on a single server request.',
  },
  { name: 'v', shorthand: 'v', type: 'string', default: '0', usage: 'number for the log level verbosity' },
  { name: 'help', shorthand: 'h', type: 'bool', default: false, usage: 'help for kubectl' },
  {
    name: 'warnings-as-errors',
    type: 'bool',
    default: false,
    usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code',
  },
  {
    name: 'insecure-skip-tls-verify',
    type: 'bool',
    default: false,
    usage: "If true, the server's certificate will not be checked for validity.",
  },
  { name: 'as', type: 'string', default: '', usage: 'Username to impersonate for the operation.' },
  { name: 'token', type: 'string', default: '', usage: 'Bearer token for authentication to the API server' },
  {
    name: 'match-server-version',
    type: 'bool',
    default: false,
    usage: 'Require server version to match client version',
  },
  { name: 'profile', type: 'string', default: 'none', usage: 'Name of profile to capture.' },
];
