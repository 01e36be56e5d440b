/**
 * curl 8 with the options people use against Services (`-s`, `-S`, `-v`, `-i`, `-I`, `-L`, `-m`,
 * `--connect-timeout`, `-o`, `-w '%{http_code}'`, `-X`, `-H`, `-d`, `-k`, `-f`), its progress meter
 * when output is not a terminal, and its exact error lines and exit codes.
 */
import type { CommandIO, ShellCommand, ShellContext } from '../command.ts';
import { KERNEL_CONNECT_TIMEOUT_MS, httpRequest, parseUrl, type HttpResult } from '../../net/http.ts';
import { REASONS, byteLength, headerField } from '../../net/http-types.ts';
import { resolveDns } from '../../net/dns.ts';
import { findImage } from '../../net/images.ts';
import { WORKSTATION_IP } from '../../net/addresses.ts';

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  insecure: boolean;
  maxTimeMs: number | undefined;
  connectTimeoutMs: number | undefined;
  output: string | undefined;
  writeOut: string | undefined;
  method: string | undefined;
  headers: [string, string][];
  data: string | undefined;
  userAgent: string | undefined;
  urls: string[];
}

const VALUE_OPTIONS: Record<string, string> = {
  '-o': 'output',
  '--output': 'output',
  '-m': 'max-time',
  '--max-time': 'max-time',
  '--connect-timeout': 'connect-timeout',
  '-w': 'write-out',
  '--write-out': 'write-out',
  '-X': 'request',
  '--request': 'request',
  '-H': 'header',
  '--header': 'header',
  '-d': 'data',
  '--data': 'data',
  '--data-raw': 'data',
  '--data-binary': 'data',
  '--data-ascii': 'data',
  '-A': 'user-agent',
  '--user-agent': 'user-agent',
  '-u': 'user',
  '--user': 'user',
  '-e': 'referer',
  '--referer': 'referer',
  '--retry': 'retry',
  '--retry-delay': 'retry',
  '--url': 'url',
  '--resolve': 'resolve',
  '-x': 'proxy',
  '--proxy': 'proxy',
  '-b': 'cookie',
  '--cookie': 'cookie',
};

const FLAG_OPTIONS: Record<string, keyof CurlOptions | 'ignore'> = {
  '-s': 'silent',
  '--silent': 'silent',
  '-S': 'showError',
  '--show-error': 'showError',
  '-v': 'verbose',
  '--verbose': 'verbose',
  '-i': 'include',
  '--include': 'include',
  '-I': 'head',
  '--head': 'head',
  '-f': 'fail',
  '--fail': 'fail',
  '-k': 'insecure',
  '--insecure': 'insecure',
  '-L': 'ignore',
  '--location': 'ignore',
  '-4': 'ignore',
  '-6': 'ignore',
  '--compressed': 'ignore',
  '--http1.1': 'ignore',
  '-N': 'ignore',
  '--no-buffer': 'ignore',
  '--no-progress-meter': 'ignore',
  '-#': 'ignore',
  '--progress-bar': 'ignore',
  '--fail-with-body': 'fail',
  '-g': 'ignore',
  '--globoff': 'ignore',
  '--no-keepalive': 'ignore',
  '-Z': 'ignore',
};

