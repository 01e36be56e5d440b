/**
 * The image catalog: which images the simulated registry has, what ports their apps listen on,
 * how they answer, what they log, and which programs `kubectl exec` finds in them. An image not
 * listed here fails to pull, as a typo does on a real cluster.
 */
import type { Container } from '../api/types.ts';
import type { AppContext, HttpRequest, HttpResponse } from './http-types.ts';
import { NGINX } from './apps/nginx.ts';
import { HTTPD } from './apps/httpd.ts';
import { HTTP_ECHO } from './apps/http-echo.ts';
import { ECHOSERVER } from './apps/echoserver.ts';
import { SERVE_HOSTNAME } from './apps/serve-hostname.ts';
import { HELLO_APP } from './apps/hello-app.ts';
import { KUBERNETES_BOOTCAMP } from './apps/kubernetes-bootcamp.ts';
import { HELLO_GO_GKE } from './apps/hello-go-gke.ts';
import { HELLO_FRONTEND } from './apps/hello-frontend.ts';
import { KUBE101_HELLO } from './apps/kube101-hello.ts';
import { CLIENT_IMAGES } from './apps/clients.ts';
import { SYSTEM_IMAGES } from './apps/system.ts';
import type { ToolVersions } from './apps/toolsets.ts';

export interface StartupContext {
  pod: AppContext['pod'];
  container: Container;
  now: number;
}

export interface ImageSpec {
  /** Repository names that resolve to this image (`nginx`, `docker.io/library/nginx`); any tag. */
  names: readonly string[];
  /** Ports the app listens on by default (TCP). */
  listens: readonly number[];
  /** Ports a given container listens on, when its args or env change them (`-listen=:8080`, `$PORT`). */
  ports?(container: Container): number[];
  /** The app's answer to one HTTP request on `port`. */
  serve?(request: HttpRequest, port: number, context: AppContext): HttpResponse;
  /** The line the app writes to stdout for a request it served (access log), if any. */
  accessLog?(request: HttpRequest, response: HttpResponse, context: AppContext): string | undefined;
  /** What the container prints when it starts. */
  startup?(context: StartupContext): string[];
  /** Programs on the image's PATH (`kubectl exec POD -- curl` needs `curl` here); empty: distroless. */
  executables: readonly string[];
  /** What /bin/sh is in the image, if it has one. */
  shell?: 'ash' | 'dash' | 'bash';
  /** ENV lines of the image, shown by `printenv`. */
  env?: readonly (readonly [string, string])[];
  /** Which releases of its tools an image of this tag carries (`busybox:1.28`'s nslookup is the old one). */
  tools?(tag: string): ToolVersions;
}

export const IMAGE_CATALOG: readonly ImageSpec[] = [
  NGINX,
  HTTPD,
  HTTP_ECHO,
  ECHOSERVER,
  SERVE_HOSTNAME,
  HELLO_APP,
  KUBERNETES_BOOTCAMP,
  HELLO_GO_GKE,
  HELLO_FRONTEND,
  KUBE101_HELLO,
  ...CLIENT_IMAGES,
  ...SYSTEM_IMAGES,
];

/** Split `registry/repo:tag@digest` into repository and tag (`latest` when it has none). */
function parseReference(reference: string): { repository: string; tag: string } {
  const withoutDigest = reference.split('@')[0] ?? reference;
  const lastColon = withoutDigest.lastIndexOf(':');
  return lastColon > withoutDigest.lastIndexOf('/')
    ? { repository: withoutDigest.slice(0, lastColon), tag: withoutDigest.slice(lastColon + 1) }
    : { repository: withoutDigest, tag: 'latest' };
}

/** Look an image reference up, ignoring registry prefix and tag the way the catalog is keyed. */
export function findImage(reference: string): ImageSpec | undefined {
  const { repository } = parseReference(reference);
  const short = repository.replace(/^docker\.io\/(library\/)?/, '');
  return IMAGE_CATALOG.find((image) => image.names.includes(short) || image.names.includes(repository));
}

/** The releases of the tools inside a container of this image reference. */
export function imageTools(reference: string): ToolVersions {
  return findImage(reference)?.tools?.(parseReference(reference).tag) ?? {};
}

/** The ports a container of this image listens on. */
export function listeningPorts(image: ImageSpec, container: Container): number[] {
  return image.ports ? image.ports(container) : [...image.listens];
}

/**
 * The lines a container prints when it starts (`kubectl logs` shows them first). The kubelet
 * calls this when it moves a container to running and appends them to runtime.logs.
 */
export function startupLogs(image: string, context: StartupContext): string[] {
  return findImage(image)?.startup?.(context) ?? [];
}
