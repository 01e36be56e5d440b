/**
 * `pods/exec` and `pods/attach` over WebSocket, the remote-command channel protocol
 * (v5.channel.k8s.io, v4 too): one byte of channel (0 stdin, 1 stdout, 2 stderr, 3 the final
 * Status, 4 resize, 255 close a channel) before each message. The program runs in the simulated
 * container once stdin is closed (or at once without stdin). A client that only speaks SPDY, and
 * port-forward (kubectl tunnels SPDY through the WebSocket), get a clear Status error.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { StatusError } from '../sim/api/status-error.ts';
import type { KubeObject } from '../sim/api/types.ts';
import { ContainerExecError } from '../sim/net/container-exec.ts';
import { parsePath } from './request-path.ts';
import type { ServedCluster } from './served-cluster.ts';
import { internalError } from './status.ts';

const CHANNEL_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;

const sockets = new WebSocketServer({
  noServer: true,
  handleProtocols: (protocols) => CHANNEL_PROTOCOLS.find((p) => protocols.has(p)) ?? false,
});

/** Answer an upgrade that cannot be served with a Status, the way the API server refuses one. */
function refuse(socket: Duplex, error: StatusError): void {
  const body = JSON.stringify(error.status);
  socket.end(
    `HTTP/1.1 ${error.code} ${error.status.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function handleUpgrade(
  served: ServedCluster,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const parsed = parsePath(url.pathname);
  const subresource = parsed.kind === 'resource' ? parsed.path.subresource : undefined;
  if (
    parsed.kind !== 'resource' ||
    parsed.path.type.resource !== 'pods' ||
    !['exec', 'attach'].includes(subresource ?? '')
  ) {
    const portForward = parsed.kind === 'resource' && subresource === 'portforward';
    return refuse(
      socket,
      StatusError.badRequest(
        portForward
          ? 'port-forward is not available on this simulated cluster: use `kubectl port-forward` in the course terminal or kubesim'
          : 'upgrade request not supported on this path',
      ),
    );
  }
  if ((request.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
    return refuse(
      socket,
      StatusError.badRequest(
        'this simulated API server streams exec and attach over WebSocket (v5.channel.k8s.io) only; SPDY is not supported: use kubectl 1.31 or later',
      ),
    );
  }
  let pod: KubeObject;
  try {
    served.catchUp();
    pod = served.api.get('pods', parsed.path.namespace ?? 'default', parsed.path.name as string);
  } catch (error) {
    return refuse(socket, error instanceof StatusError ? error : internalError(error));
  }
  sockets.handleUpgrade(request, socket, head, (ws) => {
    runStream(served, ws, pod, subresource as 'exec' | 'attach', url.searchParams);
  });
}

interface ContainerSpec {
  name: string;
  command?: string[];
  args?: string[];
}

function runStream(
  served: ServedCluster,
  ws: WebSocket,
  pod: KubeObject,
  subresource: 'exec' | 'attach',
  query: URLSearchParams,
): void {
  const v5 = ws.protocol === 'v5.channel.k8s.io';
  const containers = ((pod['spec'] ?? {}) as { containers?: ContainerSpec[] }).containers ?? [];
  const container = containers.find((c) => c.name === query.get('container')) ?? containers[0];
  const argv =
    subresource === 'exec'
      ? query.getAll('command')
      : [...(container?.command ?? []), ...(container?.args ?? [])];
  const wantsStdin = query.get('stdin') === 'true';
  const send = (channel: number, text: string): void => {
    if (text && ws.readyState === ws.OPEN)
      ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text)]));
  };
  const finish = (status: object): void => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(Buffer.concat([Buffer.from([ERROR]), Buffer.from(JSON.stringify(status))]));
    ws.close(1000);
  };
  let stdin = '';
  let started = false;
  const start = async (): Promise<void> => {
    if (started) return;
    started = true;
    try {
      const result = await served.runtime.execInPod(
        {
          namespace: pod.metadata.namespace ?? 'default',
          pod: pod.metadata.name,
          container: container?.name,
        },
        argv,
        { stdin, stdout: (text: string) => send(STDOUT, text), stderr: (text: string) => send(STDERR, text) },
      );
      // Without a live terminal a shell never stays attached; count it as a clean end.
      const code = result === 'attached' ? 0 : result;
      served.catchUp();
      // An attach ends with the stream; kubectl reads the exit code from the pod's status.
      finish(
        code === 0 || subresource === 'attach'
          ? { metadata: {}, status: 'Success' }
          : {
              metadata: {},
              status: 'Failure',
              message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${code}`,
              reason: 'NonZeroExitCode',
              details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
            },
      );
    } catch (error) {
      const message =
        error instanceof ContainerExecError || error instanceof Error ? error.message : String(error);
      finish({ metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 });
    }
  };
  ws.on('message', (data: Buffer) => {
    const channel = data[0];
    if (channel === STDIN) stdin += data.subarray(1).toString('utf8');
    else if (v5 && channel === CLOSE && data[1] === STDIN) void start();
  });
  ws.on('close', () => void start());
  if (!wantsStdin) void start();
}
