// Test helpers shared by every workspace: a real SQLite file, migrated, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type OpenedDb } from './client.ts';

export type TestDb = OpenedDb & { dir: string; destroy(): Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-test-'));
  const db = await createDb({ file: path.join(dir, 'keydesk.db') });
  return {
    ...db,
    dir,
    async destroy() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
