/**
 * `wget`: busybox's in pods (`wget -qO- http://web:82`), GNU wget on the workstation; each with
 * its own progress lines and error messages.
 */
import type { CommandIO, ShellCommand, ShellContext } from '../command.ts';
import { KERNEL_CONNECT_TIMEOUT_MS, httpRequest, parseUrl, type ParsedUrl } from '../../net/http.ts';
import { REASONS, byteLength, headerField } from '../../net/http-types.ts';
import { resolveDns } from '../../net/dns.ts';

interface WgetOptions {
  quiet: boolean;
  output: string | undefined;
  timeoutMs: number | undefined;
  spider: boolean;
  headers: [string, string][];
  urls: string[];
}

function parse(args: string[], io: CommandIO, gnu: boolean): WgetOptions | number {
  const options: WgetOptions = {
    quiet: false,
    output: undefined,
    timeoutMs: undefined,
    spider: false,
    headers: [],
    urls: [],
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--spider') options.spider = true;
    else if (arg === '--quiet') options.quiet = true;
    else if (arg.startsWith('--output-document=')) options.output = arg.slice(18);
    else if (arg === '--output-document') options.output = args[++index];
    else if (arg.startsWith('--timeout=')) options.timeoutMs = Number(arg.slice(10)) * 1000;
    else if (arg.startsWith('--header=')) addHeader(options, arg.slice(9));
    else if (arg === '--header') addHeader(options, args[++index] ?? '');
    else if (arg.startsWith('--')) continue;
    else if (arg.startsWith('-') && arg.length > 1) {
      for (let i = 1; i < arg.length; i++) {
        const flag = arg[i];
        if (flag === 'q') options.quiet = true;
        else if (flag === 'O' || flag === 'T' || flag === 'U') {
          const value = i + 1 < arg.length ? arg.slice(i + 1) : args[++index];
          if (value === undefined) {
            io.stderr(
              gnu
                ? `wget: option requires an argument -- '${flag}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`
                : `wget: option requires an argument -- ${flag}\n`,
            );
            return gnu ? 2 : 1;
          }
          if (flag === 'O') options.output = value;
          if (flag === 'T') options.timeoutMs = Number(value) * 1000;
          break;
        } else if (!'SsvncNk'.includes(flag ?? '')) {
          io.stderr(
            gnu
              ? `wget: invalid option -- '${flag}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`
              : `wget: unrecognized option: ${flag}\n`,
          );
          return gnu ? 2 : 1;
        }
      }
    } else options.urls.push(arg);
  }
  return options;
}

function addHeader(options: WgetOptions, value: string): void {
  const field = headerField(value);
  if (field) options.headers.push(field);
}

/** One URL to fetch, with what both wgets need for it. */
interface Download {
  rawUrl: string;
  url: ParsedUrl;
  options: WgetOptions;
  io: CommandIO;
  shell: ShellContext;
  /** Progress and messages, unless `-q`. */
  say(text: string): void;
}

export const wget: ShellCommand = async (args, io, shell) => {
  const gnu = shell.machine.origin.kind === 'workstation';
  const parsed = parse(args, io, gnu);
  if (typeof parsed === 'number') return parsed;
  if (parsed.urls.length === 0) {
    io.stderr(
      gnu
        ? `wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`
        : 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n',
    );
    return 1;
  }
  const say = (text: string): void => {
    if (!parsed.quiet) io.stderr(text);
  };
  let code = 0;
  for (const rawUrl of parsed.urls) {
    const url = parseUrl(rawUrl);
    if (!url || 'unsupported' in url) {
      io.stderr(gnu ? `${rawUrl}: Unsupported scheme.\n` : `wget: not an http or ftp url: ${rawUrl}\n`);
      code = 1;
      continue;
    }
    const download: Download = { rawUrl, url, options: parsed, io, shell, say };
    const result = gnu ? await gnuWget(download) : await busyboxWget(download);
    if (result !== 0) code = result;
  }
  return code;
};

function saveName(target: string): string {
  const name = target.split('?')[0]?.split('/').pop();
  return name ? name : 'index.html';
}

