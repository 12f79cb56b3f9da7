import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TAudienceRule, TCampaignTopic } from './audience-rules.ts';
import { findCampaignRecipients, saveCampaignDraft } from './campaigns.ts';
import { previewAudience } from './find-audience.ts';
import { startCampaign } from './send-campaign.ts';
import { seedPerson, seedSubscription } from './testing.ts';
import { findUnsubscribeTarget, unsubscribeByToken } from './unsubscribe.ts';
import { signUnsubscribeToken } from './unsubscribe-token.ts';

const secret = 'test-secret';
const body = { subject: 'News', textBody: 'Hi {{name}}', htmlBody: '<p>Hi {{name}}</p>' };

describe('unsubscribing through a link', () => {
  let db: TestDb;
  const now = () => new Date();
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await db.destroy();
  });

  async function startBoth() {
    await seedPerson(db, { name: 'Ann', emails: ['ann@home.test'], licenses: [{}] });
    await seedSubscription(db, 'ann@home.test', 'subscribed');
    const context = { db, publicUrl: 'https://k.example', fromAddress: 'n@k.example', secret };
    const saveDraft = (name: string, topic: TCampaignTopic, rule: TAudienceRule) =>
      saveCampaignDraft({
        db,
        draft: { name, topic, audience: { include: [rule], exclude: [] }, ...body },
        now: now(),
      });
    const news = saveDraft('N', 'newsletter', { kind: 'newsletter' });
    const updates = saveDraft('U', 'updates', { kind: 'license' });
    await startCampaign(context, news.id, now);
    await startCampaign(context, updates.id, now);
    const recipient = (campaignId: number) =>
      findCampaignRecipients({ db, campaignId, limit: 5, now: now() }).items[0];
    return { news: news.id, updates: updates.id, recipient };
  }

  it('leaves only the list the email came from, on the record the newsletter webhook keeps', async () => {
    const { news, updates, recipient } = await startBoth();
    const token = signUnsubscribeToken(secret, recipient(news)?.id ?? 0);
    expect(findUnsubscribeTarget({ db, secret, token })).toMatchObject({
      topic: 'newsletter',
      maskedEmail: 'a••@home.test',
    });

    expect(unsubscribeByToken({ db, secret, token, scope: 'this', now: now() })).toMatchObject({
      topics: ['newsletter'],
    });
    expect(
      await db.prisma.newsletterSubscription.findUnique({ where: { email: 'ann@home.test' } }),
    ).toMatchObject({
      status: 'unsubscribed',
      source: 'link',
    });
    expect(recipient(news)?.status).toBe('unsubscribed');
    expect(recipient(updates)?.status).toBe('queued');
    const newsletter = { include: [{ kind: 'newsletter' as const }], exclude: [] };
    expect(previewAudience({ db, audience: newsletter, topic: 'newsletter', limit: 5 }).count).toBe(0);
    // Twice is the same as once.
    expect(unsubscribeByToken({ db, secret, token, scope: 'this', now: now() })).toMatchObject({
      topics: ['newsletter'],
    });
  });

  it('leaves both when asked, taking the address out of the update notice not sent yet', async () => {
    const { news, updates, recipient } = await startBoth();
    const token = signUnsubscribeToken(secret, recipient(news)?.id ?? 0);
    unsubscribeByToken({ db, secret, token, scope: 'all', now: now() });
    expect(recipient(updates)?.status).toBe('unsubscribed');
    expect(await db.prisma.outboxEmail.count({ where: { campaignId: updates } })).toBe(0);
    const licensed = { include: [{ kind: 'license' as const }], exclude: [] };
    expect(previewAudience({ db, audience: licensed, topic: 'updates', limit: 5 }).count).toBe(0);
  });

  it('does nothing for a forged link', async () => {
    const { news, recipient } = await startBoth();
    const forged = signUnsubscribeToken('another secret', recipient(news)?.id ?? 0);
    expect(unsubscribeByToken({ db, secret, token: forged, scope: 'all', now: now() })).toBeNull();
    expect(recipient(news)?.status).toBe('queued');
  });
});
