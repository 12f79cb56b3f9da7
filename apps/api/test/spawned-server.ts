// The real server as its own process (`node --import tsx apps/api/src/main.ts`, the `npm start`
// entry point), for tests that must kill it with SIGKILL and start it again on the same file.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '@keydesk/db';
import Database from 'better-sqlite3';
import { createTestOwner } from './http-test-server.ts';

const root = path.resolve(import.meta.dirname, '../../..');

export type SpawnedServer = {
  url: string;
  pid: number;
  /** Everything it printed on stdout and stderr so far. */
  output(): string;
  /** Resolves once the output matches, or fails with the output after timeoutMs. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGKILL: no shutdown handler runs, no transaction finishes, nothing is flushed. */
  kill(): Promise<void>;
  /** SIGTERM, the clean shutdown. */
  stop(): Promise<void>;
};

export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  // node with tsx's loader in one process: SIGKILL on the tsx wrapper would leave its child running.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onChunk = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onChunk);
  child.stderr?.on('data', onChunk);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  function waitForOutput(pattern: RegExp, timeoutMs = 90_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      const check = () => {
        if (pattern.test(output)) {
          done();
          resolve();
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(new Error(`The server exited before printing ${pattern}:\n${output}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`The server did not print ${pattern} within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      listeners.add(check);
      void exited.then(check);
      check();
    });
  }

  await waitForOutput(/running at http:\/\/\S+/);
  const url = output.match(/running at (http:\/\/\S+)/)?.[1] ?? '';
  return {
    url,
    pid: child.pid ?? 0,
    output: () => output,
    waitForOutput,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A scratch folder whose database and secret key every server started on it shares, as after a restart. */
export type ScratchServerFolder = {
  dir: string;
  dbFile: string;
  /** Spawns the server on the folder's database, with `env` added to its environment. */
  start(env?: Record<string, string>): Promise<SpawnedServer>;
  /** Runs `query` on a read-only connection of its own, closed after, while a server may be writing. */
  read<T>(query: (sqlite: Database.Database) => T): T;
  /** SIGKILLs every server started that is still running, then removes the folder. */
  clean(): Promise<void>;
};

/** Migrates the folder's database, adds the test owner and whatever `seed` writes, and closes it. */
export async function createScratchServerFolder(
  prefix: string,
  seed: (db: Db) => Promise<unknown> = async () => {},
): Promise<ScratchServerFolder> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const dbFile = path.join(dir, 'data', 'keydesk.db');
  const db = await createDb({ file: dbFile });
  await createTestOwner(db);
  await seed(db);
  await db.close();
  const servers: SpawnedServer[] = [];
  return {
    dir,
    dbFile,
    async start(env = {}) {
      const server = await spawnServer({
        DATABASE_URL: `file:${dbFile}`,
        KEYDESK_SECRET_KEY_FILE: path.join(dir, 'keydesk.key'),
        ...env,
      });
      servers.push(server);
      return server;
    },
    read(query) {
      const sqlite = new Database(dbFile, { readonly: true });
      try {
        return query(sqlite);
      } finally {
        sqlite.close();
      }
    },
    async clean() {
      for (const server of servers.splice(0)) await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
