// One home for SQL (issue 21): statements are declared with `sql()` from @keydesk/db in a
// package's `src/sql.ts` or `src/sql/` folder, with named parameters and a declared row type, so no
// caller prepares a statement or casts a row. Each declared statement is prepared here against the
// migrated schema, so a typo in any of them fails this test rather than a request.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { declaredStatements } from '@keydesk/db';
import { createTestDb } from '@keydesk/db/testing';
import { describe, expect, it } from 'vitest';
import '@keydesk/analytics';
import '@keydesk/audit';
import '@keydesk/auth';
import '@keydesk/conversations';
import '@keydesk/customers';
import '@keydesk/ingestion';
import '@keydesk/mail';
import '@keydesk/maintenance';
import '@keydesk/privacy';
import '@keydesk/search';
import '@keydesk/settings';

const root = path.resolve(import.meta.dirname, '../../../..');

/** The typed helper itself, and the migration machinery that runs before any schema exists. */
const LOW_LEVEL = new Set([
  'packages/db/src/sql.ts',
  'packages/db/src/migrate.ts',
  'packages/db/src/deferred-indexes.ts',
]);

/** Files not yet moved to their package's SQL home. This list only shrinks. */
const NOT_YET_MOVED = new Set([
  'packages/analytics/src/access-log/access-log-runs.ts',
  'packages/analytics/src/access-log/access-log-sql.ts',
  'packages/analytics/src/access-log/web-log-files.ts',
  'packages/analytics/src/charts/chart-sql.ts',
  'packages/analytics/src/charts/home-revenue.ts',
  'packages/analytics/src/money/convert.ts',
  'packages/analytics/src/money/ecb-rates.ts',
  'packages/analytics/src/overview-sql.ts',
  'packages/analytics/src/update-checks/update-checks.ts',
  'packages/audit/src/find-audit-entries.ts',
  'packages/audit/src/record-audit.ts',
  'packages/auth/src/owner-password.ts',
  'packages/auth/src/session-list.ts',
  'packages/auth/src/sql.ts',
  'packages/auth/src/two-factor.ts',
  'packages/conversations/src/find-conversations.ts',
  'packages/conversations/src/replay-tawk-event.ts',
  'packages/conversations/src/imap-sync.ts',
  'packages/conversations/src/import-run.ts',
  'packages/conversations/src/link-customer.ts',
  'packages/conversations/src/sql.ts',
  'packages/conversations/src/store-chat.ts',
  'packages/conversations/src/store-emails.ts',
  'packages/conversations/src/store-ticket.ts',
  'packages/conversations/src/tawk-webhook-log.ts',
  'packages/customers/src/customer-notes-sql.ts',
  'packages/customers/src/customer-notes.ts',
  'packages/db/src/demo/demo-analytics.ts',
  'packages/db/src/demo/demo-conversations.ts',
  'packages/db/src/demo/demo-customers.ts',
  'packages/db/src/search-index.ts',
  'packages/ingestion/src/csv-bulk-load.ts',
  'packages/ingestion/src/csv-import-runner.ts',
  'packages/ingestion/src/newsletter.ts',
  'packages/ingestion/src/order-lines.ts',
  'packages/ingestion/src/order-writer.ts',
  'packages/ingestion/src/paypro-ipn.ts',
  'packages/ingestion/src/receive-order-webhook.ts',
  'packages/ingestion/src/replay-webhook-event.ts',
  'packages/ingestion/src/stored-payload.ts',
  'packages/ingestion/src/webhook-event-log.ts',
  'packages/mail/src/email-templates.ts',
  'packages/mail/src/license-resend/resend-license-key.ts',
  'packages/mail/src/outbox-sql.ts',
  'packages/maintenance/src/backup-database.ts',
  'packages/maintenance/src/retention.ts',
  'packages/privacy/src/collect-customer-data.ts',
  'packages/privacy/src/erase-customer.ts',
  'packages/privacy/src/privacy-sql.ts',
  'packages/privacy/src/scan-database-rows.ts',
  'packages/privacy/src/testing.ts',
  'packages/search/src/find-closest-license-keys.ts',
  'packages/search/src/find-customers.ts',
  'packages/search/src/name-vocabulary.ts',
  'packages/search/src/search-sql.ts',
  'packages/settings/src/credentials.ts',
  'packages/settings/src/settings-store.ts',
]);

const isSqlHome = (file: string) => /^packages\/[^/]+\/src\/(sql\.ts|sql\/)/.test(file);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((file) => !file.includes('node_modules') && !file.includes('/generated/'));
}

const PREPARE = /\.prepare\(/;
const ROW_CAST = /\.(get|all)\([^()]*\)\s*as\s/;

describe('SQL homes', () => {
  const files = [
    ...readdirSync(path.join(root, 'packages')).flatMap((p) => sourceFiles(`packages/${p}/src`)),
    ...sourceFiles('apps/api/src'),
  ];

  it('prepares statements only through sql(), and casts no row', () => {
    const offenders = files.filter((file) => {
      if (LOW_LEVEL.has(file) || NOT_YET_MOVED.has(file)) return false;
      const text = readFileSync(path.join(root, file), 'utf8');
      return PREPARE.test(text) || ROW_CAST.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it("declares statements only in a package's SQL home", () => {
    const outside = files.filter((file) => {
      if (isSqlHome(file) || file === 'packages/db/src/sql.ts' || file === 'packages/db/src/index.ts')
        return false;
      return /\bsql<|\bsql\(`|\bsql\('/.test(readFileSync(path.join(root, file), 'utf8'));
    });
    expect(outside).toEqual([]);
  });

  it('lists only files that still need moving', () => {
    const moved = [...NOT_YET_MOVED].filter((file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      return !PREPARE.test(text) && !ROW_CAST.test(text);
    });
    expect(moved).toEqual([]);
  });

  it('prepares every declared statement against the migrated schema', async () => {
    const db = await createTestDb();
    try {
      const broken = declaredStatements().flatMap((s) => {
        try {
          db.sqlite.prepare(s.text);
          return [];
        } catch (error) {
          return [`${s.text.slice(0, 80)}: ${(error as Error).message}`];
        }
      });
      expect(broken).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
