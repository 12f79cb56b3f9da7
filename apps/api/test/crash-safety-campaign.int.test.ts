// SIGKILL of the real server in the middle of a campaign, while the SMTP server holds its reply to
// one announcement's DATA, then a restart on the same file: every recipient gets the announcement
// exactly once (the held one was never committed by the SMTP server, so it is sent again), and
// nobody already served gets a second copy.
import { seedPerson } from '@keydesk/announcements/testing';
import { findFreePort, type HoldingSmtpServer, startHoldingSmtpServer } from '@keydesk/mail/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callTrpc, signInOverHttp } from './http-test-server.ts';
import { createScratchServerFolder, type ScratchServerFolder, type SpawnedServer } from './spawned-server.ts';

const RECIPIENTS = 5;

describe('SIGKILL during a campaign', () => {
  let folder: ScratchServerFolder;
  let smtp: HoldingSmtpServer;

  beforeEach(async () => {
    folder = await createScratchServerFolder('keydesk-crash-campaign-', async (db) => {
      for (let i = 0; i < RECIPIENTS; i++) {
        await seedPerson(db, { name: `Person ${i}`, emails: [`person${i}@crash.test`], licenses: [{}] });
      }
    });
    smtp = await startHoldingSmtpServer();
  });

  afterEach(async () => {
    await folder.clean();
    await smtp.stop();
  });

  async function start(): Promise<SpawnedServer> {
    // PUBLIC_URL is what the server prints as its address, so it names a port known beforehand.
    const port = String(await findFreePort());
    return folder.start({
      PORT: port,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'news@keydesk.example',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
  }

  async function call(server: SpawnedServer, cookie: string, procedure: string, input: unknown) {
    const response = await callTrpc(server.url, procedure, { cookie, input });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.result?.data?.json;
  }

  it('delivers to every recipient exactly once across the crash', async () => {
    const first = await start();
    const cookie = await signInOverHttp(first.url);
    // One a second, so the test can hold the third announcement while two are already delivered.
    await call(first, cookie, 'announcements.updateLimits', { perSecond: 1, perHour: 1000 });
    const { id } = (await call(first, cookie, 'announcements.saveDraft', {
      draft: {
        name: 'Crash',
        topic: 'updates',
        audience: { include: [{ kind: 'license' }], exclude: [] },
        subject: 'News for {{name}}',
        textBody: 'Hello {{name}}',
        htmlBody: '<p>Hello {{name}}</p>',
      },
    })) as { id: number };
    await call(first, cookie, 'announcements.start', { id });
    await smtp.waitForDelivered(2);
    const held = smtp.holdNext();
    const { message, closed } = await held;
    await first.kill();
    await closed;
    expect(smtp.abandoned.map((m) => m.messageId)).toEqual([message.messageId]);

    const restarted = await start();
    await smtp.waitForDelivered(RECIPIENTS, 60_000);
    // Give a wrongly repeated send the time it would need to show up.
    await new Promise((r) => setTimeout(r, 1_500));
    const addresses = smtp.delivered.flatMap((m) => m.to).sort();
    expect(addresses).toEqual(Array.from({ length: RECIPIENTS }, (_, i) => `person${i}@crash.test`));
    expect(smtp.delivered.find((m) => m.to[0] === message.to[0])?.messageId).toBe(message.messageId);

    const after = await signInOverHttp(restarted.url);
    const response = await callTrpc(restarted.url, 'announcements.get', {
      method: 'GET',
      cookie: after,
      input: { id },
    });
    expect(response.body.result?.data?.json).toMatchObject({ status: 'done', counts: { sent: RECIPIENTS } });
    await restarted.stop();
  }, 240_000);
});
