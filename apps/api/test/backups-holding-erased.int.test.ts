// Backups made before an erasure still hold the erased person: backups.findHoldingErased names
// them, and backups.replaceHoldingErased writes a fresh checked backup and only then deletes them.
import { existsSync } from 'node:fs';
import type { TestDb } from '@keydesk/db/testing';
import { backupDatabase } from '@keydesk/maintenance';
import { eraseCustomer, scanForPersonalData } from '@keydesk/privacy';
import { seedPrivacyCustomer } from '@keydesk/privacy/testing';
import { describe, expect, it } from 'vitest';
import { createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';

let db: TestDb;
useTestDb('each', (opened) => {
  db = opened;
});

describe('backups made before an erasure', () => {
  it('are listed, and replaced by a fresh backup that holds none of the erased person', async () => {
    const owner = createOwnerCaller(db);
    expect(await owner.backups.findHoldingErased()).toEqual({ latestErasureAt: null, backups: [] });
    const person = seedPrivacyCustomer(db);
    const t0 = Date.now();
    const old1 = await backupDatabase({ sqlite: db.sqlite, dbFile: db.file, now: new Date(t0 - 2000) });
    const old2 = await backupDatabase({ sqlite: db.sqlite, dbFile: db.file, now: new Date(t0 - 1000) });
    const who = { name: person.name, emails: [person.email, person.altEmail] };
    expect(scanForPersonalData([old1.backup.file], who).length).toBeGreaterThan(0);

    eraseCustomer({ db, customerId: person.customerId, confirmEmail: person.email, now: new Date(t0) });
    const later = await backupDatabase({ sqlite: db.sqlite, dbFile: db.file, now: new Date(t0 + 1000) });

    const found = await owner.backups.findHoldingErased();
    expect(found.latestErasureAt).toEqual(new Date(t0));
    expect(found.backups.map((b) => b.name).sort()).toEqual([old1.backup.name, old2.backup.name].sort());

    const replaced = await owner.backups.replaceHoldingErased();
    expect(replaced.removed.sort()).toEqual([old1.backup.name, old2.backup.name].sort());
    expect(existsSync(old1.backup.file) || existsSync(old2.backup.file)).toBe(false);
    expect(existsSync(later.backup.file)).toBe(true);
    const remaining = (await owner.backups.find()).backups.map((b) => b.name);
    expect(remaining).toContain(replaced.backup);
    expect(remaining).toContain(later.backup.name);
    expect((await owner.backups.findHoldingErased()).backups).toEqual([]);
    expect(remaining).toHaveLength(2);
    // The seed also uses the surname as a tag in ids that outlive erasure (the kept order's
    // reseller id): only the name and addresses count here.
    const left = scanForPersonalData([later.backup.file], who).filter((f) => f.term !== 'Quixwright');
    expect(left.map((f) => `${f.offset} ${f.term} ${f.encoding}`)).toEqual([]);
  });
});
