import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export type SmtpTransport = Transporter<SMTPPool.SentMessageInfo>;

/**
 * A campaign reuses a few connections instead of one handshake per message; the outbox sender
 * keeps this many emails in flight, one per connection.
 */
export const SMTP_POOL_SIZE = 4;
/** Many providers cap messages per connection; a fresh one now and then stays under their limit. */
const POOL_MAX_MESSAGES = 100;
/** Hands an idle connection back before the provider drops it, so none goes stale in the pool. */
const POOL_IDLE_TIMEOUT_MS = 10_000;
/**
 * A connection the server closed mid-send is retried in the pool a couple of times (50 ms, 100 ms),
 * well inside the sender's lease; after that the outbox's own back-off takes over.
 */
const POOL_MAX_REQUEUES = 2;

/**
 * A pooled SMTP transport from an smtp:// or smtps:// URL. A connection that breaks (the server
 * restarted) leaves the pool and the next message opens a new one; the owner closes the transport
 * on shutdown. Timeouts are short so that one attempt always ends well inside the sender's lease.
 */
export function createSmtpTransport(smtpUrl: string): SmtpTransport {
  const url = new URL(smtpUrl);
  const options: SMTPPool.Options = {
    pool: true,
    maxConnections: SMTP_POOL_SIZE,
    maxMessages: POOL_MAX_MESSAGES,
    idleTimeout: POOL_IDLE_TIMEOUT_MS,
    maxRequeues: POOL_MAX_REQUEUES,
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  if (url.username) {
    options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  }
  return nodemailer.createTransport(options);
}

/** An SMTP 5xx reply is final (no such mailbox, refused); everything else may pass on a later try. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * 550, 551 and 553 name the mailbox (unknown, moved, invalid): a hard bounce. 554 and other 5xx
 * replies are often about the message or a policy, so they fail the email without suppressing the address.
 */
export function isMailboxRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return code === 550 || code === 551 || code === 553;
}

export function describeSmtpError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const response = (error as { response?: unknown }).response;
  const text = typeof response === 'string' && response ? response : error.message;
  // The reason is shown in the UI and stored: one line, bounded.
  return text.replace(/\s+/g, ' ').slice(0, 500);
}
