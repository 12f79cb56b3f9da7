import { randomUUID } from 'node:crypto';
import { generateDemo } from '@keydesk/db/demo';
import type { TestDb } from '@keydesk/db/testing';
import { generateLicenseKey, normalizeLicenseKey } from '@keydesk/license-key';
import { describe, expect, it } from 'vitest';
import { createAnonymousCaller, createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';

describe('customer and license procedures', () => {
  let db: TestDb;
  let license: { id: number; key: string; customerId: number };

  useTestDb('all', (opened) => {
    db = opened;
    generateDemo({ sqlite: db.sqlite, customers: 300, seed: 9 });
    license = db.sqlite
      .prepare('SELECT id, key, customerId FROM License WHERE customerId IS NOT NULL ORDER BY id LIMIT 1')
      .safeIntegers(false)
      .get() as typeof license;
  });

  it('customer.find finds a customer by a key typed without dashes', async () => {
    const result = await createOwnerCaller(db).customer.find({
      query: license.key.replaceAll('-', '').toLowerCase(),
    });
    expect(result.items[0]?.id).toBe(license.customerId);
    expect(result.items[0]?.matches[0]).toMatchObject({
      field: 'licenseKey',
      kind: 'exact',
      licenseId: license.id,
    });
  });

  it('customer.find refuses an oversized query and limit', async () => {
    const caller = createOwnerCaller(db);
    await expect(caller.customer.find({ query: 'x'.repeat(201) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.customer.find({ query: 'abc', limit: 101 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('customer.get tells the whole story with upgrade verdicts', async () => {
    const story = await createOwnerCaller(db).customer.get({ id: license.customerId });
    expect(story.profile.emails.length).toBeGreaterThan(0);
    expect(story.licenses.map((l) => l.id)).toContain(license.id);
    expect(['current', 'free', 'paid', 'none']).toContain(story.licenses[0]?.upgrade.status);
    expect(story.orders.length).toBeGreaterThan(0);
    await expect(createOwnerCaller(db).customer.get({ id: 999_999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('customer.get names the addresses announcements no longer reach, and why', async () => {
    const caller = createOwnerCaller(db);
    const before = await caller.customer.get({ id: license.customerId });
    expect(before.suppressions).toEqual([]);
    const address = before.profile.emails[0]?.email ?? '';
    const at = new Date('2026-12-01T10:00:00Z');
    await db.prisma.emailSuppression.create({ data: { email: address.toUpperCase(), reason: 'manual', at } });
    await db.prisma.emailSuppression.create({
      data: { email: address.toLowerCase(), reason: 'hard_bounce', at },
    });
    await db.prisma.emailSuppression.create({
      data: { email: 'someone-else@x.test', reason: 'complaint', at },
    });
    const after = await caller.customer.get({ id: license.customerId });
    // Suppressions are kept lower-cased; a row in another case is nobody's.
    expect(after.suppressions).toEqual([{ email: address.toLowerCase(), reason: 'hard_bounce', at }]);
    await db.prisma.emailSuppression.deleteMany({});
  });

  it('a key resend shows on the customer timeline beside the conversations, newest first', async () => {
    const caller = createOwnerCaller(db);
    const queued = await caller.licenseResend.send({ licenseId: license.id, requestId: randomUUID() });
    const story = await caller.customer.get({ id: license.customerId });
    const entry = story.timeline.find((e) => e.type === 'resend' && e.id === queued.resendId);
    expect(entry).toMatchObject({
      type: 'resend',
      licenseId: license.id,
      status: 'queued',
      snippet: `Key ending ${license.key.slice(-5)} to ${queued.toAddress}`,
    });
    const times = story.timeline.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('notes are added, edited and deleted, each with an audit entry', async () => {
    const caller = createOwnerCaller(db);
    const note = await caller.customer.addNote({
      customerId: license.customerId,
      body: 'Paid with 4111 1111 1111 1111, asked for invoice',
    });
    expect(note.body).not.toContain('4111 1111');
    await caller.customer.updateNote({ noteId: note.id, body: 'Wants an invoice' });
    let story = await caller.customer.get({ id: license.customerId });
    expect(story.notes.map((n) => n.body)).toEqual(['Wants an invoice']);
    await caller.customer.deleteNote({ noteId: note.id });
    story = await caller.customer.get({ id: license.customerId });
    expect(story.notes).toEqual([]);
    expect(story.audit.map((a) => a.action).slice(0, 3)).toEqual([
      'customer.note.delete',
      'customer.note.update',
      'customer.note.add',
    ]);
    await expect(caller.customer.deleteNote({ noteId: note.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('license.lookup finds a key in any formatting', async () => {
    const messy = ` ${normalizeLicenseKey(license.key)
      .toLowerCase()
      .match(/.{1,5}/g)
      ?.join(' ')} `;
    const result = await createOwnerCaller(db).license.lookup({ key: messy });
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.license.id).toBe(license.id);
    expect(result.customer?.id).toBe(license.customerId);
    expect(result.orders.length).toBeGreaterThan(0);
  });

  it('license.lookup tells a typo (with the closest key) from an unknown well-formed key', async () => {
    const caller = createOwnerCaller(db);
    const swapped = license.key[1] === '7' ? '8' : '7';
    const typo = `${license.key[0]}${swapped}${license.key.slice(2)}`;
    const miss = await caller.license.lookup({ key: typo });
    expect(miss).toMatchObject({ found: false, shape: 'bad-checksum' });
    if (miss.found) return;
    expect(miss.closest[0]?.licenseId).toBe(license.id);
    const unknown = await caller.license.lookup({
      key: generateLicenseKey(() => new Uint8Array(23).fill(1)),
    });
    expect(unknown).toMatchObject({ found: false, shape: 'valid' });
  });

  it('refuses callers without a session', async () => {
    const anonymous = createAnonymousCaller(db);
    await expect(anonymous.customer.find({ query: 'abc' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.customer.get({ id: 1 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.license.lookup({ key: 'abc' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
