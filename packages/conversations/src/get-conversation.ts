// conversation.getChat / conversation.getThread: one conversation with its messages in order.
// Named selects: attachment bytes and raw headers never leave through here.
import type { Db, Prisma } from '@keydesk/db';

const customerSelect = { select: { id: true, name: true } } as const;

export const chatDetailSelect = {
  id: true,
  source: true,
  externalId: true,
  visitorName: true,
  visitorEmail: true,
  visitorCountry: true,
  startedAt: true,
  endedAt: true,
  messageCount: true,
  isAwaitingReply: true,
  customer: customerSelect,
  messages: {
    orderBy: { seq: 'asc' },
    select: { id: true, seq: true, senderType: true, senderName: true, sentAt: true, text: true },
  },
} satisfies Prisma.ChatTranscriptSelect;

export const threadDetailSelect = {
  id: true,
  subject: true,
  firstMessageAt: true,
  lastMessageAt: true,
  messageCount: true,
  hasAttachments: true,
  isAwaitingReply: true,
  customer: customerSelect,
  participants: { select: { address: true }, orderBy: { address: 'asc' } },
  messages: {
    // A message of unknown date goes after the dated ones, in the order it was stored.
    orderBy: [{ sentAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    select: {
      id: true,
      fromAddress: true,
      fromName: true,
      toAddresses: true,
      ccAddresses: true,
      subject: true,
      sentAt: true,
      isInbound: true,
      textBody: true,
      htmlBody: true,
      parseProblems: true,
      attachments: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          filename: true,
          contentType: true,
          size: true,
          contentId: true,
          isInline: true,
          checksum: true,
        },
      },
    },
  },
} satisfies Prisma.EmailThreadSelect;

export async function getChat(db: Db, id: number) {
  return db.prisma.chatTranscript.findUnique({ where: { id }, select: chatDetailSelect });
}

export async function getThread(db: Db, id: number) {
  const thread = await db.prisma.emailThread.findUnique({ where: { id }, select: threadDetailSelect });
  if (!thread) return null;
  const attachmentIds = thread.messages.flatMap((m) => m.attachments.map((a) => a.id));
  const stored = new Set(
    attachmentIds.length === 0
      ? []
      : (
          await db.prisma.emailAttachment.findMany({
            where: { id: { in: attachmentIds }, content: { not: null } },
            select: { id: true },
          })
        ).map((a) => a.id),
  );
  return {
    ...thread,
    participants: thread.participants.map((p) => p.address),
    messages: thread.messages.map((m) => ({
      ...m,
      toAddresses: parseList(m.toAddresses),
      ccAddresses: parseList(m.ccAddresses),
      parseProblems: parseList(m.parseProblems),
      attachments: m.attachments.map((a) => ({ ...a, isStored: stored.has(a.id) })),
    })),
  };
}

export type ThreadDetail = NonNullable<Awaited<ReturnType<typeof getThread>>>;
export type ChatDetail = NonNullable<Awaited<ReturnType<typeof getChat>>>;

/** Attachment bytes for the download route (owner session checked by the caller). */
export async function getAttachmentContent(db: Db, id: number) {
  return db.prisma.emailAttachment.findUnique({
    where: { id },
    select: { filename: true, contentType: true, size: true, content: true },
  });
}

function parseList(value: string | null): string[] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** A simple lookup for the owner's "link to customer" search: by address or name fragment. */
export async function findCustomersForLinking(db: Db, search: string, limit: number) {
  const term = search.trim().toLowerCase();
  return db.prisma.customer.findMany({
    where: {
      OR: [{ emails: { some: { email: { contains: term } } } }, { name: { contains: search.trim() } }],
    },
    select: {
      id: true,
      name: true,
      emails: { select: { email: true }, orderBy: { isPrimary: 'desc' }, take: 3 },
    },
    orderBy: { lastSeenAt: 'desc' },
    take: limit,
  });
}
