import { randomUUID } from 'node:crypto';

/** The address inside "Name <a@b>" or a bare address. */
export function addressOf(mailbox: string): string {
  const match = mailbox.match(/<([^<>]+)>\s*$/);
  return (match?.[1] ?? mailbox).trim();
}

/**
 * Our Message-ID, fixed when the email is queued: every attempt sends the same one, so a copy sent
 * twice after a crash is recognisably the same message.
 */
export function createMessageId(fromAddress: string | null): string {
  const domain = fromAddress ? addressOf(fromAddress).split('@')[1] : undefined;
  const right = domain && /^[A-Za-z0-9.-]+$/.test(domain) ? domain.toLowerCase() : 'keydesk.localhost';
  return `<${randomUUID()}@${right}>`;
}
