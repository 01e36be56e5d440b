/** Images people run as throw-away clients: they serve nothing, they carry tools. */
import type { ImageSpec } from '../images.ts';
import { BUSYBOX, DEBIAN, PATH_DEFAULT } from './toolsets.ts';

export const CLIENT_IMAGES: readonly ImageSpec[] = [
  { names: ['busybox'], listens: [], executables: BUSYBOX, shell: 'ash', env: [['PATH', PATH_DEFAULT]] },
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
    names: ['nicolaka/netshoot'],
    listens: [],
    executables: [...DEBIAN, 'curl', 'wget', 'nslookup', 'ping'],
    shell: 'ash',
    env: [['PATH', PATH_DEFAULT]],
  },
];
