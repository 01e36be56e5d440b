// The one App of this server process, opened on first use from the environment. PGlite must be
// closed cleanly (and its lock file removed) when the process is told to stop.
import { createApp, type App } from './app.ts';
import { readServerConfig } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/open-database.ts';

let app: Promise<App> | undefined;

export function getServerApp(): Promise<App> {
  app ??= open().catch((error: unknown) => {
    app = undefined;
    throw error;
  });
  return app;
}

async function open(): Promise<App> {
  const config = readServerConfig();
  const database = await openDatabase(config.database);
  closeOnSignals(database);
  // Imported here, not at the top: the catalog is bundled by Vite (import.meta.glob), and handlers
  // run outside Vite too (test servers give their App a catalog read from disk).
  const { exerciseCatalog } = await import('../course/course-exercises.ts');
  return createApp(database, exerciseCatalog(), {
    adminToken: config.adminToken,
    trustProxy: config.trustProxy,
  });
}

function closeOnSignals(database: DatabaseHandle) {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      database.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Closing the database failed:', error);
          process.exit(1);
        },
      );
    });
  }
}
