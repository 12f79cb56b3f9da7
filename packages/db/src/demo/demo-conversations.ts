// Chat transcripts and email threads, most linked to demo customers and some left unlinked,
// so the Conversations page and the "unlinked" view have something real to show.
import type Database from 'better-sqlite3';
import {
  demoCustomerById,
  finishDemoChat,
  finishDemoThread,
  insertDemoChat,
  insertDemoChatMessage,
  insertDemoMessage,
  insertDemoParticipant,
  insertDemoThread,
  maxCustomerId,
} from '../sql/demo.ts';
import { CHAT_AGENT_LINES, CHAT_VISITOR_LINES, EMAIL_SUBJECTS } from './demo-data.ts';
import { createRng, itemSeed, type Rng } from './rng.ts';

const DAY_MS = 86_400_000;
const OWNER_ADDRESS = 'support@tessera-software.example';

const NO_CONVERSATIONS = { chats: 0, chatMessages: 0, threads: 0, emailMessages: 0 };
export type ConversationDemoCounts = Record<keyof typeof NO_CONVERSATIONS, number>;

type CustomerRef = { id: number; name: string; email: string };

export function generateDemoConversations(options: {
  sqlite: Database.Database;
  seed: number;
  count: number;
  now: Date;
}): ConversationDemoCounts {
  const { sqlite, seed, now } = options;
  const counts: ConversationDemoCounts = { ...NO_CONVERSATIONS };
  const maxId = maxCustomerId.get(sqlite)?.maxId ?? 0;

  /** Most conversations belong to a demo customer; some stay unlinked for the "unlinked" view. */
  const pickLinkedCustomer = (rng: Rng): CustomerRef | undefined =>
    rng.chance(0.85) && maxId > 0 ? demoCustomerById.get(sqlite, { id: rng.int(1, maxId) }) : undefined;

  const writeChat = (i: number) => {
    const rng = createRng(itemSeed(seed ^ 0xc4a7, i));
    const customer = pickLinkedCustomer(rng);
    const started = now.getTime() - Math.floor(rng.next() ** 2 * 365 * DAY_MS) - rng.int(1, 600) * 60_000;
    const messageTotal = rng.int(2, 7);
    const isAwaitingReply = rng.chance(0.12);
    const visitorName = customer?.name ?? `Visitor ${rng.int(1000, 9999)}`;
    const result = insertDemoChat.run(sqlite, {
      externalId: `demo-chat-${seed}-${i}`,
      customerId: customer?.id ?? null,
      visitorName,
      visitorEmail: customer?.email ?? (rng.chance(0.5) ? `visitor${i}@example.net` : null),
      visitorCountry: rng.pick(['US', 'DE', 'FR', 'GB', 'JP']),
      startedAt: started,
      isAwaitingReply: isAwaitingReply ? 1 : 0,
    });
    if (result.changes === 0) return;
    const transcriptId = result.lastInsertRowid;
    let at = started;
    let last = '';
    for (let seq = 0; seq < messageTotal; seq++) {
      const isVisitor = seq % 2 === 0 || (isAwaitingReply && seq === messageTotal - 1);
      last = isVisitor ? rng.pick(CHAT_VISITOR_LINES) : rng.pick(CHAT_AGENT_LINES);
      insertDemoChatMessage.run(sqlite, {
        transcriptId,
        seq,
        senderType: isVisitor ? 'visitor' : 'agent',
        senderName: isVisitor ? visitorName : 'Support',
        sentAt: at,
        text: last,
      });
      at += rng.int(20, 240) * 1000;
      counts.chatMessages++;
    }
    finishDemoChat.run(sqlite, {
      id: transcriptId,
      endedAt: at,
      messageCount: messageTotal,
      snippet: last.slice(0, 160),
    });
    counts.chats++;
  };

  const writeThread = (i: number) => {
    const rng = createRng(itemSeed(seed ^ 0xe3a1, i));
    const customer = pickLinkedCustomer(rng);
    const from = customer?.email ?? `someone${i}@mailbox.example`;
    const fromName = customer?.name ?? 'Unknown sender';
    const subject = rng.pick(EMAIL_SUBJECTS);
    const first = now.getTime() - Math.floor(rng.next() ** 2 * 365 * DAY_MS);
    const messageTotal = rng.int(1, 5);
    const isAwaitingReply = messageTotal % 2 === 1;
    const threadKey = `gmail:${BigInt(seed) * 1_000_000n + BigInt(i)}`;
    const result = insertDemoThread.run(sqlite, {
      threadKey,
      subject,
      customerId: customer?.id ?? null,
      firstMessageAt: first,
      messageCount: messageTotal,
      isAwaitingReply: isAwaitingReply ? 1 : 0,
    });
    if (result.changes === 0) return;
    const threadId = result.lastInsertRowid;
    insertDemoParticipant.run(sqlite, { threadId, address: from });
    insertDemoParticipant.run(sqlite, { threadId, address: OWNER_ADDRESS });
    let at = first;
    let previousId: string | null = null;
    let references = '';
    let snippet = '';
    for (let k = 0; k < messageTotal; k++) {
      const isInbound = k % 2 === 0;
      const messageId = `<demo-${seed}-${i}-${k}@mail.example>`;
      const body = isInbound
        ? `Hello,\n\n${rng.pick(CHAT_VISITOR_LINES)}\n\nBest regards,\n${fromName}`
        : `Hi ${fromName.split(' ')[0]},\n\n${rng.pick(CHAT_AGENT_LINES)}\n\nKind regards,\nTessera Support`;
      snippet = body.replace(/\s+/g, ' ').slice(0, 160);
      insertDemoMessage.run(sqlite, {
        threadId,
        messageId,
        inReplyTo: previousId,
        references: references || null,
        fromAddress: isInbound ? from : OWNER_ADDRESS,
        fromName: isInbound ? fromName : 'Tessera Support',
        toAddresses: JSON.stringify([isInbound ? OWNER_ADDRESS : from]),
        subject: k === 0 ? subject : `Re: ${subject}`,
        sentAt: at,
        isInbound: isInbound ? 1 : 0,
        textBody: body,
        snippet,
      });
      counts.emailMessages++;
      references = `${references} ${messageId}`.trim();
      previousId = messageId;
      at += rng.int(1, 48) * 3_600_000;
    }
    finishDemoThread.run(sqlite, { id: threadId, lastMessageAt: at, snippet });
    counts.threads++;
  };

  sqlite.transaction(() => {
    for (let i = 0; i < options.count; i++) {
      writeChat(i);
      writeThread(i);
    }
  })();
  return counts;
}
