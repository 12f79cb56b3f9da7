import { randomUUID } from 'node:crypto';
import type { TestDb } from '@keydesk/db/testing';
import { seedLicense } from '@keydesk/mail/testing';
import { describe, expect, it } from 'vitest';
import { createAnonymousCaller, createOwnerCaller } from './owner-caller.ts';
import { useTestDb } from './test-db.ts';

const mailFallback = { smtpUrl: 'smtp://127.0.0.1:2525', from: 'support@keydesk.example' };

describe('licenseResend and mail procedures', () => {
  let db: TestDb;
  useTestDb('all', (opened) => {
    db = opened;
  });

  it('shows the license, previews and queues the email once per request id', async () => {
    const seeded = await seedLicense(db, { name: 'Ann <Example>' });
    const caller = createOwnerCaller(db, { mailFallback });
    const before = await caller.licenseResend.get({ licenseId: seeded.licenseId });
    expect(before).toMatchObject({ canResend: true, defaultAddress: seeded.email, resends: [] });
    expect(before.license.customer?.id).toBe(seeded.customerId);
    expect(before.license.order?.resellerOrderId).toBe(seeded.resellerOrderId);

    const preview = await caller.licenseResend.preview({ licenseId: seeded.licenseId });
    expect(preview).toMatchObject({ to: seeded.email, from: mailFallback.from, isMailConfigured: true });
    expect(preview.html).toContain('Ann &lt;Example&gt;');

    const requestId = randomUUID();
    const [first, second] = await Promise.all([
      caller.licenseResend.send({ licenseId: seeded.licenseId, requestId }),
      caller.licenseResend.send({ licenseId: seeded.licenseId, requestId }),
    ]);
    expect(first?.outboxId).toBe(second?.outboxId);
    const after = await caller.licenseResend.get({ licenseId: seeded.licenseId });
    expect(after.resends).toHaveLength(1);
    expect(after.resends[0]?.outbox).toMatchObject({ status: 'queued', attempts: 0 });

    const outbox = await caller.mail.outbox.find({ status: 'queued', limit: 10 });
    expect(outbox.items.map((i) => i.id)).toContain(first?.outboxId);
    expect(outbox.counts.queued).toBeGreaterThanOrEqual(1);
  });

  it('says plainly when SMTP is not configured, and never returns the SMTP password', async () => {
    const caller = createOwnerCaller(db);
    expect(await caller.mail.status()).toMatchObject({ isConfigured: false, server: null });
    const status = await caller.mail.updateSettings({
      smtpUrl: 'smtp://mailer:s3cret-pass@mail.example.com:587',
      from: 'Support <support@example.com>',
    });
    expect(status).toEqual({
      isConfigured: true,
      server: 'smtp://mail.example.com:587',
      from: 'Support <support@example.com>',
      source: 'settings',
      problem: null,
    });
    expect(JSON.stringify(await caller.mail.status())).not.toContain('s3cret');
    await expect(caller.mail.updateSettings({ smtpUrl: 'http://x', from: 'a@b.co' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('refuses a revoked license with the reason and an unknown one as not found', async () => {
    const caller = createOwnerCaller(db, { mailFallback });
    const revoked = await seedLicense(db, { status: 'revoked' });
    expect(await caller.licenseResend.get({ licenseId: revoked.licenseId })).toMatchObject({
      canResend: false,
      blockedReason: expect.stringMatching(/revoked/),
    });
    await expect(
      caller.licenseResend.send({ licenseId: revoked.licenseId, requestId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(caller.licenseResend.get({ licenseId: 987_654 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('edits a product template, previews it with real data, and uses it for that product only', async () => {
    const caller = createOwnerCaller(db, { mailFallback });
    const own = await seedLicense(db, { product: 'Tessera Batch' });
    const other = await seedLicense(db, { product: 'Tessera' });
    const template = {
      product: 'Tessera Batch',
      subject: 'Batch key for {{name}}',
      textBody: 'Key: {{key}} ({{edition}}, order {{orderId}}, {{date}})',
      htmlBody: '<p>Key: <b>{{key}}</b></p>',
    };
    const preview = await caller.mail.template.preview(template);
    expect(preview.sample.licenseId).toBe(own.licenseId);
    // Real order details, a sample key: Settings never shows a customer's key.
    const sampleKey = own.key.replace(/[A-Za-z0-9]/g, 'X');
    expect(preview.text).toBe(`Key: ${sampleKey} (Pro, order ${own.resellerOrderId}, 3 March 2026)`);
    expect(preview.html).not.toContain(own.key);

    await caller.mail.template.update(template);
    const found = await caller.mail.template.find();
    expect(found.items[0]).toMatchObject({ product: '*', source: 'built-in' });
    expect(found.items.find((t) => t.product === 'Tessera Batch')).toMatchObject({ isCustom: true });
    expect((await caller.licenseResend.preview({ licenseId: own.licenseId })).subject).toBe(
      'Batch key for Ann Example',
    );
    expect((await caller.licenseResend.preview({ licenseId: other.licenseId })).subject).toBe(
      'Your Tessera license key',
    );

    await expect(caller.mail.template.update({ ...template, textBody: '{{licence}}' })).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/Unknown variable \{\{licence\}\}/),
      },
    );
    await caller.mail.template.reset({ product: 'Tessera Batch' });
    expect((await caller.licenseResend.preview({ licenseId: own.licenseId })).subject).toBe(
      'Your Tessera Batch license key',
    );
  });

  it('redacts a card number typed into a template before storing it', async () => {
    const caller = createOwnerCaller(db);
    const saved = await caller.mail.template.update({
      product: 'Card Test',
      subject: 'Key',
      textBody: 'Paid with 4111 1111 1111 1111: {{key}}',
      htmlBody: '<p>{{key}}</p>',
    });
    expect(saved.textBody).not.toContain('4111 1111 1111 1111');
    expect(saved.textBody).toContain('{{key}}');
  });

  it('refuses every procedure without a session', async () => {
    const anonymous = createAnonymousCaller(db);
    await expect(anonymous.licenseResend.get({ licenseId: 1 })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(anonymous.mail.status()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.mail.template.find()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
