import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { createOutboxSender, resendLicenseKey } from '@keydesk/mail';
import { startTestSmtpServer, type TestSmtpServer } from '@keydesk/mail/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CampaignDraft, findCampaignRecipients, getCampaign, saveCampaignDraft } from './campaigns.ts';
import { previewAudience } from './find-audience.ts';
import {
  cancelCampaign,
  pauseCampaign,
  resumeCampaign,
  retryFailedRecipients,
  type SendContext,
  startCampaign,
} from './send-campaign.ts';
import { recordMailboxRefused } from './suppress-address.ts';
import { seedPerson, seedSubscription } from './testing.ts';

const FROM = 'Keydesk <news@keydesk.example>';
const silent = { info() {}, warn() {}, error() {} };
const template = {
  subject: '{{product}} {{version}} is here',
  textBody: 'Hello {{name}}, your license ending {{keyEnding}} upgrades free.',
  htmlBody: '<p>Hello {{name}}, your license ending {{keyEnding}} upgrades free.</p>',
};

describe('a campaign', () => {
  let db: TestDb;
  let smtp: TestSmtpServer;
  let context: SendContext;
  const now = () => new Date();

  beforeEach(async () => {
    db = await createTestDb();
    smtp = await startTestSmtpServer({ rejectRecipients: /^gone@/ });
    context = { db, publicUrl: 'https://keydesk.example.com', fromAddress: FROM, secret: 'test-secret' };
  });
  afterEach(async () => {
    await smtp.stop();
    await db.destroy();
  });

  function sender(throttle = { perSecond: 100, perHour: 10_000 }, at = now) {
    return createOutboxSender({
      db,
      getConfig: () => ({ smtpUrl: smtp.url, from: FROM }),
      logger: silent,
      now: at,
      getThrottle: () => throttle,
      onMailboxRefused: (refused) => recordMailboxRefused({ db, ...refused, now: now() }),
    });
  }

  /** Saves a draft of the shared template to `draft`'s audience, and returns its id. */
  const saveDraft = (draft: Pick<CampaignDraft, 'name' | 'topic' | 'audience'>) =>
    saveCampaignDraft({ db, draft: { ...draft, ...template }, now: now() }).id;

  async function seedAudience() {
    const ann = await seedPerson(db, {
      name: 'Ann',
      emails: ['ann@home.test', 'ann@work.test'],
      country: 'DE',
      licenses: [{ majorVersion: 5 }, { majorVersion: 4, issuedAt: '2024-01-01T00:00:00Z' }],
    });
    await seedPerson(db, { name: 'Bob', emails: ['gone@bob.test'], licenses: [{ majorVersion: 5 }] });
    await seedPerson(db, { name: 'Cid', emails: ['cid@old.test'], licenses: [{ majorVersion: 4 }] });
    await seedSubscription(db, 'ann@work.test', 'subscribed');
    await seedSubscription(db, 'reader@news.test', 'subscribed');
    return ann;
  }

  it('reaches each person once by the rules, and pages through them', async () => {
    await seedAudience();
    const audience = {
      include: [{ kind: 'license' as const, majorVersion: 5 }, { kind: 'newsletter' as const }],
      exclude: [],
    };
    const first = previewAudience({ db, audience, topic: 'updates', limit: 2 });
    expect(first.count).toBe(3);
    expect(first.items.map((r) => r.email)).toEqual(['ann@home.test', 'gone@bob.test']);
    const second = previewAudience({
      db,
      audience,
      topic: 'updates',
      limit: 2,
      cursor: first.nextCursor ?? '',
    });
    expect(second.items.map((r) => r.email)).toEqual(['reader@news.test']);
    expect(second.nextCursor).toBeNull();

    const germansWithout4 = {
      include: [{ kind: 'license' as const, country: 'DE' }],
      exclude: [{ kind: 'license' as const, majorVersion: 4, boughtBefore: '2025-01-01' }],
    };
    expect(previewAudience({ db, audience: germansWithout4, topic: 'updates', limit: 10 }).count).toBe(0);

    // The newsletter goes to the address that subscribed, not to the primary one.
    const readers = { include: [{ kind: 'newsletter' as const }], exclude: [] };
    expect(
      previewAudience({ db, audience: readers, topic: 'newsletter', limit: 10 }).items.map((r) => r.email),
    ).toEqual(['ann@work.test', 'reader@news.test']);
  });

  it('sends once per recipient with List-Unsubscribe, key resends first, and records replies and bounces', async () => {
    const ann = await seedAudience();
    const id = saveDraft({
      name: 'Tessera 5',
      topic: 'updates',
      audience: { include: [{ kind: 'license', majorVersion: 5 }], exclude: [] },
    });
    expect(await startCampaign(context, id, now)).toEqual({ recipients: 2 });
    await expect(startCampaign(context, id, now)).rejects.toThrow(/already started/);

    // A key resend queued after the campaign still goes first.
    const { keys } = await seedPerson(db, { name: 'Dee', emails: ['dee@key.test'], licenses: [{}] });
    const license = await db.prisma.license.findFirstOrThrow({ where: { key: keys[0] ?? '' } });
    await resendLicenseKey({ db, licenseId: license.id, requestId: 'r1', fromAddress: FROM, now: now() });

    const outbox = sender();
    await outbox.runOnce();
    await outbox.stop();
    // Claimed first; the pool then sends both at once, so arrival order is not fixed.
    expect(smtp.received.map((m) => m.envelopeTo[0]).sort()).toEqual(['ann@home.test', 'dee@key.test']);

    const mail = smtp.received.find((m) => m.envelopeTo[0] === 'ann@home.test');
    expect(mail?.parsed.subject).toBe('Tessera 5 is here');
    expect(mail?.parsed.text).toContain(`ending ${(ann.keys[0] ?? '').replace(/-/g, '').slice(-4)}`);
    expect(mail?.parsed.text).not.toContain(ann.keys[0]);
    // Headers are folded on the wire; unfolded they must read as RFC 8058 asks.
    const headers = (mail?.raw ?? '').split('\r\n\r\n')[0]?.replace(/\r\n[ \t]+/g, ' ') ?? '';
    expect(headers).toMatch(
      /List-Unsubscribe:\s*<https:\/\/keydesk\.example\.com\/u\/\d+\.[\w-]+>,\s*<mailto:news@keydesk\.example\?subject=unsubscribe%20\d+\.[\w-]+>/,
    );
    expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    const page = findCampaignRecipients({ db, campaignId: id, limit: 10, now: now() });
    expect(page.items.map((r) => [r.email, r.status])).toEqual([
      ['ann@home.test', 'sent'],
      ['gone@bob.test', 'bounced'],
    ]);
    expect(page.items[0]?.serverResponse).toMatch(/250/);
    expect(page.items[1]?.error).toMatch(/No such mailbox/);
    expect(await db.prisma.emailSuppression.findUnique({ where: { email: 'gone@bob.test' } })).toMatchObject({
      reason: 'hard_bounce',
    });
    expect(getCampaign({ db, id, now: now() }).status).toBe('done');
  });

  it('pauses, resumes, retries a failed recipient alone, and cancels what was not sent', async () => {
    await seedAudience();
    const id = saveDraft({
      name: 'News',
      topic: 'newsletter',
      audience: { include: [{ kind: 'newsletter' }], exclude: [] },
    });
    await startCampaign(context, id, now);
    pauseCampaign({ db, campaignId: id, now: now() });
    const paused = sender();
    expect(await paused.runOnce()).toMatchObject({ sent: 0 });
    await paused.stop();

    await resumeCampaign(context, id, now);
    // The SMTP server is down for this pass, and the policy gives up at once: both fail.
    const down = createOutboxSender({
      db,
      getConfig: () => ({ smtpUrl: 'smtp://127.0.0.1:1', from: FROM }),
      logger: silent,
      retry: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 1 },
    });
    await down.runOnce();
    await down.runOnce();
    await down.stop();
    const failed = findCampaignRecipients({ db, campaignId: id, status: 'failed', limit: 10, now: now() });
    expect(failed.items).toHaveLength(2);

    const only = failed.items[0]?.id;
    expect(retryFailedRecipients({ db, campaignId: id, recipientId: only, now: now() })).toEqual({
      retried: 1,
    });
    const up = sender();
    await up.runOnce();
    await up.stop();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.envelopeTo).toEqual([failed.items[0]?.email]);

    expect(cancelCampaign({ db, campaignId: id, now: now() })).toEqual({ cancelled: 0 });
    expect(getCampaign({ db, id, now: now() })).toMatchObject({
      status: 'cancelled',
      counts: { sent: 1, failed: 1 },
    });
  });

  it('waits for the throttle, and counts the hour across passes', async () => {
    for (let i = 0; i < 4; i++)
      await seedPerson(db, { name: `P${i}`, emails: [`p${i}@t.test`], licenses: [{}] });
    const id = saveDraft({
      name: 'T',
      topic: 'updates',
      audience: { include: [{ kind: 'license' }], exclude: [] },
    });
    await startCampaign(context, id, now);
    const fixed = new Date();
    const throttled = sender({ perSecond: 2, perHour: 3 }, () => fixed);
    const pass = await throttled.runOnce();
    expect(pass.sent).toBe(2);
    expect(pass.throttledMs).toBeGreaterThan(0);
    const later = new Date(fixed.getTime() + 1_500);
    const next = sender({ perSecond: 2, perHour: 3 }, () => later);
    expect(await next.runOnce()).toMatchObject({ sent: 1 });
    expect((await next.runOnce()).sent).toBe(0);
    await throttled.stop();
    await next.stop();
  });
});
