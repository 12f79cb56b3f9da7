// Child of announcements.bench.ts: starts one campaign over a seeded database (audience resolved,
// recipients fixed, everyone queued into the outbox), then sends part of it to the parent's SMTP
// server with the pooled transport and no throttle. Its own process, so peak RSS is the campaign's.
import { saveCampaignDraft, startCampaign } from '@keydesk/announcements';
import { createDb } from '@keydesk/db';
import { createOutboxSender } from '@keydesk/mail';

const [dbFile, smtpUrl, sendCountText] = process.argv.slice(2);
if (!dbFile || !smtpUrl || !sendCountText)
  throw new Error('usage: announcements-child.ts DBFILE SMTPURL SENDCOUNT');
const sendCount = Number(sendCountText);
const FROM = 'Keydesk <news@keydesk.test>';
const silent = { info() {}, warn() {}, error() {} };

const db = await createDb({ file: dbFile, migrate: false });
const { id } = saveCampaignDraft({
  db,
  draft: {
    name: 'Tessera 6',
    topic: 'updates',
    audience: { include: [{ kind: 'license', product: 'Tessera' }], exclude: [] },
    subject: '{{product}} 6 is here',
    textBody: 'Hello {{name}}, your {{product}} {{version}} license ending {{keyEnding}} upgrades free.',
    htmlBody:
      '<p>Hello {{name}}, your {{product}} {{version}} license ending {{keyEnding}} upgrades free.</p>',
  },
  now: new Date(),
});
const context = { db, publicUrl: 'https://keydesk.test', fromAddress: FROM, secret: 'bench-secret' };

const queueStart = performance.now();
const { recipients } = await startCampaign(context, id, () => new Date());
const queueMs = performance.now() - queueStart;
const queueRss = process.resourceUsage().maxRSS / 1024;

const sender = createOutboxSender({ db, getConfig: () => ({ smtpUrl, from: FROM }), logger: silent });
let sent = 0;
const sendStart = performance.now();
while (sent < sendCount) {
  const pass = await sender.runOnce();
  if (pass.sent === 0) throw new Error(`sending stopped after ${sent}: ${JSON.stringify(pass)}`);
  sent += pass.sent;
}
const sendMs = performance.now() - sendStart;
await sender.stop();
await db.close();
console.log(
  JSON.stringify({
    recipients,
    queueMs,
    queueRss,
    sent,
    sendMs,
    peakRss: process.resourceUsage().maxRSS / 1024,
  }),
);
