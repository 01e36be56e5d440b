/** Images people run as throw-away clients: they serve nothing, they carry tools. */
import type { ImageSpec } from '../images.ts';
import { BUSYBOX, DEBIAN, PATH_DEFAULT, busyboxRelease, type BusyboxRelease } from './toolsets.ts';

/** The busybox of images built before the 1.29 rewrite of nslookup, whatever their tag says. */
function oldBusybox(version: string): () => { busybox: BusyboxRelease } {
  const [major = 1, minor = 0] = version.split('.').map(Number);
  return () => ({ busybox: { major, minor, banner: `BusyBox v${version}` } });
}

export const CLIENT_IMAGES: readonly ImageSpec[] = [
  {
    names: ['busybox'],
    listens: [],
    executables: BUSYBOX,
    shell: 'ash',
    env: [['PATH', PATH_DEFAULT]],
    tools: (tag) => ({ busybox: busyboxRelease(tag) }),
  },
  {
    // The kubernetes.io pages' and e2e tests' busybox, pushed in 2016 and never rebuilt.
    names: ['gcr.io/google-containers/busybox', 'gcr.io/google_containers/busybox', 'k8s.gcr.io/busybox'],
    listens: [],
    executables: BUSYBOX,
    shell: 'ash',
    env: [['PATH', PATH_DEFAULT]],
    tools: oldBusybox('1.24.2'),
  },
  {
    // Busybox built with buildroot in 2014, plus curl (radial/busyboxplus:curl).
    names: ['radial/busyboxplus'],
    listens: [],
    executables: [...BUSYBOX, 'curl'],
    shell: 'ash',
    env: [['PATH', PATH_DEFAULT]],
    tools: oldBusybox('1.22.1'),
  },
  {
    names: ['curlimages/curl', 'quay.io/curl/curl'],
    listens: [],
    executables: [...BUSYBOX, 'curl'],
    shell: 'ash',
    env: [
      ['PATH', PATH_DEFAULT],
      ['CURL_CA_BUNDLE', '/cacert.pem'],
      ['CURL_RELEASE_TAG', 'curl-8_17_0'],
      ['CURL_GIT_REPO', 'https://github.com/curl/curl.git'],
      ['CURL_RELEASE_VERSION', '8_17_0'],
    ],
  },
  { names: ['alpine'], listens: [], executables: BUSYBOX, shell: 'ash', env: [['PATH', PATH_DEFAULT]] },
  {
    names: ['ubuntu', 'debian'],
    listens: [],
    executables: DEBIAN,
    shell: 'dash',
    env: [['PATH', PATH_DEFAULT]],
  },
  {
    // Debian jessie with dnsutils (BIND 9.9's dig, host, nslookup) and iputils-ping: the image of
    // the kubernetes.io "Debugging DNS Resolution" page.
    names: ['registry.k8s.io/e2e-test-images/jessie-dnsutils', 'gcr.io/kubernetes-e2e-test-images/dnsutils'],
    listens: [],
    executables: [...DEBIAN, 'nslookup', 'dig', 'host', 'ping'],
    shell: 'dash',
    env: [['PATH', PATH_DEFAULT]],
    tools: () => ({ nslookup: 'bind' }),
  },
  {
    // Alpine with bash, curl, bind-tools (whose nslookup replaces busybox's) and more.
    names: ['nicolaka/netshoot'],
    listens: [],
    executables: [...BUSYBOX, 'bash', 'curl', 'dig', 'host'],
    shell: 'ash',
    env: [['PATH', PATH_DEFAULT]],
    tools: () => ({ nslookup: 'bind' }),
  },
];
