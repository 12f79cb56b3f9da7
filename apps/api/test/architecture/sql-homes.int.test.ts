// One home for SQL (issue 21): statements are declared with `sql()` from @keydesk/db in a
// package's `src/sql.ts` or `src/sql/` folder, with named parameters and a declared row type, so no
// caller prepares a statement or casts a row. Each declared statement is prepared here against the
// migrated schema, so a typo in any of them fails this test rather than a request.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { declaredStatements } from '@keydesk/db';
import { createTestDb } from '@keydesk/db/testing';
import { describe, expect, it } from 'vitest';
import '@keydesk/analytics';
import '@keydesk/announcements';
import '@keydesk/audit';
import '@keydesk/auth';
import '@keydesk/conversations';
import '@keydesk/customers';
import '@keydesk/db/demo';
import '@keydesk/ingestion';
import '@keydesk/mail';
import '@keydesk/maintenance';
import '@keydesk/privacy';
import '@keydesk/privacy/testing';
import '@keydesk/search';
import '@keydesk/settings';

const root = path.resolve(import.meta.dirname, '../../../..');

/** The typed helper itself, and the migration machinery that runs before any schema exists. */
const LOW_LEVEL = new Set([
  'packages/db/src/sql.ts',
  'packages/db/src/migrate.ts',
  'packages/db/src/deferred-indexes.ts',
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
    // A SQL home may prepare a statement whose text exists only at run time (a table name read
    // from sqlite_master); it still casts no row. Everywhere else, neither.
    const offenders = files.filter((file) => {
      if (LOW_LEVEL.has(file)) return false;
      const text = readFileSync(path.join(root, file), 'utf8');
      return (PREPARE.test(text) && !isSqlHome(file)) || ROW_CAST.test(text);
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

  it('gives each package one SQL home: src/sql.ts or src/sql/, not both', () => {
    // @keydesk/db's src/sql.ts is the helper itself; its statements live in src/sql/.
    const packages = readdirSync(path.join(root, 'packages')).filter((p) => p !== 'db');
    const both = packages.filter((p) =>
      ['sql.ts', 'sql'].every((home) => existsSync(path.join(root, 'packages', p, 'src', home))),
    );
    expect(both).toEqual([]);
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
