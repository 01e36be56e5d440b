/**
 * The programs found on the PATH of the base images the catalog's images are built on: busybox
 * (busybox, alpine-based images) and Debian (nginx, httpd, node). `kubectl exec POD -- wget` works
 * only where the image really has `wget`.
 */

/** The tools both bases carry: coreutils and friends, as busybox applets or Debian packages. */
const CORE_TOOLS: readonly string[] = [
  'cat',
  'ls',
  'echo',
  'printf',
  'env',
  'printenv',
  'hostname',
  'grep',
  'head',
  'tail',
  'wc',
  'sort',
  'uniq',
  'cut',
  'awk',
  'tr',
  'seq',
  'tee',
  'base64',
  'date',
  'sleep',
  'touch',
  'rm',
  'mkdir',
  'mv',
  'cp',
  'pwd',
  'true',
  'false',
  'which',
  'whoami',
  'clear',
  'sed',
  'xargs',
  'test',
  '[',
];

/** busybox's applets a learner reaches for (no curl: `curl` is not a busybox applet). */
export const BUSYBOX: readonly string[] = ['sh', 'ash', ...CORE_TOOLS, 'wget', 'nslookup', 'ping', 'vi'];

/** A Debian base with coreutils, grep, mawk, bash and dash; no wget, ping or nslookup. */
export const DEBIAN: readonly string[] = ['sh', 'bash', 'dash', ...CORE_TOOLS];

export const PATH_DEFAULT = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
