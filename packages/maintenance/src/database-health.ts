import type { Db } from '@keydesk/db';
import { pingSql } from './sql/health.ts';

/** Throws when the database cannot answer a trivial query (for /healthz). */
export function checkDatabaseAnswers(db: Db): void {
  pingSql.get(db);
}
