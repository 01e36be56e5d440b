// Server settings from the environment (read at request time, never baked into the build).
import { resolve } from 'node:path';
import type { DatabaseLocation } from './db/open-database.ts';

export interface ServerConfig {
  database: DatabaseLocation;
  adminToken: string | undefined;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const database: DatabaseLocation = env.DATABASE_URL
    ? { driver: 'postgres', url: env.DATABASE_URL }
    : { driver: 'pglite', dataDir: resolve(env.DATA_DIR || './data') };
  return { database, adminToken: env.ADMIN_TOKEN || undefined };
}
