/**
 * The Kubernetes release the simulated cluster runs and its kubectl is: the nodes' kubeletVersion,
 * the control plane's images, the API server's /version and `kubectl version` all say this one.
 */
export const KUBERNETES_VERSION = 'v1.35.2';

const [MAJOR = '', MINOR = ''] = KUBERNETES_VERSION.slice(1).split('.');

/** What a build of that release says about itself: the tag's commit and the Go that built it. */
const BUILD = {
  gitVersion: KUBERNETES_VERSION,
  gitCommit: 'fdc9d74cbf2da6754ebf81d56f80ae2948cd6425',
  gitTreeState: 'clean',
};
const TOOLCHAIN = { goVersion: 'go1.25.7', compiler: 'gc', platform: 'linux/amd64' };

/** kubectl's client version (`kubectl version -o json`). */
export const CLIENT_VERSION = {
  major: MAJOR,
  minor: MINOR,
  ...BUILD,
  buildDate: '2026-02-26T20:05:34Z',
  ...TOOLCHAIN,
};

/** The API server's /version: 1.33+ adds the emulated and minimum compatibility versions. */
export const SERVER_VERSION = {
  major: MAJOR,
  minor: MINOR,
  emulationMajor: MAJOR,
  emulationMinor: MINOR,
  minCompatibilityMajor: MAJOR,
  minCompatibilityMinor: String(Number(MINOR) - 1),
  ...BUILD,
  buildDate: '2026-02-26T19:58:11Z',
  ...TOOLCHAIN,
};