function parseOptions(args: string[], io: CommandIO): CurlOptions | number {
  const options: CurlOptions = {
    silent: false,
    showError: false,
    verbose: false,
    include: false,
    head: false,
    fail: false,
    insecure: false,
    maxTimeMs: undefined,
    connectTimeoutMs: undefined,
    output: undefined,
    writeOut: undefined,
    method: undefined,
    headers: [],
    data: undefined,
    userAgent: undefined,
    urls: [],
  };
  const setValue = (name: string, value: string, flag: string): number | undefined => {
    switch (name) {
      case 'output':
        options.output = value;
        break;
      case 'max-time':
      case 'connect-timeout': {
        const seconds = Number(value);
        if (!Number.isFinite(seconds) || seconds < 0) {
          io.stderr(
            `curl: option ${flag}: expected a proper numerical parameter\ncurl: try 'curl --help' for more information\n`,
          );
          return 2;
        }
        if (name === 'max-time') options.maxTimeMs = seconds * 1000;
        else options.connectTimeoutMs = seconds * 1000;
        break;
      }
      case 'write-out':
        options.writeOut = value;
        break;
      case 'request':
        options.method = value;
        break;
      case 'header': {
        const field = headerField(value);
        if (field) options.headers.push(field);
        break;
      }
      case 'data':
        options.data = options.data === undefined ? value : `${options.data}&${value}`;
        break;
      case 'user-agent':
        options.userAgent = value;
        break;
      case 'url':
        options.urls.push(value);
        break;
      case 'user':
        options.headers.push(['Authorization', `Basic ${btoa(value)}`]);
        break;
      case 'referer':
        options.headers.push(['Referer', value]);
        break;
    }
    return undefined;
  };
  let index = 0;
  /** One option as written (`-o`, `--output`) with its value if attached (`--output=x`, `-ox`). */
  const option = (flag: string, attached: string | undefined): 'took-value' | 'flag' | number => {
    const valueName = VALUE_OPTIONS[flag];
    if (valueName) {
      const value = attached ?? args[++index];
      if (value === undefined) {
        io.stderr(`curl: option ${flag}: requires parameter\ncurl: try 'curl --help' for more information\n`);
        return 2;
      }
      return setValue(valueName, value, flag) ?? 'took-value';
    }
    const flagName = FLAG_OPTIONS[flag];
    if (!flagName) {
      io.stderr(`curl: option ${flag}: is unknown\ncurl: try 'curl --help' for more information\n`);
      return 2;
    }
    if (flagName !== 'ignore') (options[flagName] as boolean) = true;
    return 'flag';
  };
  for (; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const result =
        equals > 0 && VALUE_OPTIONS[arg.slice(0, equals)]
          ? option(arg.slice(0, equals), arg.slice(equals + 1))
          : option(arg, undefined);
      if (typeof result === 'number') return result;
    } else if (arg.startsWith('-') && arg.length > 1) {
      // Short options combine (`-sSL`); one taking a value takes the rest of the word or the next word.
      for (let i = 1; i < arg.length; i++) {
        const result = option(`-${arg[i]}`, i + 1 < arg.length ? arg.slice(i + 1) : undefined);
        if (typeof result === 'number') return result;
        if (result === 'took-value') break;
      }
    } else {
      options.urls.push(arg);
    }
  }
  return options;
}

/** The curl of this machine: the workstation's Debian curl, or the one in the container's image. */
function curlVersion(shell: ShellContext): string {
  const origin = shell.machine.origin;
  if (origin.kind === 'pod') {
    const pod = shell.runtime.api.tryGet('pods', origin.namespace, origin.name) as
      { spec?: { containers?: { image?: string }[] } } | undefined;
    const images = pod?.spec?.containers?.map((c) => c.image ?? '') ?? [];
    if (images.some((image) => findImage(image)?.names.includes('curlimages/curl'))) return '8.17.0';
  }
  return '8.14.1';
}

