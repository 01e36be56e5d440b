// Starting PGlite on an empty directory runs initdb: seconds when the machine is idle, half a
// minute when it is busy. Tests start from a migrated template instead, built once per set of
// migrations and kept in node_modules/.cache: a directory to copy for server processes, and its
// dump for in-memory databases.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { readMigrations } from '../../../src/server/db/migrations.ts';
import { openDatabase } from '../../../src/server/db/open-database.ts';

const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/kube101-pglite/', import.meta.url));

export interface PGliteTemplate {
  /** A DATA_DIR holding a migrated database; copy it, never use it in place. */
  dataDir: string;
  dump: Blob;
}

let template: Promise<PGliteTemplate> | undefined;

export function pgliteTemplate(): Promise<PGliteTemplate> {
  template ??= loadOrBuild();
  return template;
}

async function loadOrBuild(): Promise<PGliteTemplate> {
  const packageJson = new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const key = createHash('sha256')
    .update(version)
    .update(JSON.stringify(readMigrations()))
    .digest('hex')
    .slice(0, 16);
  const base = join(CACHE, key);
  if (!existsSync(join(base, 'ready'))) {
    const building = `${base}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const dataDir = join(building, 'data');
    await (await openDatabase({ driver: 'pglite', dataDir })).close();
    const pglite = await PGlite.create(join(dataDir, 'pglite'));
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    writeFileSync(join(building, 'dump.tar'), Buffer.from(await dump.arrayBuffer()));
    writeFileSync(join(building, 'ready'), '');
    try {
      renameSync(building, base);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another worker finished first
    }
  }
  return { dataDir: join(base, 'data'), dump: new Blob([readFileSync(join(base, 'dump.tar'))]) };
}
