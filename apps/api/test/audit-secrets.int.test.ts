import { recordAudit } from '@keydesk/audit';
import type { TestDb } from '@keydesk/db/testing';
import { describe, expect, it } from 'vitest';
import { createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';

describe('audit.find and secrets', () => {
  let db: TestDb;
  useTestDb('all', (opened) => {
    db = opened;
  });

  it('pages the audit log newest first, filtered by action and date range', async () => {
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 60; i++)
      recordAudit(
        db,
        { action: i % 3 === 0 ? 'auth.login' : 'license.resend', actor: 'owner' },
        new Date(base + i * 3_600_000),
      );
    const caller = createOwnerCaller(db);
    const seen: number[] = [];
    let cursor: number | undefined;
    do {
      const page = await caller.audit.find({ action: 'auth.login', limit: 7, cursor });
      seen.push(...page.items.map((e) => e.id));
      expect(page.items.every((e) => e.action === 'auth.login')).toBe(true);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(20);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    const ranged = await caller.audit.find({
      from: new Date(base + 10 * 3_600_000),
      to: new Date(base + 20 * 3_600_000),
      limit: 100,
    });
    expect(ranged.items).toHaveLength(10);
    expect(await caller.audit.actions()).toEqual(['auth.login', 'license.resend']);
    await expect(caller.audit.find({ limit: 101 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('shows whether a credential is set, never its value, and audits the key only', async () => {
    const caller = createOwnerCaller(db);
    await caller.secrets.set({ key: 'paypro.secretKey', value: 'pp-very-secret-value' });
    await caller.secrets.set({ key: 'smtp.from', value: 'support@example.com' });
    const list = await caller.secrets.find();
    expect(list.find((c) => c.key === 'paypro.secretKey')).toMatchObject({ isSet: true, value: null });
    expect(list.find((c) => c.key === 'smtp.from')).toMatchObject({
      isSet: true,
      value: 'support@example.com',
    });
    expect(list.find((c) => c.key === 'imap.password')).toMatchObject({ isSet: false, value: null });
    expect(JSON.stringify(list)).not.toContain('pp-very-secret-value');
    await caller.secrets.clear({ key: 'paypro.secretKey' });
    expect((await caller.secrets.find()).find((c) => c.key === 'paypro.secretKey')?.isSet).toBe(false);
    const audit = await db.prisma.auditLog.findMany({
      where: { action: { startsWith: 'settings.credential' } },
      select: { action: true, targetId: true, details: true },
    });
    expect(audit.map((a) => `${a.action} ${a.targetId}`)).toEqual([
      'settings.credential.set paypro.secretKey',
      'settings.credential.set smtp.from',
      'settings.credential.clear paypro.secretKey',
    ]);
    await expect(caller.secrets.set({ key: 'db.password' as 'smtp.url', value: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
