// The outbox sender: takes due emails one at a time and sends them over SMTP.
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
/** One pass sends at most this many, so a large backlog cannot starve shutdown. */
const MAX_PER_PASS = 50;
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

  async function sendOne(
    email: ClaimedOutboxEmail,
    config: MailConfig,
  ): Promise<'sent' | 'retried' | 'failed'> {
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
      markOutboxSent(db, email.id, info.response, now());
      logger.info('outbox: sent', { id: email.id, response: info.response });
      return 'sent';
    } catch (error) {
      const reason = describeSmtpError(error);
      if (isPermanentSmtpError(error) || email.attempts >= retry.maxAttempts) {
        const final = isPermanentSmtpError(error)
          ? reason
          : `Gave up after ${email.attempts} attempts: ${reason}`;
        markOutboxFailed(db, email.id, final);
        logger.warn('outbox: failed', { id: email.id, reason: final });
        if (isMailboxRefusal(error)) {
          options.onMailboxRefused?.({ toAddress: email.toAddress, campaignId: email.campaignId, reason });
        }
        return 'failed';
      }
      const next = new Date(now().getTime() + retryDelayMs(email.attempts, retry));
      markOutboxRetry(db, email.id, reason, next);
      logger.warn('outbox: will retry', { id: email.id, reason, nextAttemptAt: next.toISOString() });
      return 'retried';
    }
  }

  /** Sends everything due now; stops early when the SMTP server is down, so the backlog waits together. */
  async function runOnce(): Promise<OutboxPassResult> {
    const result: OutboxPassResult = { sent: 0, retried: 0, failed: 0, isConfigured: false, throttledMs: 0 };
    const config = options.getConfig();
    if (!config) return result;
    result.isConfigured = true;
    const throttle = options.getThrottle?.();
    for (let i = 0; i < MAX_PER_PASS && !stopping; i++) {
      result.throttledMs = throttle ? announcementWaitMs(options.db, now(), throttle) : 0;
      const email = claimNextOutboxEmail(options.db, now(), leaseMs, {
        mayAnnounce: result.throttledMs === 0,
      });
      if (!email) break;
      const outcome = await sendOne(email, config);
      result[outcome]++;
      if (outcome === 'retried') break;
    }
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
