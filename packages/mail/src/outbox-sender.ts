// The outbox sender: takes due emails a few at a time (one per pooled connection) and sends them over SMTP.
//
// Exactly once, as far as SMTP allows: an email is marked "sending" (committed) before the SMTP
// call and "sent" right after the server's 250. A crash between the two leaves the row in
// "sending". We cannot ask the SMTP server whether it took the message, so we choose to send it
// again once its lease has run out (or at once when the server restarts alone on the database:
// releaseInterruptedOutboxEmails): a lost key resend defeats its purpose, while a repeat carries
// the same Message-ID (fixed when queued), so mail clients that de-duplicate show it once. So:
// exactly once when the crash came before the SMTP server's 250, at least once when it came in
// the few milliseconds between that reply and one SQLite write. The lease (longer than any
// attempt can take) keeps a live sender's row from being taken by another.
import type { Db } from '@keydesk/db';
import type { MailConfig } from './mail-config.ts';
import { onOutboxChanged } from './outbox-events.ts';
import {
  type AnnouncementThrottle,
  announcementWaitMs,
  type ClaimedOutboxEmail,
  claimNextOutboxEmail,
  markOutboxFailed,
  markOutboxRetry,
  markOutboxSent,
  setOutboxFromAddress,
} from './outbox-store.ts';
import {
  createSmtpTransport,
  describeSmtpError,
  isMailboxRefusal,
  isPermanentSmtpError,
  SMTP_POOL_SIZE,
  type SmtpTransport,
} from './smtp-transport.ts';

export type MailLogger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

export type RetryPolicy = { baseDelayMs: number; maxDelayMs: number; maxAttempts: number };

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 10 };
/** Longer than connection + greeting + socket timeouts together, so a live attempt is never taken over. */
export const DEFAULT_LEASE_MS = 120_000;
const DEFAULT_POLL_MS = 5_000;
/**
 * One pass sends at most this many, then reports; shutdown does not wait for it (no claim is made
 * once stopping). Each pass ends waiting for its slowest connection, so passes are not short.
 */
const MAX_PER_PASS = 200;
const FULL_PASS_PAUSE_MS = 100;

export type OutboxSenderOptions = {
  db: Db;
  /** Read before every pass: the owner may change SMTP settings while the server runs. */
  getConfig: () => MailConfig | null;
  logger: MailLogger;
  now?: () => Date;
  retry?: RetryPolicy;
  leaseMs?: number;
  pollIntervalMs?: number;
  /** Read before every pass (Settings): how many announcements may go per second and per hour. */
  getThrottle?: () => AnnouncementThrottle;
  /** The receiving server refused the mailbox itself (5xx): no announcement may go there again. */
  onMailboxRefused?: (email: { toAddress: string; campaignId: number | null; reason: string }) => void;
};

export type OutboxPassResult = {
  sent: number;
  retried: number;
  failed: number;
  isConfigured: boolean;
  /** Announcements wait for the throttle this long (0: they do not). */
  throttledMs: number;
};

