import { existsSync, readFileSync } from 'node:fs';
import { generateDemo } from '@keydesk/db/demo';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErasureConfirmationError, eraseCustomer } from './erase-customer.ts';
import { seedPrivacyCustomer } from './testing.ts';

// Stand-ins for the search branches' indexes: FTS5 kept in step by triggers, as they build theirs.
const FTS_SQL = `
CREATE VIRTUAL TABLE TestCustomerFts USING fts5(name, content='Customer', content_rowid='id');
CREATE TRIGGER TestCustomerFts_ai AFTER INSERT ON Customer BEGIN
  INSERT INTO TestCustomerFts(rowid, name) VALUES (new.id, new.name); END;
CREATE TRIGGER TestCustomerFts_ad AFTER DELETE ON Customer BEGIN
  INSERT INTO TestCustomerFts(TestCustomerFts, rowid, name) VALUES ('delete', old.id, old.name); END;
CREATE VIRTUAL TABLE TestChatFts USING fts5(text);
CREATE TRIGGER TestChatFts_ai AFTER INSERT ON ChatMessage BEGIN
  INSERT INTO TestChatFts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER TestChatFts_ad AFTER DELETE ON ChatMessage BEGIN
  DELETE FROM TestChatFts WHERE rowid = old.id; END;
`;

function fileBytes(db: TestDb): Buffer {
  const parts = [db.file, `${db.file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f));
  return Buffer.concat(parts);
}

function sales(db: TestDb) {
  return db.sqlite
    .prepare(
      'SELECT COUNT(*) AS orders, SUM(amountMinor) AS amount, (SELECT COUNT(*) FROM License) AS licenses FROM "Order"',
    )
    .safeIntegers(false)
    .get();
}

describe('eraseCustomer', () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
    db.sqlite.exec(FTS_SQL);
    generateDemo({ sqlite: db.sqlite, customers: 300, seed: 7 });
  });
  afterEach(() => db.destroy());

  it('refuses without the typed address of that customer', () => {
    const c = seedPrivacyCustomer(db);
    expect(() =>
      eraseCustomer({ db, customerId: c.customerId, confirmEmail: 'someone@else.example' }),
    ).toThrow(ErasureConfirmationError);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM Customer WHERE id = ?').pluck().get(c.customerId)).toBe(
      1n,
    );
  });

  it('leaves no trace of name, addresses or key in the database file and its WAL', () => {
    const c = seedPrivacyCustomer(db);
    const terms = [c.name, c.email, c.altEmail, c.licenseKey, c.licenseKeyNormalized, 'Erasure Lane'];
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = fileBytes(db);
    // The scan must be able to see the data, or finding none afterwards proves nothing.
    for (const term of terms) expect(before.includes(term), `before erasure: ${term}`).toBe(true);
    const salesBefore = sales(db);

    const counts = eraseCustomer({
      db,
      customerId: c.customerId,
      confirmEmail: ` ${c.email.toUpperCase()} `,
    });
    expect(counts).toMatchObject({
      emails: 2,
      chats: 1,
      emailThreads: 1,
      outbox: 1,
      resends: 1,
      campaignRecipients: 1,
      suppressions: 1,
      licensesAnonymised: 1,
      ordersAnonymised: 1,
    });

    const after = fileBytes(db);
    for (const term of terms) expect(after.includes(term), `after erasure: ${term}`).toBe(false);
    expect(sales(db)).toEqual(salesBefore);
    const audit = db.sqlite
      .prepare("SELECT details FROM AuditLog WHERE action = 'customer.erase'")
      .pluck()
      .get() as string;
    expect(audit).toContain('"emails":2');
    for (const term of terms) expect(audit).not.toContain(term);
    expect(
      db.sqlite
        .prepare("SELECT COUNT(*) FROM TestCustomerFts WHERE TestCustomerFts MATCH 'Quixwright'")
        .pluck()
        .get(),
    ).toBe(0n);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM WebhookEvent').pluck().get()).toBe(1n);
  });

  it('keeps other customers whole', () => {
    const c = seedPrivacyCustomer(db);
    const other = seedPrivacyCustomer(db, 'Otherperson');
    eraseCustomer({ db, customerId: c.customerId, confirmEmail: c.email });
    const row = db.sqlite
      .prepare('SELECT COUNT(*) FROM CustomerEmail WHERE customerId = ?')
      .pluck()
      .get(other.customerId);
    expect(row).toBe(2n);
    expect(
      db.sqlite
        .prepare('SELECT COUNT(*) FROM ChatTranscript WHERE customerId = ?')
        .pluck()
        .get(other.customerId),
    ).toBe(1n);
    expect(
      db.sqlite.prepare('SELECT key FROM License WHERE customerId = ?').pluck().get(other.customerId),
    ).toBe(other.licenseKey);
  });
});