async function busyboxWget({ rawUrl, url, options, io, shell, say }: Download): Promise<number> {
  const origin = shell.machine.origin;
  const resolved = resolveDns(shell.runtime, url.host, origin.kind === 'pod' ? origin.namespace : undefined);
  if (resolved.kind === 'nxdomain') {
    io.stderr(`wget: bad address '${url.authority}'\n`);
    return 1;
  }
  const ip = resolved.addresses[0] as string;
  say(`Connecting to ${url.authority} (${ip}:${url.port})\n`);
  const result = httpRequest(shell.runtime, {
    from: origin,
    url: rawUrl.includes('://') ? rawUrl : `http://${rawUrl}`,
    method: options.spider ? 'HEAD' : 'GET',
    headers: [['Host', url.authority], ['User-Agent', 'Wget'], ...options.headers],
  });
  if (result.kind === 'error') {
    if (result.code === 'timeout') {
      const waited = options.timeoutMs ?? KERNEL_CONNECT_TIMEOUT_MS;
      await shell.runtime.wait(waited, io.signal);
      io.stderr(
        options.timeoutMs !== undefined
          ? 'wget: download timed out\n'
          : `wget: can't connect to remote host (${ip}): Connection timed out\n`,
      );
    } else if (result.code === 'refused') {
      io.stderr(`wget: can't connect to remote host (${ip}): Connection refused\n`);
    } else {
      io.stderr(`wget: error getting response: Connection reset by peer\n`);
    }
    return 1;
  }
  if (result.status >= 400) {
    io.stderr(`wget: server returned error: HTTP/1.1 ${result.status} ${REASONS[result.status] ?? ''}\n`);
    return 1;
  }
  if (options.spider) {
    say('remote file exists\n');
    return 0;
  }
  const size = byteLength(result.body);
  const toStdout = options.output === '-';
  const file = options.output ?? saveName(url.target);
  if (toStdout) {
    say('writing to stdout\n');
    io.stdout(result.body);
    say(
      `-                    100% |********************************|   ${String(size).padStart(3)}  0:00:00 ETA\nwritten to stdout\n`,
    );
    return 0;
  }
  if (!options.output && shell.machine.fs.exists(file)) {
    io.stderr(`wget: can't open '${file}': File exists\n`);
    return 1;
  }
  say(`saving to '${file}'\n`);
  shell.machine.fs.write(file, result.body);
  say(
    `${file.padEnd(20)} 100% |********************************|   ${String(size).padStart(3)}  0:00:00 ETA\n'${file}' saved\n`,
  );
  return 0;
}

async function gnuWget({ rawUrl, url, options, io, shell, say }: Download): Promise<number> {
  const full = rawUrl.includes('://') ? rawUrl : `http://${rawUrl}`;
  const stamp = new Date(shell.runtime.clock.now()).toISOString().slice(0, 19).replace('T', ' ');
  say(`--${stamp}--  ${full.replace(/^(https?:\/\/[^/]+)$/, '$1/')}\n`);
  const resolved = resolveDns(shell.runtime, url.host, undefined);
  if (resolved.kind === 'nxdomain') {
    say(`Resolving ${url.host} (${url.host})... failed: Name or service not known.\n`);
    io.stderr(`wget: unable to resolve host address ‘${url.host}’\n`);
    return 4;
  }
  say(`Connecting to ${url.host}:${url.port}... `);
  const result = httpRequest(shell.runtime, {
    from: shell.machine.origin,
    url: full,
    method: options.spider ? 'HEAD' : 'GET',
    headers: [['Host', url.authority], ['User-Agent', 'Wget/1.25.0'], ['Accept', '*/*'], ...options.headers],
  });
  if (result.kind === 'error') {
    if (result.code === 'timeout') {
      const waited = options.timeoutMs ?? KERNEL_CONNECT_TIMEOUT_MS;
      await shell.runtime.wait(waited, io.signal);
      say(`failed: Connection timed out.\nRetrying.\n\n`);
      io.stderr(options.quiet ? '' : `Giving up.\n\n`);
      return 4;
    }
    say(`failed: Connection refused.\n`);
    return 4;
  }
  say(
    `connected.\nHTTP request sent, awaiting response... ${result.status} ${REASONS[result.status] ?? ''}\n`,
  );
  if (result.status >= 400) {
    say(`${stamp} ERROR ${result.status}: ${REASONS[result.status] ?? ''}.\n\n`);
    return 8;
  }
  const size = byteLength(result.body);
  const type = result.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? 'text/plain';
  say(`Length: ${size} [${type.split(';')[0]}]\n`);
  if (options.spider) {
    say(
      'Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n',
    );
    return 0;
  }
  const toStdout = options.output === '-';
  const file = options.output ?? saveName(url.target);
  say(`Saving to: ‘${toStdout ? 'STDOUT' : file}’\n\n`);
  if (toStdout) io.stdout(result.body);
  else shell.machine.fs.write(file, result.body);
  say(
    `${(toStdout ? '-' : file).padEnd(20)}100%[===================>]  ${String(size).padStart(6)}  --.-KB/s    in 0s      \n\n`,
  );
  say(
    `${stamp} (${(size / 1024 / 0.00001 / 1024).toFixed(1)} MB/s) - ${toStdout ? 'written to stdout' : `‘${file}’ saved`} [${size}/${size}]\n\n`,
  );
  return 0;
}
