// Starts Keydesk: checks configuration, migrates the database, serves on one port.
// Every configuration problem ends in one sentence, not a stack trace.
import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_THROTTLE_POLICY, hasOwner, PendingSecondFactorStore, SetupTokenStore } from '@keydesk/auth';
import { createDb, DatabaseConfigError, MigrationChecksumError, resolveDatabaseFile } from '@keydesk/db';
import { releaseInterruptedOutboxEmails } from '@keydesk/mail';
import { runningServerPid, writeServerPidFile } from '@keydesk/maintenance';
import { SecretKeyError } from '@keydesk/settings';
import type { AppServices } from './context.ts';
import { ConfigError, readEnv, repoRoot, webhookSecretFallbacks } from './env.ts';
import { backgroundWorkers } from './jobs/registry.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { createLogger } from './logger.ts';
import { openSettings } from './open-settings.ts';
import { createServer } from './server.ts';

class StartupError extends Error {}

function ensureWritableFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch {
    throw new StartupError(
      `The data folder ${folder} cannot be written to; fix its permissions or set DATABASE_URL to a writable place.`,
    );
  }
}

async function main(): Promise<void> {
  const env = readEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const dbFile = resolveDatabaseFile(env.DATABASE_URL, repoRoot());
  ensureWritableFolder(path.dirname(dbFile));
  const db = await createDb({ file: dbFile });
  if (db.migrations && db.migrations.applied.length > 0) {
    logger.info('database migrated', { applied: db.migrations.applied });
  }

  const services: AppServices = {
    db,
    settings: openSettings(db, dbFile, env),
    mailFallback: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    webhookSecretFallbacks: webhookSecretFallbacks(env),
    publicUrl: env.PUBLIC_URL,
    logger,
    sessionPolicy: {
      idleMs: env.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: env.SESSION_MAX_HOURS * 3_600_000,
    },
    setupTokens: new SetupTokenStore(),
    pendingSecondFactors: new PendingSecondFactorStore(),
    loginThrottle: DEFAULT_THROTTLE_POLICY,
    trustProxy: env.TRUST_PROXY,
    now: () => new Date(),
  };
  // With no other live server on this file, an email left in "sending" was cut off by this
  // server's previous death (SIGKILL, power loss): send it now rather than when its lease ends.
  // Not worth failing the start for: if another program holds the write lock, the lease decides.
  if (runningServerPid(dbFile) === null) {
    try {
      const released = releaseInterruptedOutboxEmails(db, services.now());
      if (released > 0) logger.warn('outbox: emails interrupted by a crash will be sent again', { released });
    } catch (error) {
      logger.warn('outbox: interrupted emails wait for their lease', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const webDist = env.WEB_DIST ?? path.join(repoRoot(), 'apps/web/dist');
  const server = createServer({ services, webDist, publicUrl: env.PUBLIC_URL, host: env.HOST });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `Port ${env.PORT} on ${env.HOST} is already in use; stop the other program or set PORT to a free port.`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new StartupError(`Keydesk may not listen on port ${env.PORT}; choose a port above 1023 with PORT.`),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new StartupError(`HOST ${env.HOST} is not an address of this machine.`));
      } else reject(error);
    });
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const displayHost = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const baseUrl = env.PUBLIC_URL?.replace(/\/$/, '') ?? `http://${displayHost}:${port}`;
  console.log(`Keydesk is running at ${baseUrl}`);

  if (!(await hasOwner({ db }))) {
    const token = services.setupTokens.issue(services.now());
    console.log(
      `No owner yet. Create the owner account within 15 minutes at: ${baseUrl}/setup?token=${token}`,
    );
  }

  // Lets `npm run restore` see that the server holds the database open.
  const removePidFile = writeServerPidFile(dbFile);
  const workers = backgroundWorkers.map((worker) => worker.start(services));
  workers.push(startScheduler(services));

  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    server.close();
    server.closeAllConnections();
    void Promise.all(workers.map((w) => w.stop()))
      .then(() => db.close())
      .then(() => {
        removePidFile();
        process.exit(0);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseConfigError ||
    error instanceof StartupError ||
    error instanceof MigrationChecksumError ||
    error instanceof SecretKeyError
  ) {
    console.error(`Keydesk cannot start: ${error.message}`);
  } else if (error instanceof Error && /SQLITE_CANTOPEN|unable to open database/i.test(error.message)) {
    console.error(
      "Keydesk cannot start: the database file cannot be opened; check DATABASE_URL and the folder's permissions.",
    );
  } else if (error instanceof Error && /SQLITE_NOTADB|file is not a database/i.test(error.message)) {
    console.error('Keydesk cannot start: the file named by DATABASE_URL is not a SQLite database.');
  } else {
    console.error(`Keydesk cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
