// Server settings from the environment (read at request time, never baked into the build).
import { resolve } from 'node:path';
import type { DatabaseLocation } from './db/open-database.ts';

export interface ServerConfig {
  database: DatabaseLocation;
  adminToken: string | undefined;
  /** TRUST_PROXY=true: a proxy in front sets X-Forwarded-Proto, so it may be believed. */
  trustProxy: boolean;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const database: DatabaseLocation = env.DATABASE_URL
    ? { driver: 'postgres', url: env.DATABASE_URL }
    : { driver: 'pglite', dataDir: resolve(env.DATA_DIR || './data') };
  return { database, adminToken: env.ADMIN_TOKEN || undefined, trustProxy: readTrustProxy(env.TRUST_PROXY) };
}

function readTrustProxy(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new Error(`TRUST_PROXY must be "true" or "false", not "${value}".`);
}
