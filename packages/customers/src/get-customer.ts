// A customer's whole story in one call: profile, licenses with upgrade verdicts, orders,
// newsletter, conversations, key resends, notes, audit entries and the addresses announcements no
// longer reach. Every list is bounded.
import { type Db, licenseCoreSelect, type Prisma } from '@keydesk/db';
import { getUpgradeEligibility, type UpgradeRule } from './upgrade-eligibility.ts';

const LIST_LIMIT = 200;
const TIMELINE_LIMIT = 50;

export const customerProfileSelect = {
  id: true,
  name: true,
  company: true,
  country: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  region: true,
  postalCode: true,
  phone: true,
  firstSeenAt: true,
  lastSeenAt: true,
  emails: {
    select: { id: true, email: true, isPrimary: true },
    orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }],
  },
} satisfies Prisma.CustomerSelect;

export const customerLicenseSelect = {
  ...licenseCoreSelect,
  orderId: true,
} satisfies Prisma.LicenseSelect;

export const customerOrderSelect = {
  id: true,
  reseller: true,
  resellerOrderId: true,
  product: true,
  edition: true,
  quantity: true,
  amountMinor: true,
  currency: true,
  status: true,
  refundedMinor: true,
  isTest: true,
  purchasedAt: true,
  refundedAt: true,
  chargedBackAt: true,
} satisfies Prisma.OrderSelect;

const newsletterSelect = {
  email: true,
  status: true,
  subscribedAt: true,
  unsubscribedAt: true,
} satisfies Prisma.NewsletterSubscriptionSelect;

const chatSelect = {
  id: true,
  startedAt: true,
  lastMessageAt: true,
  messageCount: true,
  isAwaitingReply: true,
  snippet: true,
  visitorName: true,
} satisfies Prisma.ChatTranscriptSelect;

const threadSelect = {
  id: true,
  subject: true,
  lastMessageAt: true,
  messageCount: true,
  isAwaitingReply: true,
  snippet: true,
} satisfies Prisma.EmailThreadSelect;

const resendSelect = {
  id: true,
  licenseId: true,
  toAddress: true,
  isAlternateAddress: true,
  requestedAt: true,
  license: { select: { product: true, edition: true, key: true } },
  outbox: { select: { status: true, sentAt: true, lastError: true, attempts: true } },
} satisfies Prisma.LicenseResendSelect;

const noteSelect = {
  id: true,
  body: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CustomerNoteSelect;

const auditSelect = {
  id: true,
  at: true,
  actor: true,
  action: true,
  targetType: true,
  targetId: true,
  details: true,
} satisfies Prisma.AuditLogSelect;

type ConversationEntry = {
  type: 'chat' | 'email';
  id: number;
  at: Date;
  title: string;
  snippet: string | null;
  messageCount: number;
  isAwaitingReply: boolean;
};

/** A key resend sits on the timeline beside the conversation that usually asked for it. */
type ResendEntry = {
  type: 'resend';
  id: number;
  at: Date;
  title: string;
  snippet: string;
  licenseId: number;
  status: string;
};

export type TimelineEntry = ConversationEntry | ResendEntry;

export async function getCustomer(options: { db: Db; customerId: number; rule: UpgradeRule; now: Date }) {
  const { db, customerId, rule, now } = options;
  const prisma = db.prisma;
  const profile = await prisma.customer.findUnique({
    where: { id: customerId },
    select: customerProfileSelect,
  });
  if (!profile) return null;
  const [licenses, orders, newsletter, chats, threads, resends, notes, audit, suppressions] =
    await Promise.all([
      prisma.license.findMany({
        where: { customerId },
        select: customerLicenseSelect,
        orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
        take: LIST_LIMIT,
      }),
      prisma.order.findMany({
        where: { customerId },
        select: customerOrderSelect,
        orderBy: [{ purchasedAt: 'desc' }, { id: 'desc' }],
        take: LIST_LIMIT,
      }),
      prisma.newsletterSubscription.findMany({ where: { customerId }, select: newsletterSelect, take: 20 }),
      prisma.chatTranscript.findMany({
        where: { customerId },
        select: chatSelect,
        orderBy: { lastMessageAt: 'desc' },
        take: TIMELINE_LIMIT,
      }),
      prisma.emailThread.findMany({
        where: { customerId },
        select: threadSelect,
        orderBy: { lastMessageAt: 'desc' },
        take: TIMELINE_LIMIT,
      }),
      prisma.licenseResend.findMany({
        where: { customerId },
        select: resendSelect,
        orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
        take: LIST_LIMIT,
      }),
      prisma.customerNote.findMany({
        where: { customerId },
        select: noteSelect,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: LIST_LIMIT,
      }),
      prisma.auditLog.findMany({
        where: { customerId },
        select: auditSelect,
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: TIMELINE_LIMIT,
      }),
      // Addresses announcements no longer reach: a hard bounce, a spam complaint, a block by hand.
      prisma.emailSuppression.findMany({
        where: { email: { in: profile.emails.map((e) => e.email.toLowerCase()) } },
        select: { email: true, reason: true, at: true },
      }),
    ]);
  const timeline: TimelineEntry[] = [
    ...chats.map((chat) => ({
      type: 'chat' as const,
      id: chat.id,
      at: chat.lastMessageAt,
      title: `Chat${chat.visitorName ? ` with ${chat.visitorName}` : ''}`,
      snippet: chat.snippet,
      messageCount: chat.messageCount,
      isAwaitingReply: chat.isAwaitingReply,
    })),
    ...threads.map((thread) => ({
      type: 'email' as const,
      id: thread.id,
      at: thread.lastMessageAt,
      title: thread.subject,
      snippet: thread.snippet,
      messageCount: thread.messageCount,
      isAwaitingReply: thread.isAwaitingReply,
    })),
    ...resends.slice(0, TIMELINE_LIMIT).map((resend) => ({
      type: 'resend' as const,
      id: resend.id,
      at: resend.requestedAt,
      title: `License key resent: ${resend.license.product} ${resend.license.edition}`,
      snippet: `Key ending ${resend.license.key.slice(-5)} to ${resend.toAddress}`,
      licenseId: resend.licenseId,
      status: resend.outbox.status,
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, TIMELINE_LIMIT);
  return {
    profile,
    licenses: licenses.map((license) => ({ ...license, upgrade: getUpgradeEligibility(license, rule, now) })),
    orders,
    newsletter,
    timeline,
    resends: resends.map(({ license, outbox, ...resend }) => ({
      ...resend,
      product: license.product,
      edition: license.edition,
      keyTail: license.key.slice(-5),
      status: outbox.status,
      sentAt: outbox.sentAt,
      lastError: outbox.lastError,
      attempts: outbox.attempts,
    })),
    notes,
    audit,
    suppressions,
  };
}

export type CustomerStory = NonNullable<Awaited<ReturnType<typeof getCustomer>>>;
