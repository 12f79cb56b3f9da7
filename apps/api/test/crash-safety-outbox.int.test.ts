// SIGKILL of the real server in the middle of sending a license-key email, at the two points of
// the SMTP exchange that matter, then a restart on the same database file.
//
// Before the SMTP server's 250 reply the message is not delivered (RFC 5321: the reply commits
// it), so the restarted server sends it again and the recipient gets it exactly once.
// After the 250 but before the outbox row is marked "sent" no sender can know the message
// arrived: the restarted server sends it again (at least once), with the same Message-ID, so the
// receiving side can recognise the copy. ARCHITECTURE.md ("One email") documents that window.
import { randomUUID } from 'node:crypto';
import { type HoldingSmtpServer, seedLicense, startHoldingSmtpServer } from '@keydesk/mail/testing';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callTrpc, signInOverHttp } from './http-test-server.ts';
import { createScratchServerFolder, type ScratchServerFolder, type SpawnedServer } from './spawned-server.ts';

const FROM = 'support@keydesk.example';
type OutboxRow = { id: number; status: string; attempts: number; messageId: string; serverResponse: string };

describe('SIGKILL during an outbox send', () => {
  let folder: ScratchServerFolder;
  let smtp: HoldingSmtpServer;
  let license: Awaited<ReturnType<typeof seedLicense>>;

  beforeEach(async () => {
    folder = await createScratchServerFolder('keydesk-crash-outbox-', async (db) => {
      license = await seedLicense(db);
    });
    smtp = await startHoldingSmtpServer();
  });

  afterEach(async () => {
    await folder.clean();
    await smtp.stop();
  });

  function start(): Promise<SpawnedServer> {
    return folder.start({ SMTP_URL: smtp.url, MAIL_FROM: FROM });
  }

  /** "Send" in the resend dialog, over HTTP as the browser does it; the session outlives a restart. */
  async function resendOverHttp(server: SpawnedServer): Promise<{ outboxId: number; cookie: string }> {
    const cookie = await signInOverHttp(server.url);
    const response = await callTrpc(server.url, 'licenseResend.send', {
      cookie,
      input: { licenseId: license.licenseId, requestId: randomUUID() },
    });
    expect(response.status).toBe(200);
    const sent = response.body.result?.data?.json as { outboxId: number } | undefined;
    return { outboxId: sent?.outboxId ?? 0, cookie };
  }

  const outboxRows = () =>
    folder.read(
      (s) =>
        s
          .prepare('SELECT id, status, attempts, messageId, serverResponse FROM OutboxEmail')
          .safeIntegers(false)
          .all() as OutboxRow[],
    );

  /** Starts the server and resends the key, whose message the SMTP server holds unanswered. */
  async function startAndHoldResend() {
    const server = await start();
    const held = smtp.holdNext();
    const resend = await resendOverHttp(server);
    return { server, resend, held: await held };
  }

  /**
   * Restarts on the same file, waits for the interrupted email to be recorded as sent, checks the
   * resend came out whole and stops the server again.
   */
  async function restartUntilSent(resend: { outboxId: number; cookie: string }): Promise<OutboxRow> {
    const restarted = await start();
    await restarted.waitForOutput(/outbox: sent/);
    expect(restarted.output()).toContain('outbox: emails interrupted by a crash will be sent again');
    expect(restarted.output()).toContain('outbox: resending an email whose earlier attempt was interrupted');
    const row = await expectOneCompleteResend(restarted, resend);
    await restarted.stop();
    return row;
  }

  /** One resend in the history, its outbox row sent, one audit entry, and nothing half-written. */
  async function expectOneCompleteResend(
    server: SpawnedServer,
    { outboxId, cookie }: { outboxId: number; cookie: string },
  ): Promise<OutboxRow> {
    const rows = outboxRows();
    expect(rows).toHaveLength(1);
    const row = rows[0] as OutboxRow;
    expect(row).toMatchObject({ id: outboxId, status: 'sent', attempts: 2 });
    expect(row.serverResponse).toMatch(/^250 .*Message queued as HOLD\d+/);

    const history = await callTrpc(server.url, 'licenseResend.get', {
      method: 'GET',
      cookie,
      input: { licenseId: license.licenseId },
    });
    expect(history.status).toBe(200);
    const resends = (
      history.body.result?.data?.json as { resends: { outbox: { status: string } }[] } | undefined
    )?.resends;
    expect(resends).toHaveLength(1);
    expect(resends?.[0]?.outbox.status).toBe('sent');

    folder.read((s) => {
      expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
      const count = (sql: string) => s.prepare(sql).pluck().safeIntegers(false).get();
      expect(count('SELECT COUNT(*) FROM LicenseResend')).toBe(1);
      expect(count(`SELECT COUNT(*) FROM LicenseResend WHERE outboxId = ${outboxId}`)).toBe(1);
      const audits = s
        .prepare(`SELECT targetId, details FROM AuditLog WHERE action = 'license.resend'`)
        .all() as { targetId: string; details: string }[];
      expect(audits).toHaveLength(1);
      expect(audits[0]?.targetId).toBe(String(license.licenseId));
      expect(JSON.parse(audits[0]?.details ?? '{}')).toMatchObject({ outboxId });
    });
    return row;
  }

  it('killed before the SMTP server answered DATA: the email is delivered exactly once', async () => {
    const { server: first, resend, held } = await startAndHoldResend();
    const { outboxId } = resend;
    // The whole message has reached the SMTP server; its 250 is withheld.
    const { message, closed } = held;
    expect(message.text).toContain(license.key);
    expect(outboxRows()[0]).toMatchObject({ id: outboxId, status: 'sending', attempts: 1 });

    await first.kill();
    await closed;
    // The DATA arrived but was never answered: not delivered, as a real SMTP server would drop it.
    expect(smtp.abandoned).toHaveLength(1);
    expect(smtp.delivered).toHaveLength(0);
    expect(outboxRows()[0]?.status).toBe('sending');

    const row = await restartUntilSent(resend);
    expect(smtp.delivered).toHaveLength(1);
    expect(smtp.delivered[0]?.messageId).toBe(row.messageId);
    expect(smtp.delivered[0]?.text).toContain(license.key);
    expect(smtp.delivered[0]?.to).toEqual([license.email]);
    expect(smtp.abandoned[0]?.messageId).toBe(row.messageId);
  }, 240_000);

  it('killed after the 250 but before the row was marked sent: sent again with the same Message-ID', async () => {
    const { server: first, resend, held } = await startAndHoldResend();
    const { outboxId } = resend;
    const { accept, closed } = held;
    // Another connection holds the write lock, so the server cannot record "sent" after the 250.
    const lock = new Database(folder.dbFile);
    try {
      lock.exec('BEGIN IMMEDIATE');
      accept();
      // The connection closes after the sender's QUIT, which it sends once it has read the 250.
      await closed;
      await first.kill();
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    expect(smtp.delivered).toHaveLength(1);
    expect(outboxRows()[0]).toMatchObject({ id: outboxId, status: 'sending', attempts: 1 });

    const row = await restartUntilSent(resend);
    // At least once: the copy is the same message, recognisable by its Message-ID.
    expect(smtp.delivered).toHaveLength(2);
    expect(smtp.delivered.map((m) => m.messageId)).toEqual([row.messageId, row.messageId]);
    expect(smtp.delivered[1]?.text).toBe(smtp.delivered[0]?.text);
    expect(smtp.abandoned).toHaveLength(0);
  }, 240_000);
});