/** 30 s, 1 min, 2 min, … capped: a short outage clears fast, a long one costs few attempts. */
export function retryDelayMs(attempts: number, policy: RetryPolicy = DEFAULT_RETRY): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export function createOutboxSender(options: OutboxSenderOptions) {
  const now = options.now ?? (() => new Date());
  const retry = options.retry ?? DEFAULT_RETRY;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  let transport: { url: string; transport: SmtpTransport } | null = null;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let wakeAgain = false;
  let unsubscribe: (() => void) | null = null;

  function transportFor(config: MailConfig): SmtpTransport {
    if (transport?.url !== config.smtpUrl) {
      transport?.transport.close();
      transport = { url: config.smtpUrl, transport: createSmtpTransport(config.smtpUrl) };
    }
    return transport.transport;
  }

  type Attempt = {
    outcome: 'sent' | 'retried' | 'failed';
    /** Writes the outcome; the caller commits it together with its next claim. */
    record: () => void;
    /** Runs once the outcome is committed: a log line never announces an uncommitted write. */
    afterRecord: () => void;
  };

  async function attemptOne(email: ClaimedOutboxEmail, config: MailConfig): Promise<Attempt> {
    const { db, logger } = options;
    if (email.previousStatus === 'sending') {
      logger.warn('outbox: resending an email whose earlier attempt was interrupted', { id: email.id });
    }
    const from = email.fromAddress || config.from;
    if (!email.fromAddress) setOutboxFromAddress(db, email.id, from);
    try {
      const info = await transportFor(config).sendMail({
        from,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        html: email.htmlBody,
        messageId: email.messageId,
        date: now(),
        headers: email.headers,
      });
      return {
        outcome: 'sent',
        record: () => markOutboxSent(db, email.id, info.response, now()),
        afterRecord: () => logger.info('outbox: sent', { id: email.id, response: info.response }),
      };
    } catch (error) {
      const reason = describeSmtpError(error);
      if (isPermanentSmtpError(error) || email.attempts >= retry.maxAttempts) {
        const final = isPermanentSmtpError(error)
          ? reason
          : `Gave up after ${email.attempts} attempts: ${reason}`;
        return {
          outcome: 'failed',
          record: () => markOutboxFailed(db, email.id, final),
          afterRecord() {
            logger.warn('outbox: failed', { id: email.id, reason: final });
            if (!isMailboxRefusal(error)) return;
            options.onMailboxRefused?.({ toAddress: email.toAddress, campaignId: email.campaignId, reason });
          },
        };
      }
      const next = new Date(now().getTime() + retryDelayMs(email.attempts, retry));
      return {
        outcome: 'retried',
        record: () => markOutboxRetry(db, email.id, reason, next),
        afterRecord: () =>
          logger.warn('outbox: will retry', { id: email.id, reason, nextAttemptAt: next.toISOString() }),
      };
    }
  }

  /**
   * Sends everything due now, SMTP_POOL_SIZE at a time (one per pooled connection); stops early
   * when the SMTP server is down, so the backlog waits together. Claims are synchronous
   * transactions, so two workers never take the same row. Each outcome is committed right after
   * the server's reply together with the worker's next claim: one synchronous commit per email
   * instead of two (commits, not SMTP, capped a campaign near 150 a second).
   */
  async function runOnce(): Promise<OutboxPassResult> {
    const result: OutboxPassResult = { sent: 0, retried: 0, failed: 0, isConfigured: false, throttledMs: 0 };
    const found = options.getConfig();
    if (!found) return result;
    const config: MailConfig = found;
    result.isConfigured = true;
    const throttle = options.getThrottle?.();
    const { db } = options;
    let claimed = 0;
    let announcementsInFlight = 0;
    let isHalted = false;

    function claimNext(): ClaimedOutboxEmail | null {
      if (claimed >= MAX_PER_PASS || stopping || isHalted) return null;
      result.throttledMs = throttle ? announcementWaitMs(db, now(), throttle, announcementsInFlight) : 0;
      const email = claimNextOutboxEmail(db, now(), leaseMs, { mayAnnounce: result.throttledMs === 0 });
      if (!email) return null;
      claimed++;
      if (email.campaignId !== null) announcementsInFlight++;
      return email;
    }

    async function work(): Promise<void> {
      let email = claimNext();
      while (email) {
        const attempt = await attemptOne(email, config);
        if (email.campaignId !== null) announcementsInFlight--;
        result[attempt.outcome]++;
        if (attempt.outcome === 'retried') isHalted = true;
        email = db.sqlite
          .transaction(() => {
            attempt.record();
            return claimNext();
          })
          .immediate();
        attempt.afterRecord();
      }
    }

    await Promise.all(Array.from({ length: SMTP_POOL_SIZE }, work));
    return result;
  }

  function tick(): void {
    if (stopping) return;
    if (running) {
      wakeAgain = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    let nextMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
    running = runOnce()
      .then((result) => {
        // A throttled campaign wakes the sender when its next email may go, not at the next poll.
        if (result.throttledMs > 0) nextMs = Math.min(nextMs, result.throttledMs);
        // A full pass means more is due: go on soon, still yielding to shutdown between passes.
        if (result.sent + result.failed >= MAX_PER_PASS) nextMs = Math.min(nextMs, FULL_PASS_PAUSE_MS);
      })
      .catch((error: unknown) =>
        options.logger.error('outbox: pass failed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        running = null;
        if (stopping) return;
        if (wakeAgain) {
          wakeAgain = false;
          tick();
        } else timer = setTimeout(tick, nextMs);
      });
  }

  return {
    runOnce,
    /** Polls, and wakes at once when this process queues an email. */
    start(): void {
      stopping = false;
      unsubscribe = onOutboxChanged(tick);
      tick();
    },
    /** Lets an attempt in progress finish, so nothing is left in "sending" by a clean shutdown. */
    async stop(): Promise<void> {
      stopping = true;
      unsubscribe?.();
      if (timer) clearTimeout(timer);
      await running;
      transport?.transport.close();
      transport = null;
    },
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