export const curl: ShellCommand = async (args, io, shell) => {
  const parsed = parseOptions(args, io);
  if (typeof parsed === 'number') return parsed;
  const options = parsed;
  if (options.urls.length === 0) {
    io.stderr(`curl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  const version = curlVersion(shell);
  const showErrors = !options.silent || options.showError;
  const meter = !options.silent && (!io.tty || options.output !== undefined);
  let exitCode = 0;
  for (const url of options.urls) {
    const code = await fetchOne(url, options, version, meter, showErrors, io, shell);
    if (code !== 0) exitCode = code;
  }
  return exitCode;
};

async function fetchOne(
  rawUrl: string,
  options: CurlOptions,
  version: string,
  meter: boolean,
  showErrors: boolean,
  io: CommandIO,
  shell: ShellContext,
): Promise<number> {
  const error = (code: number, message: string, extra = ''): number => {
    if (meter) io.stderr(`${progressLine(0)}\n`);
    if (options.verbose) io.stderr(`* closing connection #0\n`);
    if (showErrors) io.stderr(`curl: (${code}) ${message}\n${extra}`);
    writeOut(options, io, shell, {
      code: 0,
      url: rawUrl,
      exitCode: code,
      message,
      size: 0,
      remoteIp: '',
      remotePort: 0,
      contentType: '',
    });
    return code;
  };
  if (meter) io.stderr(PROGRESS_HEADER);
  const url = parseUrl(rawUrl);
  if (!url)
    return error(
      3,
      `URL rejected: ${/^[a-z]+:\/\/$/i.test(rawUrl) ? 'No host part in the URL' : 'Malformed input to a URL function'}`,
    );
  if ('unsupported' in url) return error(1, `Protocol "${url.unsupported}" not supported`);
  const origin = shell.machine.origin;
  const namespace = origin.kind === 'pod' ? origin.namespace : undefined;
  const resolved = resolveDns(shell.runtime, url.host, namespace);
  if (resolved.kind === 'nxdomain') return error(6, `Could not resolve host: ${url.host}`);
  const address = resolved.addresses[0] ?? url.host;
  if (options.verbose) {
    if (address !== url.host)
      io.stderr(
        `* Host ${url.host}:${url.port} was resolved.\n* IPv6: (none)\n* IPv4: ${resolved.addresses.join(', ')}\n`,
      );
    io.stderr(`*   Trying ${address}:${url.port}...\n`);
  }
  const method = options.method ?? (options.head ? 'HEAD' : options.data !== undefined ? 'POST' : 'GET');
  const headers: [string, string][] = [
    ['Host', url.authority],
    ['User-Agent', options.userAgent ?? `curl/${version}`],
    ['Accept', '*/*'],
  ];
  for (const [name, value] of options.headers) {
    const existing = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (existing >= 0) headers.splice(existing, 1);
    if (value !== '') headers.push([name, value]);
  }
  if (options.data !== undefined) {
    headers.push(['Content-Length', String(byteLength(options.data))]);
    if (!headers.some(([n]) => n.toLowerCase() === 'content-type'))
      headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  const result: HttpResult = httpRequest(shell.runtime, {
    from: origin,
    url: `${url.scheme}://${url.authority}${url.target}`,
    method,
    headers,
    body: options.data,
    insecure: options.insecure,
  });
  const host = url.host;
  if (result.kind === 'error') {
    const clientIp = origin.kind === 'workstation' ? WORKSTATION_IP : (result.path[0]?.ip ?? '0.0.0.0');
    switch (result.code) {
      case 'refused': {
        // kube-proxy's REJECT (or the node's RST) comes back at once.
        const elapsed = 0;
        if (options.verbose)
          io.stderr(
            `* connect to ${address} port ${url.port} from ${clientIp} port ${40000 + shell.runtime.random.int(20000)} failed: Connection refused\n* Failed to connect to ${host} port ${url.port} after ${elapsed} ms: Could not connect to server\n`,
          );
        return error(
          7,
          `Failed to connect to ${host} port ${url.port} after ${elapsed} ms: Could not connect to server`,
        );
      }
      case 'timeout': {
        const limit = [options.connectTimeoutMs, options.maxTimeMs].filter(
          (t): t is number => t !== undefined && t > 0,
        );
        const waited =
          limit.length > 0 ? Math.min(...limit) : KERNEL_CONNECT_TIMEOUT_MS + shell.runtime.random.int(2500);
        const elapsed = Math.round(waited) + (limit.length > 0 ? 1 + shell.runtime.random.int(5) : 0);
        await shell.runtime.wait(elapsed, io.signal);
        if (io.signal?.aborted) return 130;
        if (limit.length === 0)
          return error(
            28,
            `Failed to connect to ${host} port ${url.port} after ${elapsed} ms: Could not connect to server`,
          );
        if (
          options.maxTimeMs !== undefined &&
          (options.connectTimeoutMs === undefined || options.maxTimeMs <= options.connectTimeoutMs)
        ) {
          return error(28, `Connection timed out after ${elapsed} milliseconds`);
        }
        return error(
          28,
          `Failed to connect to ${host} port ${url.port} after ${elapsed} ms: Timeout was reached`,
        );
      }
      case 'tls':
        if (options.verbose)
          io.stderr(
            `* Connected to ${host} (${address}) port ${url.port}\n* ALPN: curl offers h2,http/1.1\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n`,
          );
        return error(35, `OpenSSL/3.5.1: error:0A00010B:SSL routines::wrong version number`);
      case 'certificate':
        return error(
          60,
          'SSL certificate problem: unable to get local issuer certificate',
          'More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the webpage mentioned above.\n',
        );
      default:
        return error(3, result.message);
    }
  }
  const statusLine = `HTTP/1.1 ${result.status} ${REASONS[result.status] ?? ''}`;
  const headerText = `${statusLine}\r\n${result.headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  if (options.verbose) {
    io.stderr(`* Connected to ${host} (${address}) port ${url.port}\n* using HTTP/1.x\n`);
    io.stderr(
      `> ${method} ${url.target} HTTP/1.1\r\n${headers.map(([n, v]) => `> ${n}: ${v}\r\n`).join('')}> \r\n`,
    );
    io.stderr(`* Request completely sent off\n`);
    io.stderr(
      headerText
        .split('\r\n')
        .slice(0, -1)
        .map((line) => `< ${line}\r\n`)
        .join(''),
    );
  }
  const body = method === 'HEAD' ? '' : result.body;
  if (options.fail && result.status >= 400) {
    return error(22, `The requested URL returned error: ${result.status}`);
  }
  let output = '';
  if (options.include || options.head) output += headerText;
  output += body;
  if (options.output !== undefined && options.output !== '-') {
    if (options.output !== '/dev/null') shell.machine.fs.write(options.output, output);
  } else {
    io.stdout(output);
  }
  if (meter) io.stderr(`${progressLine(byteLength(body))}\n`);
  if (options.verbose) io.stderr(`* Connection #0 to host ${host} left intact\n`);
  const contentType = result.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  writeOut(options, io, shell, {
    code: result.status,
    url: rawUrl,
    exitCode: 0,
    message: '',
    size: byteLength(body),
    remoteIp: result.remoteIp,
    remotePort: result.remotePort,
    contentType,
  });
  return 0;
}

const PROGRESS_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** The meter's last line: everything received in about two milliseconds. */
function progressLine(size: number): string {
  const percent = size > 0 ? '100' : '  0';
  const speed = size > 0 ? formatSize(Math.round(size / 0.002)) : '0';
  return `${percent} ${formatSize(size).padStart(5)}  ${percent} ${formatSize(size).padStart(5)}    0     0  ${speed.padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${speed.padStart(5)}`;
}

/** curl's five-character sizes: 615, 97.6k, 300k, 1.2M. */
function formatSize(bytes: number): string {
  if (bytes < 100_000) return String(bytes);
  const k = bytes / 1024;
  if (k < 100) return `${k.toFixed(1)}k`;
  if (k < 10_000) return `${Math.round(k)}k`;
  const m = k / 1024;
  return m < 100 ? `${m.toFixed(1)}M` : `${Math.round(m)}M`;
}

interface TransferInfo {
  code: number;
  url: string;
  exitCode: number;
  message: string;
  size: number;
  remoteIp: string;
  remotePort: number;
  contentType: string;
}

function writeOut(options: CurlOptions, io: CommandIO, shell: ShellContext, info: TransferInfo): void {
  if (options.writeOut === undefined) return;
  const elapsed = info.exitCode === 0 ? 0.001 + shell.runtime.random.int(2000) / 1_000_000 : 0;
  const variables: Record<string, string> = {
    http_code: String(info.code).padStart(3, '0'),
    response_code: String(info.code).padStart(3, '0'),
    url_effective: info.url,
    url: info.url,
    exitcode: String(info.exitCode),
    errormsg: info.message,
    size_download: String(info.size),
    size_header: '0',
    remote_ip: info.remoteIp,
    remote_port: info.remotePort ? String(info.remotePort) : '0',
    content_type: info.contentType,
    num_connects: info.exitCode === 0 ? '1' : '0',
    http_version: info.exitCode === 0 ? '1.1' : '0',
    method: options.method ?? (options.head ? 'HEAD' : options.data !== undefined ? 'POST' : 'GET'),
    time_total: elapsed.toFixed(6),
    time_connect: (elapsed / 2).toFixed(6),
    time_namelookup: (elapsed / 10).toFixed(6),
    time_starttransfer: (elapsed * 0.9).toFixed(6),
    speed_download: String(info.exitCode === 0 ? Math.round(info.size / elapsed) : 0),
  };
  const text = options.writeOut
    .replace(/%\{([a-z_]+)\}/g, (whole, name: string) => variables[name] ?? whole)
    .replace(/\\([nrt\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c] ?? c)
    .replace(/%%/g, '%');
  io.stdout(text);
}
