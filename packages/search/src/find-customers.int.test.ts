import { randomBytes } from 'node:crypto';
import { generateDemo } from '@keydesk/db/demo';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { generateLicenseKey, normalizeLicenseKey } from '@keydesk/license-key';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClosestLicenseKeys } from './find-closest-license-keys.ts';
import { findCustomers } from './find-customers.ts';

type Person = {
  name: string;
  emails: string[];
  company?: string;
  city?: string;
  postalCode?: string;
  orderIds?: string[];
  keys?: string[];
};

describe('findCustomers relevance', () => {
  let db: TestDb;
  const ids = new Map<string, number>();
  const keyOf = new Map<string, string>();
  let orderSeq = 0;

  function addCustomer(person: Person): number {
    const now = Date.now();
    return db.sqlite.transaction(() => {
      const id = Number(
        db.sqlite
          .prepare(
            'INSERT INTO Customer (name, company, city, postalCode, firstSeenAt, lastSeenAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            person.name,
            person.company ?? null,
            person.city ?? null,
            person.postalCode ?? null,
            now,
            now,
            now,
            now,
          ).lastInsertRowid,
      );
      person.emails.forEach((email, i) => {
        db.sqlite
          .prepare('INSERT INTO CustomerEmail (customerId, email, isPrimary, createdAt) VALUES (?, ?, ?, ?)')
          .run(id, email, i === 0 ? 1 : 0, now);
      });
      for (const orderId of person.orderIds ?? [`T-${++orderSeq}`]) {
        const order = db.sqlite
          .prepare(
            `INSERT INTO "Order" (reseller, resellerOrderId, customerId, product, edition, amountMinor, currency, status, purchasedAt, createdAt, updatedAt)
             VALUES ('paypro', ?, ?, 'Tessera', 'Pro', 5900, 'EUR', 'completed', ?, ?, ?)`,
          )
          .run(orderId, id, now, now, now);
        for (const key of person.keys ?? []) {
          db.sqlite
            .prepare(
              `INSERT INTO License (key, keyNormalized, product, edition, majorVersion, status, issuedAt, orderId, customerId, createdAt, updatedAt)
               VALUES (?, ?, 'Tessera', 'Pro', 5, 'active', ?, ?, ?, ?, ?)`,
            )
            .run(key, normalizeLicenseKey(key), now, Number(order.lastInsertRowid), id, now, now);
        }
      }
      ids.set(person.name, id);
      return id;
    })();
  }

  const names = (query: string, limit = 25) =>
    findCustomers({ db, query, limit }).items.map((hit) => hit.name);

  beforeAll(async () => {
    db = await createTestDb();
    generateDemo({ sqlite: db.sqlite, customers: 400, seed: 11 });
    const key = generateLicenseKey((n) => randomBytes(n));
    keyOf.set('Jürgen Müller', key);
    addCustomer({
      name: 'Jürgen Müller',
      emails: ['j.mueller@beispiel.de', 'jurgen@muller-design.example'],
      company: 'Müller Design GmbH',
      city: 'München',
      postalCode: '80331',
      orderIds: ['PP-4451-9920'],
      keys: [key],
    });
    addCustomer({ name: 'Anna Berg', emails: ['anna.berg@example.com'] });
    addCustomer({ name: 'Anna Bergström', emails: ['anna.bergstrom@example.com'] });
    addCustomer({ name: 'Zoë Smithson', emails: ['zoe@smithson.example'] });
    addCustomer({ name: 'Li Wei', emails: ['wei.li@example.cn'] });
    addCustomer({ name: 'Søren Kierkegård', emails: ['sk@example.dk'] });
    addCustomer({ name: 'Sören Lund', emails: ['sl@example.se'] });
    for (let i = 0; i < 12; i++)
      addCustomer({ name: `Pagina Tester${i}`, emails: [`pagina.${i}@paging.example`] });
  });
  afterAll(() => db.destroy());

  it('returns nothing for an empty or one-character query', () => {
    expect(findCustomers({ db, query: '' }).items).toEqual([]);
    expect(findCustomers({ db, query: '  a ' }).items).toEqual([]);
  });

  it('ranks the exact email first, then the email that starts with it', () => {
    const hits = findCustomers({ db, query: 'Anna.Berg@Example.com' }).items;
    expect(hits[0]?.name).toBe('Anna Berg');
    expect(hits[0]?.matches[0]).toMatchObject({ field: 'email', kind: 'exact' });
    const prefix = findCustomers({ db, query: 'anna.berg' }).items;
    expect(
      prefix
        .map((h) => h.name)
        .slice(0, 2)
        .sort(),
    ).toEqual(['Anna Berg', 'Anna Bergström']);
    expect(prefix[0]?.matches[0]).toMatchObject({ field: 'email', kind: 'prefix', ranges: [[0, 9]] });
  });

  it('finds any part of any email address, including secondary ones', () => {
    expect(names('bergstrom@exa')).toEqual(['Anna Bergström']);
    const hit = findCustomers({ db, query: 'muller-design' }).items[0];
    expect(hit?.name).toBe('Jürgen Müller');
    expect(hit?.matches.some((m) => m.field === 'email' && m.text === 'jurgen@muller-design.example')).toBe(
      true,
    );
  });

  it('tells namesakes apart: primary email, products, license count and the last order', () => {
    const hit = findCustomers({ db, query: 'muller-design' }).items[0];
    expect(hit).toMatchObject({
      primaryEmail: 'j.mueller@beispiel.de',
      products: ['Tessera'],
      licenseCount: 1,
      lastOrder: { amountMinor: 5900, currency: 'EUR' },
    });
  });

  it('matches names regardless of case and accents, and highlights the original letters', () => {
    expect(names('jurgen muller')).toContain('Jürgen Müller');
    const hit = findCustomers({ db, query: 'MÜLLER' }).items.find((h) => h.name === 'Jürgen Müller');
    const nameMatch = hit?.matches.find((m) => m.field === 'name');
    expect(nameMatch?.ranges).toEqual([[7, 13]]);
    expect(names('bergstrom')).toEqual(['Anna Bergström']);
  });

  it('ranks a name typed in full as an exact hit', () => {
    const hit = findCustomers({ db, query: 'anna bergstrom' }).items[0];
    expect(hit?.matches[0]).toMatchObject({ field: 'name', kind: 'exact' });
  });

  it('tolerates a small typo in a name', () => {
    const hits = findCustomers({ db, query: 'Jurgen Mulller' }).items;
    expect(hits.map((h) => h.name)).toContain('Jürgen Müller');
    expect(hits.find((h) => h.name === 'Jürgen Müller')?.matches[0]?.kind).toBe('typo');
    expect(names('Smihtson')).toContain('Zoë Smithson');
    expect(names('Bergstorm')).toContain('Anna Bergström');
    // ø is a letter of its own (no accent folding makes it o): a known "soren" still finds "Søren".
    expect(names('Soren Kirkegard')).toContain('Søren Kierkegård');
  });

  it('keeps typo tolerance in step with new, renamed and deleted customers', () => {
    // The first search fills the cached name vocabulary; every later write must be seen.
    expect(names('Quenntin Vasquezz')).not.toContain('Quentin Vasquez');
    const id = addCustomer({ name: 'Quentin Vasquez', emails: ['quentin@vasquez.test'] });
    expect(names('Quenntin Vasquezz')).toContain('Quentin Vasquez');

    db.sqlite.prepare('UPDATE Customer SET name = ? WHERE id = ?').run('Quentin Okonkwo', id);
    expect(names('Quenntin Okonkow')).toContain('Quentin Okonkwo');
    expect(names('Quenntin Vasquezz')).not.toContain('Quentin Vasquez');

    db.sqlite.prepare('DELETE FROM CustomerEmail WHERE customerId = ?').run(id);
    db.sqlite.prepare('DELETE FROM Customer WHERE id = ?').run(id);
    expect(names('Quenntin Okonkow')).toEqual([]);
  });

  it('finds short and CJK-length names through the word index', () => {
    expect(names('Li')).toContain('Li Wei');
    expect(names('li wei')).toContain('Li Wei');
  });

  it('finds a license key whole or in part, with or without dashes or spaces, any case', () => {
    const key = keyOf.get('Jürgen Müller') as string;
    const normalized = normalizeLicenseKey(key);
    for (const query of [key, normalized, normalized.toLowerCase(), key.replaceAll('-', ' ')]) {
      const hit = findCustomers({ db, query }).items[0];
      expect(hit?.name, query).toBe('Jürgen Müller');
      expect(hit?.matches[0], query).toMatchObject({ field: 'licenseKey', kind: 'exact' });
    }
    const part = key.slice(6, 17); // crosses a dash
    const partHit = findCustomers({ db, query: part.toLowerCase() }).items[0];
    expect(partHit?.name).toBe('Jürgen Müller');
    expect(partHit?.matches[0]).toMatchObject({ field: 'licenseKey', kind: 'substring' });
    // The rest of the key stays masked in the result.
    expect(partHit?.matches[0]?.text).toContain('•');
    expect(findCustomers({ db, query: normalized.slice(3, 12) }).items[0]?.name).toBe('Jürgen Müller');
  });

  it('finds a reseller order id whole or in part', () => {
    expect(findCustomers({ db, query: 'PP-4451-9920' }).items[0]?.matches[0]).toMatchObject({
      field: 'orderId',
      kind: 'exact',
    });
    expect(names('4451-99')).toContain('Jürgen Müller');
  });

  it('finds company and postal details', () => {
    expect(names('Design GmbH')).toContain('Jürgen Müller');
    expect(names('80331')).toContain('Jürgen Müller');
    expect(names('munchen 80331')).toContain('Jürgen Müller');
  });

  it('treats FTS5 syntax in the query as plain text', () => {
    for (const query of ['foo" OR "bar', 'NEAR(a b)', '***', '"', 'a AND', '^müll', '{name}: x']) {
      expect(() => findCustomers({ db, query })).not.toThrow();
    }
  });

  it('pages through every match once with the cursor', () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = findCustomers({ db, query: 'paging.example', limit: 5, cursor });
      seen.push(...page.items.map((h) => h.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(new Set(seen).size).toBe(12);
    expect(seen.length).toBe(12);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('stays in step with every write: email change, order reassignment, erasure', () => {
    const id = addCustomer({
      name: 'Ephemeral Person',
      emails: ['ephemeral@old.example'],
      orderIds: ['AV-777000'],
    });
    db.sqlite
      .prepare("UPDATE CustomerEmail SET email = 'ephemeral@new.example' WHERE customerId = ?")
      .run(id);
    expect(names('ephemeral@old')).toEqual([]);
    expect(names('ephemeral@new')).toEqual(['Ephemeral Person']);
    db.sqlite.prepare("UPDATE Customer SET name = 'Renamed Person' WHERE id = ?").run(id);
    expect(names('Ephemeral Person')).toEqual([]);
    expect(names('Renamed')).toEqual(['Renamed Person']);
    db.sqlite.prepare('DELETE FROM Customer WHERE id = ?').run(id);
    expect(names('ephemeral@new')).toEqual([]);
    expect(names('Renamed')).toEqual([]);
    expect(names('AV-777000')).toEqual([]);
    // The order survives the erasure (the sale still counts) but no longer points anywhere.
    expect(
      db.sqlite.prepare('SELECT customerId FROM "Order" WHERE resellerOrderId = \'AV-777000\'').get(),
    ).toEqual({
      customerId: null,
    });
  });
});

describe('findClosestLicenseKeys', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    generateDemo({ sqlite: db.sqlite, customers: 300, seed: 5 });
  });
  afterAll(() => db.destroy());

  it('suggests the key a one-character typo came from', () => {
    const license = db.sqlite
      .prepare('SELECT id, key FROM License ORDER BY id LIMIT 1')
      .safeIntegers(false)
      .get() as {
      id: number;
      key: string;
    };
    const typo = license.key.slice(0, 8) + (license.key[8] === 'X' ? 'Y' : 'X') + license.key.slice(9);
    expect(findClosestLicenseKeys({ db, key: typo })[0]).toMatchObject({
      licenseId: license.id,
      distance: 1,
    });
    const dropped = license.key.replaceAll('-', '').slice(0, 10) + license.key.replaceAll('-', '').slice(11);
    expect(findClosestLicenseKeys({ db, key: dropped })[0]?.licenseId).toBe(license.id);
  });
});
