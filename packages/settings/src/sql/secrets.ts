import { sql } from '@keydesk/db';

/** Whether any encrypted setting is stored: then a missing key must not be replaced by a new one. */
export const anySecretStoredSql = sql<{ one: number }>(
  'SELECT 1 AS one FROM Setting WHERE isSecret = 1 LIMIT 1',
);
