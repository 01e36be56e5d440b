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

/** A busybox release: its applets differ between releases (nslookup was rewritten in 1.29). */
export interface BusyboxRelease {
  major: number;
  minor: number;
  /** What `--help` and usage errors print first: `BusyBox v1.28.4 (2018-05-22 17:00:17 UTC)`. */
  banner: string;
}

/** The tools of an image where images differ beyond which programs they carry. */
export interface ToolVersions {
  /** The busybox release whose applets the image carries. */
  busybox?: BusyboxRelease;
  /** `nslookup` is BIND's (dnsutils, bind-tools), not busybox's applet. */
  nslookup?: 'bind';
}

/** The release the `busybox` image's `latest` tag carries. */
export const BUSYBOX_LATEST: BusyboxRelease = {
  major: 1,
  minor: 37,
  banner: 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC)',
};

/**
 * The release behind a `busybox:TAG` image: `1.28`, `1.28.4`, `1.36.1-musl`, `1.28-glibc`;
 * `latest`, `stable`, `musl`... are the newest release.
 */
export function busyboxRelease(tag: string): BusyboxRelease {
  const version = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(tag);
  if (!version) return BUSYBOX_LATEST;
  const major = Number(version[1]);
  const minor = Number(version[2]);
  if (major === BUSYBOX_LATEST.major && minor === BUSYBOX_LATEST.minor) return BUSYBOX_LATEST;
  // The 1.28 tag is 1.28.4, the release the kubernetes.io debugging pages run.
  if (major === 1 && minor === 28)
    return { major, minor, banner: 'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC)' };
  return { major, minor, banner: `BusyBox v${major}.${minor}.${version[3] ?? '0'}` };
}
