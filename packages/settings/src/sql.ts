// The settings package's SQL home (issue 21): every statement it runs, with named parameters and
// the shape of its rows.
import { sql } from '@keydesk/db';

export const settingByKey = sql<{ value: string; isSecret: number }, { key: string }>(
  'SELECT value, isSecret FROM Setting WHERE key = @key',
);

export const upsertSetting = sql<never, { key: string; value: string; isSecret: number; updatedAt: number }>(
  `INSERT INTO Setting (key, value, isSecret, updatedAt) VALUES (@key, @value, @isSecret, @updatedAt)
   ON CONFLICT (key) DO UPDATE SET value = excluded.value, isSecret = excluded.isSecret, updatedAt = excluded.updatedAt`,
);

export const deleteSetting = sql<never, { key: string }>('DELETE FROM Setting WHERE key = @key');

export const anySecret = sql<{ found: number }>('SELECT 1 AS found FROM Setting WHERE isSecret = 1 LIMIT 1');
